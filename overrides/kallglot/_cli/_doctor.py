"""``kallglot doctor``: run the Quick Start, check every response and stream message against the document.

The steps are the demo's (create, retrieve, stream the demo WAV, end, transcript, recordings, analysis, and one
404 for the error envelope), made through the public client's ``with_raw_response`` so the body checked is the
one received, even when the SDK's own parser refuses it. Against the embedded mock by default, ``--base-url``
for another server, ``--live`` for the real API (two credits: the session and the analysis).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import time
from collections.abc import Callable, Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from .._constants import API_KEY_ENV
from ._common import EXIT_DRIFT, EXIT_OK, EXIT_USAGE, Failure, add_connection_options, example

if TYPE_CHECKING:
    from .. import Kallglot
    from ._drift import Drift

_ANALYSIS_WAIT = 60.0
_MISSING_SESSION = "sess_00000000000000000000000000"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    parser.epilog = example("kallglot doctor    (kallglot doctor --live spends two credits)") + (
        "\n\nneeds the mock extra (jsonschema, pyyaml and the embedded mock): pip install 'kallglot[mock]'"
    )
    parser.add_argument("--live", action="store_true", help="check the real API with $KALLGLOT_API_KEY (2 credits)")
    add_connection_options(parser, json_output=False)
    parser.set_defaults(run=run)


@contextlib.contextmanager
def _target(args: argparse.Namespace) -> Iterator[tuple[str | None, str | None, str]]:
    """``(api_key, base_url, label)``: the real API, the given one, or an embedded mock for the run."""
    if args.live or args.base_url:
        yield args.api_key, args.base_url, "live" if args.live else "given"
        return
    from ..mock import serve

    with serve(frames_per_turn=40, analysis_delay=0.2) as server:
        yield server.api_key, server.base_url, "embedded mock"


def _body(call: Callable[[], Any]) -> tuple[int, Any]:
    """``(status, decoded body)`` of one call, whether the SDK parsed it, refused its shape, or raised an APIError."""
    from .. import APIError, APIResponseValidationError

    try:
        response = call()
    except APIResponseValidationError as exc:
        try:
            return exc.status_code, json.loads(exc.text)
        except ValueError:
            return exc.status_code, exc.text
    except APIError as exc:
        return exc.status_code, exc.body
    return response.status_code, response.http_response.json()


class _Run:
    def __init__(self, api: Kallglot, drift: Drift) -> None:
        self.api, self.drift = api, drift

    def rest(self, method: str, path: str, call: Callable[[], Any]) -> Any:
        status, body = _body(call)
        self.drift.check(f"{method} {path} {status}", self.drift.response_schema(path, method, status), body)
        return body if isinstance(body, dict) else {}

    def stream(self, session_id: str) -> None:
        from .. import UnknownEvent
        from .._demo import DEMO_WAV

        messages = self.drift.spec.get("x-kallglot-stream", {}).get("server-messages", {})
        with self.api.sessions.stream(session_id) as stream:
            with resources.as_file(resources.files("kallglot") / "_data" / DEMO_WAV) as path:
                stream.send_wav(path, realtime=False)
            stream.end()
            for event in stream:
                message = event.raw if isinstance(event, UnknownEvent) else event.to_dict()
                kind = message.get("type") if isinstance(message, dict) else None
                pointer = messages.get(kind, "").removeprefix("#") or None
                self.drift.check(f"stream {kind or 'frame'}", pointer, message)


def _quick_start(api: Kallglot, drift: Drift) -> None:
    run = _Run(api, drift)
    session = run.rest("POST", "/sessions", lambda: api.sessions.with_raw_response.create(
        mode="bidirectional_translation", source_language="de", target_language="en",
        metadata={"source": "kallglot doctor"},
    ))  # fmt: skip
    session_id = session.get("id")
    if not isinstance(session_id, str):
        raise Failure("the API created no session id; nothing more to check", EXIT_DRIFT)
    run.rest("GET", "/sessions/{id}", lambda: api.sessions.with_raw_response.retrieve(session_id))
    run.stream(session_id)
    run.rest("POST", "/sessions/{id}/end", lambda: api.sessions.with_raw_response.end(session_id))
    run.rest("GET", "/sessions/{id}/transcript", lambda: api.sessions.with_raw_response.transcript(session_id))
    page = run.rest("GET", "/sessions/{id}/recordings",
                    lambda: api.sessions.with_raw_response.list_recordings(session_id))  # fmt: skip
    recordings = [r for r in page.get("data") or [] if isinstance(r, dict) and isinstance(r.get("id"), str)]
    if recordings:
        rid = recordings[0]["id"]
        run.rest("GET", "/recordings/{id}", lambda: api.recordings.with_raw_response.retrieve(rid))
    analysis = run.rest("POST", "/sessions/{id}/analysis", lambda: api.analyses.with_raw_response.create(
        session_id, include=["summary", "sentiment"]))  # fmt: skip
    analysis_id, deadline = analysis.get("id"), time.monotonic() + _ANALYSIS_WAIT
    while isinstance(analysis_id, str) and analysis.get("status") not in ("completed", "complete", "failed"):
        if time.monotonic() > deadline:
            break
        time.sleep(0.25)
        analysis = run.rest("GET", "/analyses/{id}", lambda: api.analyses.with_raw_response.retrieve(analysis_id))
    run.rest("GET", "/sessions/{id}", lambda: api.sessions.with_raw_response.retrieve(_MISSING_SESSION))


def report(drift: Drift, label: str) -> list[str]:
    """The drift report: findings, the ``x-inferred`` verdicts, and a block to paste into a bug report."""
    from .._version import __version__

    lines = [f"kallglot doctor {__version__}: {drift.checked} responses and stream messages checked "
             f"against openapi/kallglot.yaml ({label})"]  # fmt: skip
    lines += [f"  DRIFT {finding.line()}" for finding in drift.findings] or ["  no drift: every body matched"]
    confirmed = sorted(p for p, uses in drift.inferred.items() if all(uses))
    contradicted = sorted(p for p, uses in drift.inferred.items() if not all(uses))
    unseen = [p for p in drift.all_inferred() if p not in drift.inferred]
    lines += [f"  x-inferred confirmed: {p} ({len(drift.inferred[p])} uses)" for p in confirmed]
    lines += [f"  x-inferred CONTRADICTED: {p}" for p in contradicted]
    lines.append(f"  x-inferred not seen in this run: {len(unseen)}")
    paste = [f"kallglot {__version__} doctor ({label}): {len(drift.findings)} drift, "
             f"{len(confirmed)} inferred confirmed, {len(contradicted)} contradicted"]  # fmt: skip
    paste += [finding.line() for finding in drift.findings[:30]] + [f"contradicted {p}" for p in contradicted]
    return [*lines, "", "--- paste this into a bug report ---", *paste, "--- end ---"]


def run(args: argparse.Namespace) -> int:
    try:
        from ._drift import Drift, load_spec
    except ImportError as exc:
        raise Failure(f"kallglot doctor needs the mock extra: pip install 'kallglot[mock]' ({exc})") from None
    from .. import Kallglot
    from .._redact import redact

    if (args.live or args.base_url) and not (args.api_key or os.environ.get(API_KEY_ENV)):
        raise Failure("kallglot doctor --live or --base-url needs --api-key or $KALLGLOT_API_KEY", EXIT_USAGE)
    drift = Drift(load_spec())
    with contextlib.ExitStack() as stack:
        try:
            api_key, base_url, label = stack.enter_context(_target(args))
        except ImportError as exc:
            raise Failure(f"kallglot doctor needs the mock extra: pip install 'kallglot[mock]' ({exc})") from None
        with Kallglot(api_key, base_url=base_url) as api:
            _quick_start(api, drift)
    for line in report(drift, label):
        print(redact(line))
    return EXIT_DRIFT if drift.drifted else EXIT_OK
