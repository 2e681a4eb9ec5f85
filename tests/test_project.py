"""Project wiring: CI runs exactly what the README tells a new developer to run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up from a fresh clone", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^(Run the [a-z ]+)\b.*?\n```bash\n(.+?)\n```", setup, flags=re.M | re.S)
    return dict(found)


def test_the_readme_has_exactly_two_set_up_commands() -> None:
    commands = _readme_commands()
    assert list(commands) == ["Run the main job", "Run the tests"]
    assert commands["Run the main job"].endswith("kallglot demo")
    assert all("\n" not in command for command in commands.values())


def test_ci_runs_the_readme_commands_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in _readme_commands().values():
        assert command in ci
