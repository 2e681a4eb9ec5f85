"""Cursor pagination over a session's recordings, recorded: forward, backward, page by page, sync and async."""

from __future__ import annotations

import asyncio

import pytest

from .conftest import Api

# "dual" recording makes mixed, agent and customer recordings; three of each gives nine to page through.
pytestmark = [pytest.mark.vcr, pytest.mark.kallglot_mock(recordings_per_channel=3)]


def _ended_session(api: Api) -> str:
    with api.client() as client:
        session = client.sessions.create(mode="bidirectional_translation", recording={"channels": "dual"})
        client.sessions.end(session.id)
        return session.id


def test_iterates_every_recording_across_pages(api: Api) -> None:
    session_id = _ended_session(api)
    with api.client() as client:
        everything = client.sessions.list_recordings(session_id, limit=100)
        assert len(everything.data) == 9 and everything.has_more is False

        paged = list(client.sessions.recordings(session_id, limit=2))
        assert [r.id for r in paged] == [r.id for r in everything.data]

        pages = list(client.sessions.recordings(session_id, limit=4).pages())
        assert [len(page.data) for page in pages] == [4, 4, 1]
        assert [page.has_more for page in pages] == [True, True, False]


def test_pages_backward_from_a_cursor(api: Api) -> None:
    session_id = _ended_session(api)
    with api.client() as client:
        ids = [r.id for r in client.sessions.list_recordings(session_id, limit=100).data]
        before_last = list(client.sessions.recordings(session_id, limit=3, ending_before=ids[-1]))
        assert sorted(r.id for r in before_last) == sorted(ids[:-1])
        after_third = client.sessions.list_recordings(session_id, limit=3, starting_after=ids[2])
        assert [r.id for r in after_third.data] == ids[3:6]


def test_async_iteration_matches_sync(api: Api) -> None:
    session_id = _ended_session(api)

    async def collect() -> list[str]:
        async with api.async_client() as client:
            return [r.id async for r in client.sessions.recordings(session_id, limit=2)]

    with api.client() as client:
        expected = [r.id for r in client.sessions.list_recordings(session_id).data]
    assert asyncio.run(collect()) == expected
