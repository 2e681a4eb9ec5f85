"""Suite-wide fixtures: every test starts without KALLGLOT_* settings from the developer's shell."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# The plugin users get (safe cassette settings, the mock_server fixture), and pytester to test it as users run it.
pytest_plugins = ["kallglot.testing", "pytester"]


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("KALLGLOT_"):
            monkeypatch.delenv(name)
    yield
