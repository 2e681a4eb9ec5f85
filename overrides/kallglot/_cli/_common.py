"""What every ``kallglot`` command shares: exit codes, the common options, the client, output and errors.

Imports only the standard library at module level, so building the parser stays fast; the SDK loads when a
command runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .. import Kallglot

# The documented exit codes (README "Command line"); one per kind of failure a script may want to tell apart.
EXIT_OK = 0
EXIT_API_ERROR = 1  # any other API or SDK error (a 5xx, a response that does not match the spec, a stream error)
EXIT_USAGE = 2  # bad arguments or input, missing API key (argparse uses 2 too)
EXIT_AUTHENTICATION = 3  # 401
EXIT_INSUFFICIENT_CREDITS = 4  # 402
EXIT_NOT_FOUND = 5  # 404
EXIT_RATE_LIMITED = 6  # 429
EXIT_CONNECTION = 7  # no answer: refused, reset, timed out; a stream that could not (re)connect
EXIT_SIGNATURE = 8  # a webhook signature was refused
EXIT_DRIFT = 9  # doctor: the API differs from openapi/kallglot.yaml
EXIT_INTERRUPTED = 130  # Ctrl-C

EXIT_CODES_HELP = """\
exit codes: 0 ok, 1 other API error, 2 usage, 3 authentication, 4 insufficient credits, 5 not found,
6 rate limited, 7 connection error, 8 webhook signature refused, 9 doctor found drift, 130 interrupted"""

Runner = Callable[[argparse.Namespace], int]


class Failure(Exception):
    """A command's own error: printed as one line on stderr, exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def add_connection_options(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    """``--api-key``, ``--base-url`` (and ``--json``) on a command that calls the API."""
    group = parser.add_argument_group("connection")
    group.add_argument("--api-key", help="API key (default: $KALLGLOT_API_KEY)")
    group.add_argument("--base-url", help="API base URL, e.g. http://127.0.0.1:12111/v1 (default: $KALLGLOT_BASE_URL)")
    if json_output:
        parser.add_argument("--json", action="store_true", help="print the object's JSON (exactly to_dict())")


def command_group(parser: argparse.ArgumentParser, name: str) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """Make ``parser`` a group of actions (``kallglot sessions create``); without one it prints its help."""

    def usage(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    parser.set_defaults(run=usage)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")


def action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str, sample: str, run: Any
) -> argparse.ArgumentParser:
    """Add one action with the connection options, its example and its runner."""
    sub = actions.add_parser(
        name, help=help_text, description=help_text, epilog=example(sample),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    add_connection_options(sub)
    sub.set_defaults(run=run)
    return sub


def example(text: str) -> str:
    """An ``epilog`` with the command's example and the exit codes."""
    return f"example:\n  {text}\n\n{EXIT_CODES_HELP}"


def client(args: argparse.Namespace) -> Kallglot:
    """The public client, configured from the options and the environment."""
    from .. import Kallglot
    from .._constants import API_KEY_ENV

    if not (args.api_key or os.environ.get(API_KEY_ENV)):
        raise Failure(f"no API key: pass --api-key or set {API_KEY_ENV}")
    return Kallglot(api_key=args.api_key, base_url=args.base_url)


def exit_code(exc: BaseException) -> int:
    """The documented exit code of an exception the SDK raised."""
    from .. import (
        APIConnectionError,
        AuthenticationError,
        InsufficientCreditsError,
        NotFoundError,
        RateLimitError,
        StreamConnectionError,
        WebhookSignatureError,
    )

    table: list[tuple[type[BaseException], int]] = [
        (AuthenticationError, EXIT_AUTHENTICATION),
        (InsufficientCreditsError, EXIT_INSUFFICIENT_CREDITS),
        (NotFoundError, EXIT_NOT_FOUND),
        (RateLimitError, EXIT_RATE_LIMITED),
        (APIConnectionError, EXIT_CONNECTION),
        (StreamConnectionError, EXIT_CONNECTION),
        (WebhookSignatureError, EXIT_SIGNATURE),
    ]
    return next((code for kind, code in table if isinstance(exc, kind)), EXIT_API_ERROR)


def error(message: str) -> None:
    """Print one redacted error line on stderr (the traceback too when ``KALLGLOT_LOG=debug``)."""
    from .._redact import redact

    if os.environ.get("KALLGLOT_LOG", "").strip().lower() == "debug" and sys.exc_info()[0] is not None:
        sys.stderr.write(redact(traceback.format_exc()))
    print(f"kallglot: error: {redact(' '.join(message.split()))}", file=sys.stderr, flush=True)


def to_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


def emit(obj: Any, args: argparse.Namespace, summary: Callable[[Any], list[str]] | None = None) -> None:
    """Print ``obj.to_dict()`` as one JSON document with ``--json``, else a readable summary (tokens redacted)."""
    if getattr(args, "json", False):
        print(to_json(obj.to_dict() if hasattr(obj, "to_dict") else obj), flush=True)
        return
    from .._redact import redact

    for line in (summary or summarize)(obj):
        print(redact(line), flush=True)


def _scalar(value: Any) -> str:
    from .._redact import redact

    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_scalar(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value)
    return redact(str(value))  # per value: a token's redaction must not swallow its neighbours


def summarize(obj: Any) -> list[str]:
    """``<object> <id>`` and then one ``key: value`` line per field, nested objects on one line."""
    data = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    title = " ".join(str(data[key]) for key in ("object", "id") if data.get(key) is not None)
    lines = [title] if title else []
    width = max((len(key) for key in data), default=0)
    for key, value in data.items():
        if key in ("object", "id") or value is None or value in ({}, []):
            continue
        lines.append(f"  {key + ':':<{width + 1}} {_scalar(value)}")
    return lines


@contextmanager
def progress(
    label: str, unit: Callable[[int], str] = lambda n: f"{n / 1000:.1f} KB", stream: TextIO | None = None
) -> Iterator[Callable[[int, int | None], None]]:
    """An ``on_progress(done, total)`` that draws a bar on stderr when it is a terminal, and nothing otherwise."""
    out = stream or sys.stderr
    if not out.isatty():
        yield lambda done, total: None
        return
    state = {"drawn": False}

    def draw(done: int, total: int | None) -> None:
        if total:
            filled = min(30, 30 * done // total)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}] {unit(done)} / {unit(total)}"
        else:
            bar = unit(done)
        out.write(f"\r{label} {bar}")
        out.flush()
        state["drawn"] = True

    try:
        yield draw
    finally:
        if state["drawn"]:
            out.write("\n")
            out.flush()
