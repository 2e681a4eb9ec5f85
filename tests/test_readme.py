"""Every ``python`` block of README.md is a complete program that runs as written against ``kallglot mock``.

Each block runs in a fresh interpreter with ``KALLGLOT_API_KEY``, ``KALLGLOT_BASE_URL`` (a mock server) and
``KALLGLOT_WEBHOOK_SECRET`` set, in an empty folder, and must exit 0. A block that is a pytest module (it
defines ``test_`` functions) runs under pytest instead, with the ``kallglot.testing`` plugin named the way the
README tells users to, recorded once and then replayed with the README's replay command. A block the README
marks with ``<!-- mypy -->`` on the line before it must also pass ``mypy --strict``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kallglot.mock import MockServer, serve

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
WEBHOOK_SECRET = "whsec_readme_examples"
BLOCK = re.compile(r"^(?P<marker><!-- mypy -->\n)?```python\n(?P<code>.*?)^```", re.M | re.S)


def _heading_before(text: str, offset: int) -> str:
    """The last Markdown heading before ``offset``, skipping ``#`` comment lines inside fenced code."""
    heading, fenced = "", False
    for line in text[:offset].splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            heading = line.lstrip("#").strip()
    return heading


def _blocks() -> list[tuple[str, str, bool]]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in BLOCK.finditer(text):
        line = text.count("\n", 0, match.start("code"))
        where = f"line {line + 1} ({_heading_before(text, match.start())})"
        found.append((where, match.group("code"), bool(match.group("marker"))))
    return found


def _replay_command() -> list[str]:
    """The replay options the README gives users (its ``pytest --record-mode=none …`` line)."""
    found = re.search(r"^pytest (--record-mode=none .+)$", README.read_text(encoding="utf-8"), re.M)
    assert found, "the README gives no replay command"
    return found.group(1).split()


BLOCKS = _blocks()


@pytest.fixture(scope="module")
def server() -> Iterator[MockServer]:
    with serve(analysis_delay=0) as mock:
        yield mock


def _env(server: MockServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KALLGLOT_")}
    env.update(
        KALLGLOT_API_KEY=server.api_key,
        KALLGLOT_BASE_URL=server.base_url,
        KALLGLOT_WEBHOOK_SECRET=WEBHOOK_SECRET,
    )
    return env


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("where", "code", "typed"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_readme_example_runs_as_written(where: str, code: str, typed: bool, server: MockServer, tmp_path: Path) -> None:
    program = tmp_path / "example.py"
    is_pytest_module = re.search(r"^def test_", code, re.M) is not None
    if is_pytest_module:
        program = tmp_path / "test_example.py"
    program.write_text(code, encoding="utf-8")
    if is_pytest_module:
        # As the README says: name the plugin in conftest.py, record once against the mock, then replay offline
        # with its replay command.
        (tmp_path / "conftest.py").write_text('pytest_plugins = ["kallglot.testing"]\n', encoding="utf-8")
        pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        commands = [[*pytest, "--record-mode=once", str(program)], [*pytest, *_replay_command(), str(program)]]
    else:
        commands = [[sys.executable, str(program)]]
    for command in commands:
        result = subprocess.run(command, cwd=tmp_path, env=_env(server), capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"README {where} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    if typed:
        checked = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
            cwd=tmp_path, env=_env(server), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert checked.returncode == 0, f"README {where} fails mypy --strict:\n{checked.stdout}"
