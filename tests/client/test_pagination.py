"""Auto-pagination over three pages, forward and backward, sync and async, fetched lazily."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from kallglot_api.models import RecordingList

from .conftest import make_async_client, make_client

IDS = [f"rec_{i:02d}" for i in range(7)]


class Pages:
    """Seven recordings served three to a page, honouring starting_after / ending_before like the API."""

    def __init__(self) -> None:
        self.queries: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        self.queries.append(query)
        limit = int(query.get("limit", "20"))
        if "ending_before" in query:
            end = IDS.index(query["ending_before"])
            start = max(0, end - limit)
            has_more = start > 0
        else:
            start = IDS.index(query["starting_after"]) + 1 if "starting_after" in query else 0
            end = min(len(IDS), start + limit)
            has_more = end < len(IDS)
        data = [{"id": i, "object": "recording", "session_id": "sess_1", "status": "ready"} for i in IDS[start:end]]
        return httpx.Response(200, json={"object": "list", "data": data, "has_more": has_more, "url": request.url.path})


def test_forward_over_three_pages_fetched_lazily() -> None:
    pages = Pages()
    pager = make_client(pages).sessions.recordings("sess_1", limit=3)
    assert pages.queries == []  # nothing is fetched until iteration
    iterator = iter(pager)
    assert next(iterator).id == "rec_00"
    assert len(pages.queries) == 1
    assert ["rec_00", *(r.id for r in iterator)] == IDS
    assert pages.queries == [
        {"limit": "3"},
        {"limit": "3", "starting_after": "rec_02"},
        {"limit": "3", "starting_after": "rec_05"},
    ]


def test_backward_over_three_pages() -> None:
    pages = Pages()
    client = make_client(pages)
    got = [page.data for page in client.sessions.recordings("sess_1", limit=3, ending_before="rec_06").pages()]
    assert [[r.id for r in data] for data in got] == [["rec_03", "rec_04", "rec_05"], ["rec_00", "rec_01", "rec_02"]]
    assert [q.get("ending_before") for q in pages.queries] == ["rec_06", "rec_03"]


def test_async_forward_and_backward() -> None:
    pages = Pages()

    async def main() -> tuple[list[str], list[RecordingList]]:
        async with make_async_client(pages) as client:
            forward = [r.id async for r in client.sessions.recordings("sess_1", limit=3)]
            backward = [p async for p in client.sessions.recordings("sess_1", limit=2, ending_before="rec_05").pages()]
            return forward, backward

    forward, backward = asyncio.run(main())
    assert forward == IDS
    assert [[r.id for r in p.data] for p in backward] == [["rec_03", "rec_04"], ["rec_01", "rec_02"], ["rec_00"]]


def test_a_list_without_has_more_is_one_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"object": "list", "data": [{"id": "rec_1", "object": "recording"}]})

    assert [r.id for r in make_client(handler).sessions.recordings("sess_1")] == ["rec_1"]


@pytest.mark.parametrize("limit", [0, 101, -1, True, 2.5])
def test_a_bad_limit_is_refused_before_sending(limit: object) -> None:
    with pytest.raises(ValueError, match="limit"):
        make_client(Pages()).sessions.recordings("sess_1", limit=limit)  # type: ignore[arg-type]
