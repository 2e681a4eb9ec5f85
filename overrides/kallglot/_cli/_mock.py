"""``kallglot mock`` (the local mock API) and ``kallglot demo`` (the Quick Start against it), as before."""

from __future__ import annotations

import argparse
import os
import sys

from .._constants import WEBHOOK_SECRET_ENV
from ._common import EXIT_USAGE, example


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    if name == "demo":
        parser.epilog = example("kallglot demo --fast")
        try:
            from .._demo import add_arguments as add_demo
        except ImportError:  # without the mock extra the demo says so when run
            pass
        else:
            add_demo(parser)
        parser.set_defaults(run=_run_demo)
        return
    parser.epilog = example("kallglot mock --port 0 --webhook-url http://127.0.0.1:8000/hooks --webhook-secret s")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=12111, help="port to listen on, 0 for any (default: 12111)")
    parser.add_argument("--credits", type=int, default=1000, help="starting API credit balance (default: 1000)")
    parser.add_argument(
        "--analysis-delay", type=float, default=0.5, help="seconds an analysis stays processing (default: 0.5)"
    )
    parser.add_argument("--deterministic", action="store_true", help="counter ids instead of random ones")
    parser.add_argument("--webhook-url", help="POST signed webhook events here")
    parser.add_argument("--webhook-secret", help="signing secret for --webhook-url (default: $KALLGLOT_WEBHOOK_SECRET)")
    parser.set_defaults(run=_run_mock)


def _run_mock(args: argparse.Namespace) -> int:
    try:
        from ..mock import TEST_API_KEY, MockConfig
        from ..mock._server import run_forever
    except ImportError as exc:  # starlette/uvicorn missing
        print(f"kallglot mock needs the mock extra: pip install 'kallglot[mock]' ({exc})", file=sys.stderr)
        return EXIT_USAGE
    secret = args.webhook_secret or os.environ.get(WEBHOOK_SECRET_ENV)
    if args.webhook_url and not secret:
        print("kallglot mock: --webhook-url needs --webhook-secret or KALLGLOT_WEBHOOK_SECRET", file=sys.stderr)
        return EXIT_USAGE
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


def _run_demo(args: argparse.Namespace) -> int:
    try:
        from .._demo import run
    except ImportError as exc:
        print(f"kallglot demo needs the mock extra: pip install 'kallglot[mock]' ({exc})", file=sys.stderr)
        return EXIT_USAGE
    return run(args)
