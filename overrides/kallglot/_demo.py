"""``kallglot demo``: the Quick Start end to end, against the embedded mock (default) or the real API (``--live``).

Create a session, stream a short German WAV while printing transcripts and translations as they arrive, end the
session, read the transcript, run an analysis and wait for it, and download the recording with a progress bar.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import tempfile
import wave
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from . import AsyncKallglot, KallglotError
from ._constants import API_KEY_ENV
from ._stream.events import AudioOutputEvent, SessionEndedEvent, SessionReadyEvent, TranscriptFinalEvent

DEMO_WAV = "demo-de.wav"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--live", action="store_true", help=f"use the real API with ${API_KEY_ENV} (spends credits)")
    parser.add_argument("--wav", type=Path, help="a WAV file to stream (default: a short German phrase)")
    parser.add_argument("--fast", action="store_true", help="send the audio as fast as possible, not in real time")
    parser.add_argument("--output", type=Path, help="folder for the downloaded recording (default: a temp folder)")


@contextlib.contextmanager
def _demo_wav(path: Path | None) -> Iterator[Path]:
    if path is not None:
        yield path
        return
    with resources.as_file(resources.files("kallglot") / "_data" / DEMO_WAV) as packaged:
        yield packaged


@contextlib.contextmanager
def _api(live: bool, console: Console) -> Iterator[tuple[str | None, str | None]]:
    """``(api_key, base_url)`` of the real API, or of a mock served for the length of the demo."""
    if live:
        console.print("Using the real Kallglot API (this spends API credits).")
        yield None, None
        return
    from .mock import serve

    # The mock's own turns (a final per 1.5-3 s of audio) read like a conversation; analyses take a second.
    with serve(analysis_delay=1.0) as server:
        console.print(f"Using the embedded mock API at [bold]{server.base_url}[/] (pass --live for the real one).")
        yield server.api_key, server.base_url


def _seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes() / reader.getframerate()


async def _stream(client: AsyncKallglot, session: Any, wav: Path, realtime: bool, console: Console) -> None:
    async with client.sessions.stream(session, raise_on_error=True) as stream:
        counts = {"frames": 0, "audio_bytes": 0, "finals": 0}

        async def send() -> None:
            counts["frames"] = await stream.send_wav(wav, speaker="customer", realtime=realtime)
            await stream.end()

        sender = asyncio.create_task(send())
        async for event in stream:
            if isinstance(event, SessionReadyEvent):
                console.print("   stream ready; speaking…")
            elif isinstance(event, TranscriptFinalEvent):
                counts["finals"] += 1
                console.print(f"   [bold]{event.speaker or 'speaker'}[/] ({event.language or '?'}): {event.text}")
                if event.translation:  # None and UNSET are both falsy
                    console.print(f"      → ({event.translation.language}) {event.translation.text}", style="green")
            elif isinstance(event, AudioOutputEvent):
                counts["audio_bytes"] += len(event.data)
            elif isinstance(event, SessionEndedEvent):
                console.print(
                    f"   session ended ({event.reason}): {counts['frames']} frames sent, {counts['finals']} final "
                    f"transcripts, {counts['audio_bytes'] / 1000:.1f} KB of translated audio received"
                )
        await sender


async def _run(args: argparse.Namespace, console: Console, api_key: str | None, base_url: str | None) -> None:
    async with AsyncKallglot(api_key, base_url=base_url) as client:
        session = await client.sessions.create(
            mode="bidirectional_translation", source_language="de", target_language="en",
            metadata={"source": "kallglot demo"},
        )  # fmt: skip
        left = client.credits.remaining if client.credits else "unknown"
        console.print(f"1. Created session [bold]{session.id}[/] ({session.mode}, de → en); credits left: {left}")

        with _demo_wav(args.wav) as wav:
            pace = "as fast as possible" if args.fast else "in real time"
            console.print(f"2. Streaming {wav.name} ({_seconds(wav):.1f} s of audio) {pace}:")
            await _stream(client, session, wav, not args.fast, console)

        ended = await client.sessions.end(session.id)
        console.print(f"3. Session {ended.status}; billed duration {ended.duration_seconds} s")

        transcript = await client.sessions.transcript(session.id)
        turns = transcript.turns or []
        console.print(f"4. Transcript ({transcript.status}): {len(turns)} turns")
        for turn in turns[:3]:
            translated = f" → {turn.translation.text}" if turn.translation else ""  # None and UNSET are falsy
            console.print(f"   {turn.sequence}. {turn.speaker}: {turn.text}{translated}")
        if len(turns) > 3:
            console.print(f"   … and {len(turns) - 3} more")

        analysis = await client.analyses.create(session.id, include=["summary", "sentiment"])
        console.print(f"5. Analysis {analysis.id} {analysis.status}…", end=" ")
        analysis = await client.analyses.wait(analysis.id, timeout=120, poll_interval=0.5)
        console.print(f"{analysis.status}: {analysis.summary}")

        await _download(client, session.id, args.output, console)
        left = client.credits.remaining if client.credits else "unknown"
        console.print(f"Done. Credits left: {left}.")


async def _download(client: AsyncKallglot, session_id: str, output: Path | None, console: Console) -> None:
    recordings = [r async for r in client.sessions.recordings(session_id)]
    if not recordings:
        console.print("6. No recording (recording is off for this session).")
        return
    recording = recordings[0]
    folder = output or Path(tempfile.mkdtemp(prefix="kallglot-demo-"))
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task(f"6. Downloading {recording.id}", total=None)

        def on_progress(done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total)

        path = await client.recordings.download(recording.id, folder, on_progress=on_progress)
    console.print(f"   saved {path.stat().st_size / 1000:.1f} KB to {path}")


def run(args: argparse.Namespace) -> int:
    """Run the demo; 0 when every step worked, 1 when the API said no, 2 when it cannot start."""
    console = Console(highlight=False, soft_wrap=True)
    if args.live and not os.environ.get(API_KEY_ENV):
        console.print(f"kallglot demo --live needs an API key in ${API_KEY_ENV}.", style="red")
        return 2
    if args.wav is not None and not args.wav.is_file():
        console.print(f"kallglot demo: no such WAV file: {args.wav}", style="red")
        return 2
    try:
        with _api(args.live, console) as (api_key, base_url):
            asyncio.run(_run(args, console, api_key, base_url))
    except KallglotError as exc:
        console.print(f"kallglot demo failed: {type(exc).__name__}: {exc}", style="red")
        return 1
    return 0
