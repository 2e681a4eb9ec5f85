"""Regenerate ``generated/kallglot_api`` from ``openapi/kallglot.yaml``.

    python -m generator           rewrite generated/ to match the spec and templates
    python -m generator --check   change nothing; exit 1 and name the files that are out of step

Generation runs into a temporary folder (openapi-python-client with ``generator/config.yaml`` and the
templates in ``generator/templates/`` layered over the stock ones), keeps only what the SDK uses, stamps a
banner on every module, formats with ruff, then either replaces ``generated/kallglot_api`` or compares file
by file. ``generator/upstream/`` holds the stock template each fork started from (see its VERSION).

What the SDK does not use is not shipped: the stock ``client.py`` (a second client without retries,
idempotency keys or timeouts) and ``errors.py`` are removed, the endpoint folder ``api/`` becomes
``operations/`` (request descriptions only, see ``templates/endpoint_module.py.jinja``), and the templates
receive ``deprecated`` ("GET /path" and "GET /path name" strings) so that deprecated operations render nothing
and deprecated parameters are left out: the SDK never sends them (a caller still can, with ``extra_query=``).
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "kallglot.yaml"
CONFIG = ROOT / "generator" / "config.yaml"
TEMPLATES = ROOT / "generator" / "templates"
UPSTREAM = ROOT / "generator" / "upstream"  # the stock template each fork started from, as released
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


def deprecated(document: dict[str, Any]) -> set[str]:
    """``"METHOD /path"`` of every deprecated operation and ``"METHOD /path name"`` of every deprecated parameter."""
    shared = document.get("components", {}).get("parameters", {})

    def resolve(parameter: dict[str, Any]) -> dict[str, Any]:
        ref = parameter.get("$ref", "")
        return shared.get(ref.rpartition("/")[2], {}) if ref.startswith("#/components/parameters/") else parameter

    found = set()
    for path, item in document.get("paths", {}).items():
        common = [resolve(p) for p in item.get("parameters", [])]
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            key = f"{method.upper()} {path}"
            if operation.get("deprecated") is True:
                found.add(key)
            for parameter in common + [resolve(p) for p in operation.get("parameters", [])]:
                if parameter.get("deprecated") is True:
                    found.add(f"{key} {parameter.get('name')}")
    return found


def _build(out: Path) -> None:
    # In-process rather than the CLI so the templates can be given `deprecated`; any warning fails, as with
    # the CLI's --fail-on-warning.
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from ruamel.yaml import YAML

    document = YAML(typ="safe").load(SPEC.read_text(encoding="utf-8"))
    config = Config.from_sources(ConfigFile.load_from_path(CONFIG), MetaType.NONE, SPEC, "utf-8", True, out)
    with contextlib.redirect_stdout(io.StringIO()):
        data = GeneratorData.from_dict(document, config=config)
        if not isinstance(data, GeneratorData):
            sys.exit(f"openapi-python-client could not read {SPEC.name}: {data.header}: {data.detail}")
        project = Project(openapi=data, config=config, custom_template_path=TEMPLATES)
        project.env.globals["deprecated"] = deprecated(document)
        errors = project.build()
    if errors:
        sys.exit("openapi-python-client reported:\n" + "\n".join(f"{e.header}: {e.detail}" for e in errors))


def _prune(out: Path) -> None:
    """Drop what the stock generator always writes and the SDK never uses; name the endpoints ``operations``."""
    for name in ("client.py", "errors.py"):
        (out / name).unlink()
    (out / "api").rename(out / "operations")
    for module in out.rglob("*.py"):
        if not module.read_text(encoding="utf-8").strip():
            module.unlink()


def render(into: Path) -> Path:
    """Generate the package into ``into`` and return its folder."""
    out = into / PACKAGE
    _build(out)
    _prune(out)
    for module in sorted(out.rglob("*.py")):
        module.write_text(BANNER + module.read_text(encoding="utf-8"), encoding="utf-8")
    (out / "py.typed").write_text("", encoding="utf-8")
    _run("-m", "ruff", "check", *RUFF_ARGS, "--select", "F401,F811,I,UP", "--fix-only", "--quiet", str(out))
    _run("-m", "ruff", "format", *RUFF_ARGS, "--quiet", str(out))
    return out


def stock_templates() -> Path:
    """The installed openapi-python-client's own templates."""
    import openapi_python_client

    return Path(openapi_python_client.__file__).parent / "templates"


def forks(stock: Path) -> list[str]:
    """Templates in ``generator/templates/`` that replace a stock template of the same relative path."""
    return sorted(name for name in _files(TEMPLATES) if (stock / name).is_file())


def upstream_drift(stock: Path) -> list[str]:
    """One line per problem with ``generator/upstream/``: a fork without its pristine copy, a copy without a
    fork, or a stock template that changed since the copy was taken (its fork must be merged)."""
    copies = _files(UPSTREAM) - {"VERSION"}
    ours = forks(stock)
    lines = [f"no pristine copy: generator/upstream/{name}" for name in ours if name not in copies]
    lines += [f"copy of no fork:  generator/upstream/{name}" for name in sorted(copies - set(ours))]
    lines += [
        f"merge upstream:   {name} (stock template differs from generator/upstream/{name})"
        for name in ours
        if name in copies and not filecmp.cmp(stock / name, UPSTREAM / name, shallow=False)
    ]
    return lines


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
