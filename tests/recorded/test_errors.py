"""Every documented error status, recorded from the mock and raised as its typed exception with the envelope."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

import kallglot
from kallglot import SessionMode
from kallglot.mock import TEST_API_KEY

from .conftest import Api

# Only the mock's own key authenticates, so a different well-formed key gets the documented 401.
pytestmark = [pytest.mark.vcr, pytest.mark.kallglot_mock(api_keys=frozenset({TEST_API_KEY}), rate_limit=3)]

CREATE = {"mode": "bidirectional_translation"}


@dataclass(frozen=True)
class Scenario:
    status: int
    code: str
    error: type[kallglot.APIError]
    provoke: Callable[[Api, kallglot.Kallglot], object]


def _mismatched_key(api: Api, client: kallglot.Kallglot) -> object:
    client.sessions.create(**CREATE, idempotency_key="order-42")
    return client.sessions.create(mode="assistive_translation", idempotency_key="order-42")


def _wrong_key(api: Api, client: kallglot.Kallglot) -> object:
    with kallglot.Kallglot("sk_test_not_this_organizations_key", base_url=api.base_url, max_retries=0) as other:
        return other.sessions.retrieve("sess_00000000000001")


def _no_credits(api: Api, client: kallglot.Kallglot) -> object:
    api.faults.set_credits(0)
    return client.sessions.create(**CREATE)


def _inactive(api: Api, client: kallglot.Kallglot) -> object:
    api.faults.set_organization_active(False)
    return client.sessions.create(**CREATE)


def _rate_limited(api: Api, client: kallglot.Kallglot) -> object:
    api.faults  # noqa: B018 - the three-request window is the mock's (rate_limit=3); skipped live
    for _ in range(4):  # the window allows three requests
        client.sessions.list_recordings(client.sessions.create(**CREATE).id)
    return None


def _injected(status: int) -> Callable[[Api, kallglot.Kallglot], object]:
    def provoke(api: Api, client: kallglot.Kallglot) -> object:
        api.faults.fail_next(status=status)
        return client.sessions.create(**CREATE)

    return provoke


SCENARIOS = [
    Scenario(
        400, "invalid_cursor", kallglot.BadRequestError,
        lambda api, c: c.sessions.list_recordings(c.sessions.create(**CREATE).id, starting_after="rec_nope"),
    ),
    Scenario(400, "idempotency_mismatch", kallglot.IdempotencyError, _mismatched_key),
    Scenario(401, "invalid_api_key", kallglot.AuthenticationError, _wrong_key),
    Scenario(402, "insufficient_api_credits", kallglot.InsufficientCreditsError, _no_credits),
    Scenario(403, "organization_inactive", kallglot.OrganizationInactiveError, _inactive),
    Scenario(404, "resource_not_found", kallglot.NotFoundError, lambda api, c: c.sessions.retrieve("sess_missing")),
    Scenario(
        422, "invalid_mode", kallglot.UnprocessableEntityError,
        lambda api, c: c.sessions.create(mode=SessionMode("phone")),  # a mode newer than the server knows
    ),
    Scenario(429, "rate_limit_exceeded", kallglot.RateLimitError, _rate_limited),
    Scenario(500, "internal_error", kallglot.InternalServerError, _injected(500)),
    Scenario(502, "bad_gateway", kallglot.InternalServerError, _injected(502)),
    Scenario(503, "service_unavailable", kallglot.InternalServerError, _injected(503)),
]  # fmt: skip


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{s.status}-{s.code}")
def test_documented_error(api: Api, scenario: Scenario) -> None:
    with api.client(max_retries=0) as client, pytest.raises(scenario.error) as caught:
        scenario.provoke(api, client)
    error = caught.value
    assert (error.status_code, error.code) == (scenario.status, scenario.code)
    assert error.message and error.type
    assert error.request_id and error.request_id.startswith("req_")
    assert str(error).startswith(f"{scenario.status} {scenario.code}: ")
    if scenario.status == 429:
        assert error.retry_after is not None and error.retry_after > 0
