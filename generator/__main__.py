"""Regenerate ``generated/kallglot_api`` from ``openapi/kallglot.yaml``.

    python -m generator           rewrite generated/ to match the spec and templates
    python -m generator --check   change nothing; exit 1 and name the files that are out of step

Generation runs into a temporary folder (openapi-python-client with ``generator/config.yaml`` and the
templates in ``generator/templates/`` layered over the stock ones), stamps a banner on every module,
formats with ruff, then either replaces ``generated/kallglot_api`` or compares file by file.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "kallglot.yaml"
CONFIG = ROOT / "generator" / "config.yaml"
TEMPLATES = ROOT / "generator" / "templates"
PACKAGE = "kallglot_api"
TARGET = ROOT / "generated" / PACKAGE

# Output is only byte-stable for one generator and one formatter: pinned here and in pyproject's dev extra.
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"

BANNER = (
    "# Generated from openapi/kallglot.yaml by `python -m generator`; "
    "edit the spec or generator/templates/, never this file.\n"
)
RUFF_ARGS = ["--isolated", "--line-length", "120", "--target-version", "py311"]


def _check_tools() -> None:
    import openapi_python_client

    found = getattr(openapi_python_client, "__version__", "unknown")
    ruff = subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True, text=True, check=True)
    problems = []
    if found != GENERATOR_VERSION:
        problems.append(f"openapi-python-client {GENERATOR_VERSION} (found {found})")
    if ruff.stdout.split()[-1] != RUFF_VERSION:
        problems.append(f"ruff {RUFF_VERSION} (found {ruff.stdout.strip()})")
    if problems:
        sys.exit("generator needs " + " and ".join(problems) + ': pip install -e ".[dev]"')


def _run(*args: str) -> None:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"`{' '.join(args[:3])}` failed:\n{done.stdout}{done.stderr}")


def render(into: Path) -> Path:
    """Generate the package into ``into`` and return its folder."""
    out = into / PACKAGE
    _run(
        "-m", "openapi_python_client", "generate",
        "--path", str(SPEC), "--config", str(CONFIG), "--custom-template-path", str(TEMPLATES),
        "--meta", "none", "--output-path", str(out), "--fail-on-warning",
    )  # fmt: skip
    for module in sorted(out.rglob("*.py")):
        module.write_text(BANNER + module.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "py.typed").write_text("", encoding="utf-8")
    _run("-m", "ruff", "check", *RUFF_ARGS, "--select", "F401,F811,I,UP", "--fix-only", "--quiet", str(out))
    _run("-m", "ruff", "format", *RUFF_ARGS, "--quiet", str(out))
    return out


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def compare(fresh: Path, current: Path) -> list[str]:
    """Return one line per file that differs between a fresh render and ``current``."""
    new, old = _files(fresh), _files(current) if current.exists() else set()
    lines = [f"missing: {name}" for name in sorted(new - old)]
    lines += [f"extra:   {name}" for name in sorted(old - new)]
    lines += [
        f"changed: {name}" for name in sorted(new & old) if not filecmp.cmp(fresh / name, current / name, shallow=False)
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is out of step; change nothing")
    args = parser.parse_args(argv)
    _check_tools()
    with tempfile.TemporaryDirectory(prefix="kallglot-gen-") as tmp:
        fresh = render(Path(tmp))
        diff = compare(fresh, TARGET)
        if args.check:
            if diff:
                print("generated/ is out of step with openapi/ and generator/:", *diff, sep="\n  ")
                print("run `python -m generator` and commit the result")
                return 1
            print(f"generated/{PACKAGE} is up to date")
            return 0
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(fresh, TARGET)
    print(f"regenerated generated/{PACKAGE}: " + (f"{len(diff)} file(s) changed" if diff else "no changes"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
