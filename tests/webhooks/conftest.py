"""Session-wide real servers for the store tests (see ``servers.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.webhooks.servers import postgres_server, redis_server


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    with postgres_server() as dsn:
        yield dsn
