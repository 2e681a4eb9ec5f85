"""The ``kallglot`` command line: every API operation, live streaming from a WAV, webhooks, a drift doctor.

Each command lives in the module named in :data:`COMMANDS`, which defines ``add_arguments(parser)`` and
``run(args) -> int``. Only the module of the command being run is imported (argparse would otherwise build every
sub-parser), so ``kallglot --version`` and ``kallglot --help`` load no more than the SDK itself and work without
the ``mock`` extra. Errors become one line on stderr and a documented exit code (:mod:`._common`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._version import __version__
from ._common import EXIT_CODES_HELP, EXIT_INTERRUPTED, EXIT_USAGE, Failure, Runner, error, exit_code

# name -> (module under kallglot._cli, help line)
COMMANDS: dict[str, tuple[str, str]] = {
    "sessions": ("_api", "create, retrieve and end sessions"),
    "transcript": ("_api", "print or save a session's transcript (text, JSON, SRT, WebVTT)"),
    "recordings": ("_api", "list and download a session's recordings"),
    "analyses": ("_api", "run and read AI analyses"),
    "stream": ("_stream", "stream a WAV file (or standard input) and print the live transcript"),
    "webhooks": ("_webhooks", "receive, verify and forward webhooks locally; send signed test events"),
    "doctor": ("_doctor", "check the API against openapi/kallglot.yaml and report any drift"),
    "demo": ("_mock", "run the Quick Start end to end against the embedded mock (or --live)"),
    "mock": ("_mock", "run the local mock Kallglot API until Ctrl-C"),
}

DESCRIPTION = """\
The Kallglot API from a shell. Commands that call the API take --api-key (default $KALLGLOT_API_KEY) and
--base-url (default $KALLGLOT_BASE_URL); those that return an object print a summary, or its JSON with --json.
`mock`, `demo` and `doctor` need the mock extra: pip install 'kallglot[mock]'."""


def _chosen(argv: Sequence[str]) -> str | None:
    # Options before the command are only --help/--version, so the first bare word names the command.
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the arguments of the command named in ``argv`` (only that command's module is imported).

    Without ``argv`` every command gets its arguments (for introspection; ``main`` always passes ``argv``).
    """
    parser = argparse.ArgumentParser(
        prog="kallglot",
        description=DESCRIPTION,
        epilog=f"example:\n  kallglot sessions create --from de --to en\n\n{EXIT_CODES_HELP}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kallglot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen(argv) if argv is not None else None
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(
            name, help=help_text, description=help_text, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        if argv is None or name == chosen:
            module = importlib.import_module(f"{__name__}.{module_name}")
            module.add_arguments(sub, name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kallglot`` command with ``argv`` (default: the process arguments); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    run: Runner | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return EXIT_USAGE
    from .. import KallglotError

    try:
        return run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Failure as exc:
        error(str(exc))
        return exc.code
    except KallglotError as exc:
        error(str(exc))
        return exit_code(exc)
    except ValueError as exc:  # the SDK refuses bad input (an id, a mode) before sending anything
        error(str(exc))
        return EXIT_USAGE
    except OSError as exc:  # a file that cannot be read or written
        error(str(exc))
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover - python -m kallglot is the entry point
    sys.exit(main())
