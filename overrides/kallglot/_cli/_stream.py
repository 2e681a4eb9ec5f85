"""``kallglot stream``: stream a WAV (a file or standard input) into a session and print the live transcript.

Threads: the main thread iterates the stream's events and prints them; a sender thread reads the WAV and sends
20 ms frames (paced in real time unless ``--fast``), then ``session.end``. Ctrl-C (SIGINT) stops the sender, sends
``session.end`` from a short-lived thread (the main thread may be inside the stream's lock), waits for
``session.ended`` (closing the stream after ``_END_GRACE`` seconds if it never comes) and exits 130.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import logging
import os
import signal
import sys
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, BinaryIO

from ._common import EXIT_INTERRUPTED, EXIT_OK, Failure, add_connection_options, client, error, example, progress

if TYPE_CHECKING:
    from .. import Stream

_END_GRACE = 10.0  # seconds to wait for session.ended after Ctrl-C before closing the socket


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.epilog = example("kallglot stream call.wav --from de --to en    (or: arecord -f S16_LE | kallglot stream -)")
    parser.add_argument("audio", metavar="AUDIO.wav|-", help="a PCM WAV file (any rate), or - for one on stdin")
    parser.add_argument("--session", metavar="SESSION_ID", help="stream into this session instead of a new one")
    parser.add_argument("--from", dest="source_language", metavar="LANG", help="source language of a new session")
    parser.add_argument("--to", dest="target_language", metavar="LANG", help="target language of a new session")
    parser.add_argument("--mode", default="bidirectional_translation", help="mode of a new session")
    parser.add_argument("--speaker", choices=("customer", "agent"), default="customer")
    parser.add_argument("--fast", action="store_true", help="send as fast as possible, not in real time")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every frame sent and received (stderr)")
    add_connection_options(parser, json_output=False)
    parser.set_defaults(run=run)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        from .._redact import redact

        return redact(super().format(record))


def _wire_logger() -> logging.Logger:
    """The logger ``websockets`` writes each frame to (``> sent``, ``< received``), printed redacted on stderr."""
    logger = logging.getLogger("kallglot.cli.wire")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_RedactingFormatter("%(message)s"))
        logger.addHandler(handler)
    return logger


def _open_audio(spec: str) -> tuple[Iterator[bytes], float | None]:
    """The WAV's frames (the first already read, so a bad file fails before a session exists) and its seconds."""
    from .. import audio

    source: BinaryIO | Path = sys.stdin.buffer if spec == "-" else Path(spec)
    seconds = None
    try:
        if isinstance(source, Path):
            with wave.open(str(source), "rb") as reader:
                seconds = reader.getnframes() / max(1, reader.getframerate())
        frames = audio.wav_frames(source)
        first = next(frames, None)
    except (wave.Error, EOFError, ValueError) as exc:
        raise Failure(f"{spec}: not a PCM WAV file this command can stream: {exc}") from None
    return (itertools.chain([first], frames) if first is not None else iter(())), seconds


