"""The ``kallglot`` command line: ``kallglot demo`` (the main job) and ``kallglot mock``.

Each subcommand registers itself in :data:`_SUBCOMMANDS` with a function that adds its arguments and a function
that runs it and returns the exit status. Subcommand modules are imported only when they run, so ``kallglot
--help`` works without the ``mock`` extra installed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

Runner = Callable[[argparse.Namespace], int]


def _add_mock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=12111, help="port to listen on, 0 for any (default: 12111)")
    parser.add_argument("--credits", type=int, default=1000, help="starting API credit balance (default: 1000)")
    parser.add_argument(
        "--analysis-delay", type=float, default=0.5, help="seconds an analysis stays processing (default: 0.5)"
    )
    parser.add_argument("--deterministic", action="store_true", help="counter ids instead of random ones")
    parser.add_argument("--webhook-url", help="POST signed webhook events here")
    parser.add_argument("--webhook-secret", help="signing secret for --webhook-url (default: $KALLGLOT_WEBHOOK_SECRET)")


def _run_mock(args: argparse.Namespace) -> int:
    try:
        from .mock import TEST_API_KEY, MockConfig
        from .mock._server import run_forever
    except ImportError as exc:  # starlette/uvicorn missing
        print(f"kallglot mock needs the mock extra: pip install 'kallglot[mock]' ({exc})", file=sys.stderr)
        return 2
    secret = args.webhook_secret or os.environ.get("KALLGLOT_WEBHOOK_SECRET")
    if args.webhook_url and not secret:
        print("kallglot mock: --webhook-url needs --webhook-secret or KALLGLOT_WEBHOOK_SECRET", file=sys.stderr)
        return 2
    config = MockConfig(
        credits=args.credits,
        analysis_delay=args.analysis_delay,
        deterministic=args.deterministic,
        webhook_url=args.webhook_url,
        webhook_secret=secret,
    )
    try:
        sock, run = run_forever(config, host=args.host, port=args.port)
    except OSError as exc:
        print(f"kallglot mock: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if ":" in args.host else args.host
    # The printed key is the mock's public test key, not a secret; any sk_test_… key works too.
    print(f"Kallglot mock API on http://{host}:{port}/v1 (stream ws://{host}:{port}/v1/sessions/<id>/connect)")
    print(f"  export KALLGLOT_BASE_URL=http://{host}:{port}/v1 KALLGLOT_API_KEY={TEST_API_KEY}")
    print("Press Ctrl-C to stop.", flush=True)
    run()
    return 0


def _add_demo(parser: argparse.ArgumentParser) -> None:
    try:
        from ._demo import add_arguments
    except ImportError:  # without the mock extra the demo says so when run
        return
    add_arguments(parser)


def _run_demo(args: argparse.Namespace) -> int:
    try:
        from ._demo import run
    except ImportError as exc:
        print(f"kallglot demo needs the mock extra: pip install 'kallglot[mock]' ({exc})", file=sys.stderr)
        return 2
    return run(args)


# name -> (help, add arguments, run)
_SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Runner]] = {
    "demo": ("run the Quick Start end to end against the embedded mock (or --live)", _add_demo, _run_demo),
    "mock": ("run the local mock Kallglot API until Ctrl-C", _add_mock, _run_mock),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kallglot", description="Kallglot SDK command line tools.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, run) in _SUBCOMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kallglot`` command with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Runner | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
