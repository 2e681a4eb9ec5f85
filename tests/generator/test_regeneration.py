"""`python -m generator` is deterministic, and `--check` notices any drift of generated/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.__main__ import BANNER, ROOT, TARGET, compare, render


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield render(tmp_path_factory.mktemp("render"))


def test_committed_generated_code_matches_a_fresh_render(fresh: Path) -> None:
    assert compare(fresh, TARGET) == []


def test_check_mode_passes_on_this_checkout() -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout


def test_compare_names_changed_missing_and_extra_files(fresh: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(fresh, copy)
    (copy / "models" / "session.py").write_text("# edited by hand\n")
    (copy / "types.py").unlink()
    (copy / "stray.py").write_text("")
    assert compare(fresh, copy) == ["missing: types.py", "extra:   stray.py", "changed: models/session.py"]


def test_every_generated_module_carries_the_banner(fresh: Path) -> None:
    modules = sorted(fresh.rglob("*.py"))
    assert len(modules) > 50
    assert [m.name for m in modules if not m.read_text().startswith(BANNER)] == []
    assert (fresh / "py.typed").exists()