class _Sender:
    """Sends the frames on its own thread; :meth:`stop` (from the SIGINT handler) ends the session early."""

    def __init__(self, stream: Stream, frames: Iterator[bytes], args: argparse.Namespace, seconds: float | None):
        self.stream, self.frames, self.args, self.seconds = stream, frames, args, seconds
        self.stopped = threading.Event()
        self.interrupted = False
        self.finished = threading.Event()  # set by the main thread once iteration is over
        self._ended = threading.Lock()
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kallglot-cli-sender", daemon=True)

    def _end(self) -> None:
        from .. import KallglotError

        # Suppressed: a stream already closed or failed is reported by the main thread's iteration.
        if self._ended.acquire(blocking=False):
            with contextlib.suppress(KallglotError):
                self.stream.end()

    def _run(self) -> None:
        from .. import audio

        total_ms = round(self.seconds * 1000) if self.seconds else None
        start = time.monotonic()
        try:
            with progress("Streaming", unit=lambda ms: f"{ms / 1000:.1f} s") as on_progress:
                for count, frame in enumerate(self.frames, 1):
                    if not self.args.fast:
                        self.stopped.wait(max(0.0, start + (count - 1) * audio.FRAME_MS / 1000 - time.monotonic()))
                    if self.stopped.is_set():
                        break
                    self.stream.send_audio(frame, speaker=self.args.speaker)
                    on_progress(count * audio.FRAME_MS, total_ms)
        except Exception as exc:  # reported by the main thread once the stream has ended
            self.failure = exc
        finally:
            self._end()
            # A server that never sends session.ended must not hold the command for ever.
            if not self.finished.wait(_END_GRACE):
                self.stream.close()

    def stop(self) -> None:
        """Stop sending, send ``session.end`` now, and close the stream if ``session.ended`` never comes."""
        self.interrupted = True
        self.stopped.set()

        def end_then_watch() -> None:
            self._end()
            if not self.finished.wait(_END_GRACE):
                self.stream.close()

        threading.Thread(target=end_then_watch, name="kallglot-cli-end", daemon=True).start()


def _print_event(event: Any) -> None:
    from .. import ErrorEvent, SessionErrorEvent, TranscriptFinalEvent

    if isinstance(event, TranscriptFinalEvent):
        language = f" ({event.language})" if isinstance(event.language, str) else ""
        print(f"{event.speaker or 'speaker'}{language}: {event.text}", flush=True)
        translation = event.translation
        if translation and isinstance(getattr(translation, "text", None), str):
            language = f"({translation.language}) " if isinstance(translation.language, str) else ""
            print(f"    → {language}{translation.text}", flush=True)
    elif isinstance(event, ErrorEvent | SessionErrorEvent):
        error(f"stream: {event.to_dict()}")


def run(args: argparse.Namespace) -> int:
    if args.session and (args.source_language or args.target_language):
        raise Failure("--session streams into an existing session: leave out --from and --to")
    if args.audio != "-" and not Path(args.audio).is_file():
        raise Failure(f"no such WAV file: {args.audio}")
    if args.verbose:
        # websockets shortens each logged frame to 75 characters unless told otherwise when it is first imported.
        os.environ.setdefault("WEBSOCKETS_MAX_LOG_SIZE", "4096")
    frames, seconds = _open_audio(args.audio)
    from .. import KallglotError

    with client(args) as api:
        if args.session:
            session_id = args.session
        else:
            session = api.sessions.create(
                mode=args.mode, source_language=args.source_language, target_language=args.target_language
            )
            session_id = session.id
        print(f"session {session_id}", flush=True)
        options: dict[str, Any] = {"websocket_options": {"logger": _wire_logger()}} if args.verbose else {}
        try:
            with api.sessions.stream(session_id, **options) as stream:
                sender = _Sender(stream, frames, args, seconds)

                def interrupted(signum: int, frame: FrameType | None) -> None:
                    signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C stops at once
                    sender.stop()

                previous = signal.signal(signal.SIGINT, interrupted)
                try:
                    sender.thread.start()
                    for event in stream:
                        _print_event(event)
                finally:
                    signal.signal(signal.SIGINT, previous)
                    sender.stopped.set()
                    sender.finished.set()
        except BaseException:
            # A stream that failed must not leave a (billed) session running: end it, then report the failure.
            with contextlib.suppress(KallglotError):
                api.sessions.end(session_id)
            raise
        ended = stream.ended
        try:
            api.sessions.end(session_id)  # idempotent: makes sure it ended even if the socket closed first
        except KallglotError as exc:
            error(f"could not end {session_id}: {exc}")
    sender.thread.join(1.0)
    if sender.failure is not None and not sender.interrupted:
        raise sender.failure  # after the session ended: main() prints it with its exit code
    reason = f" ({ended.reason})" if ended is not None and ended.reason else ""
    print(f"session {session_id} ended{reason}", flush=True)
    return EXIT_INTERRUPTED if sender.interrupted else EXIT_OK
