"""``kallglot sessions | transcript | recordings | analyses``: one public-client call each, printed."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._common import (
    EXIT_OK,
    Failure,
    action,
    add_connection_options,
    client,
    command_group,
    emit,
    example,
    progress,
    to_json,
)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "transcript":
        parser.epilog = example("kallglot transcript sess_01HXYZ --format srt --bilingual -o call.srt")
        parser.add_argument("session_id", metavar="SESSION_ID")
        parser.add_argument("--format", choices=("text", "json", "srt", "vtt"), default="text")
        parser.add_argument("--bilingual", action="store_true", help="each line followed by its translation")
        parser.add_argument("-o", "--output", type=Path, help="write to FILE (UTF-8) instead of standard output")
        add_connection_options(parser, json_output=False)
        parser.set_defaults(run=_transcript)
    elif name == "sessions":
        actions = command_group(parser, name)
        sub = action(actions, "create", "create a session (one API credit)",
                      "kallglot sessions create --from de --to en --metadata ticket=T-42", _create)  # fmt: skip
        sub.add_argument("--mode", default="bidirectional_translation", help="default: bidirectional_translation")
        sub.add_argument("--from", dest="source_language", metavar="LANG", help="source language, e.g. de")
        sub.add_argument("--to", dest="target_language", metavar="LANG", help="target language, e.g. en")
        sub.add_argument("--phone-number", metavar="E164", help="route the call to this number, e.g. +19788006140")
        sub.add_argument("--metadata", nargs="+", metavar="KEY=VALUE", default=[], help="metadata fields")
        sub.add_argument("--idempotency-key", metavar="KEY", help="reuse to make a retried create free")
        sub = action(actions, "retrieve", "show a session", "kallglot sessions retrieve sess_01HXYZ --json", _retrieve)
        sub.add_argument("session_id", metavar="SESSION_ID")
        sub = action(actions, "end", "end a session (idempotent)", "kallglot sessions end sess_01HXYZ", _end)
        sub.add_argument("session_id", metavar="SESSION_ID")
    elif name == "recordings":
        actions = command_group(parser, name)
        sub = action(actions, "list", "list a session's recordings", "kallglot recordings list sess_01HXYZ", _list)
        sub.add_argument("session_id", metavar="SESSION_ID")
        sub = action(actions, "download", "download a recording's audio",
                      "kallglot recordings download rec_01HABC -o recordings/", _download)  # fmt: skip
        sub.add_argument("recording_id", metavar="RECORDING_ID")
        sub.add_argument("-o", "--output", default=".", metavar="PATH", help="a file, or a folder (default: .)")
    else:
        actions = command_group(parser, name)
        sub = action(actions, "create", "analyse a session's transcript (one API credit)",
                      "kallglot analyses create sess_01HXYZ --include summary,sentiment --wait", _analyse)  # fmt: skip
        sub.add_argument("session_id", metavar="SESSION_ID")
        sub.add_argument("--include", metavar="LIST", help="comma-separated: summary,sentiment,compliance,...")
        sub.add_argument("--profile", metavar="NAME")
        sub.add_argument("--wait", action="store_true", help="poll until completed or failed")
        sub.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS", help="for --wait (default 300)")
        sub = action(actions, "retrieve", "show an analysis", "kallglot analyses retrieve anl_01HDEF", _analysis)
        sub.add_argument("analysis_id", metavar="ANALYSIS_ID")


def _metadata(pairs: list[str]) -> dict[str, str] | None:
    fields = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise Failure(f"--metadata takes KEY=VALUE, got {pair!r}")
        fields[key] = value
    return fields or None


def _create(args: argparse.Namespace) -> int:
    metadata = _metadata(args.metadata)
    with client(args) as api:
        session = api.sessions.create(
            mode=args.mode, source_language=args.source_language, target_language=args.target_language,
            routing={"phone_number": args.phone_number} if args.phone_number else None, metadata=metadata,
            idempotency_key=args.idempotency_key,
        )  # fmt: skip
    emit(session, args)
    return EXIT_OK


def _retrieve(args: argparse.Namespace) -> int:
    with client(args) as api:
        emit(api.sessions.retrieve(args.session_id), args)
    return EXIT_OK


def _end(args: argparse.Namespace) -> int:
    with client(args) as api:
        emit(api.sessions.end(args.session_id), args)
    return EXIT_OK


def _transcript(args: argparse.Namespace) -> int:
    from .. import subtitles

    with client(args) as api:
        transcript = api.sessions.transcript(args.session_id)
    lines: subtitles.Lines = "bilingual" if args.bilingual else "original"
    if args.format == "json":
        text = to_json(transcript.to_dict()) + "\n"
    else:
        render = {"text": subtitles.to_text, "srt": subtitles.to_srt, "vtt": subtitles.to_vtt}[args.format]
        text = render(transcript, lines=lines)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with client(args) as api:
        recordings = list(api.sessions.recordings(args.session_id))
    if args.json:
        print(to_json([recording.to_dict() for recording in recordings]))
        return EXIT_OK
    for recording in recordings:
        data = recording.to_dict()
        fields = [str(data.get(key, "-")) for key in ("id", "channel", "status", "duration", "format", "size")]
        print("  ".join(fields))
    if not recordings:
        print(f"no recordings for {args.session_id}", file=sys.stderr)
    return EXIT_OK


def _download(args: argparse.Namespace) -> int:
    if args.output.endswith(("/", os.sep)):  # "recordings/" names a folder even before it exists
        Path(args.output).mkdir(parents=True, exist_ok=True)
    with client(args) as api, progress(f"Downloading {args.recording_id}") as on_progress:
        path = api.recordings.download(args.recording_id, args.output, on_progress=on_progress)
    if args.json:
        print(to_json({"recording_id": args.recording_id, "path": str(path), "size": path.stat().st_size}))
    else:
        print(path)
    return EXIT_OK


def _analyse(args: argparse.Namespace) -> int:
    include = [part.strip() for part in args.include.split(",") if part.strip()] if args.include else None
    with client(args) as api:
        analysis = api.analyses.create(args.session_id, include=include, profile=args.profile)
        if args.wait:
            analysis = api.analyses.wait(analysis.id, timeout=args.timeout)
    emit(analysis, args)
    return EXIT_OK


def _analysis(args: argparse.Namespace) -> int:
    with client(args) as api:
        emit(api.analyses.retrieve(args.analysis_id), args)
    return EXIT_OK
