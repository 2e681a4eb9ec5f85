"""Every error status maps to its class, from a JSON envelope, from HTML, or from nothing."""

from __future__ import annotations

import httpx
import pytest

import kallglot

from .conftest import Script, error_body, make_client, session_body

BY_STATUS = [
    (400, kallglot.BadRequestError),
    (401, kallglot.AuthenticationError),
    (402, kallglot.InsufficientCreditsError),
    (403, kallglot.PermissionDeniedError),
    (404, kallglot.NotFoundError),
    (409, kallglot.ConflictError),
    (422, kallglot.UnprocessableEntityError),
    (429, kallglot.RateLimitError),
    (500, kallglot.InternalServerError),
    (502, kallglot.InternalServerError),
    (503, kallglot.InternalServerError),
]
HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"


def _raise(response: httpx.Response) -> kallglot.APIError:
    client = make_client(Script(response), max_retries=0)
    with pytest.raises(kallglot.APIError) as caught:
        client.sessions.retrieve("sess_01HXYZ")
    return caught.value


@pytest.mark.parametrize(("status", "cls"), BY_STATUS)
def test_a_json_error_maps_to_its_class_with_every_field(status: int, cls: type[kallglot.APIError]) -> None:
    body = error_body("some_code", "Something failed.", type_="invalid_request_error", param="mode")
    error = _raise(httpx.Response(status, json=body, headers={"X-Request-ID": "req_h"}))
    assert type(error) is cls
    assert (error.status_code, error.code, error.type, error.param) == (
        status,
        "some_code",
        "invalid_request_error",
        "mode",
    )
    assert error.message == "Something failed."
    assert error.request_id == "req_h"
    assert error.body == body
    assert str(error) == f"{status} some_code: Something failed. (param: mode) [request_id: req_h]"


@pytest.mark.parametrize(("status", "cls"), BY_STATUS)
def test_an_html_or_empty_error_body_still_maps_by_status(status: int, cls: type[kallglot.APIError]) -> None:
    html = _raise(httpx.Response(status, text=HTML, headers={"Content-Type": "text/html"}))
    assert type(html) is cls and html.code is None and html.body == HTML
    assert str(html).startswith(f"{status}: HTTP {status}")
    empty = _raise(httpx.Response(status))
    assert type(empty) is cls and empty.body is None


def test_a_402_is_about_credits_whatever_its_type_says() -> None:
    body = error_body("insufficient_api_credits", type_="permission_error", request_id="req_123")
    error = _raise(httpx.Response(402, json=body))
    assert type(error) is kallglot.InsufficientCreditsError
    assert error.request_id == "req_123"  # from the body, as the header is absent


def test_organization_inactive_and_idempotency_mismatch_have_their_own_classes() -> None:
    inactive = _raise(httpx.Response(403, json=error_body("organization_inactive")))
    assert type(inactive) is kallglot.OrganizationInactiveError
    assert isinstance(inactive, kallglot.PermissionDeniedError)
    mismatch = _raise(httpx.Response(400, json=error_body("idempotency_mismatch")))
    assert type(mismatch) is kallglot.IdempotencyError
    assert isinstance(mismatch, kallglot.BadRequestError)


def test_the_body_retry_after_is_used_when_the_header_is_missing() -> None:
    error = _raise(httpx.Response(429, json=error_body("rate_limit_exceeded", retry_after=12)))
    assert isinstance(error, kallglot.RateLimitError) and error.retry_after == 12.0
    assert _raise(httpx.Response(429, headers={"Retry-After": "3"})).retry_after == 3.0


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (
            httpx.Response(200, text=HTML, headers={"Content-Type": "text/html"}),
            f"expected JSON, got {len(HTML)} bytes of text/html",
        ),
        (httpx.Response(200, content=b'{"id": "sess_1", "obj'), "expected JSON"),
        (httpx.Response(200, json={"object": "session", "status": "active"}), "Session.id: required field is missing"),
        (httpx.Response(200, json=[session_body()]), "Session: expected an object, got list"),
    ],
)
def test_a_success_body_that_is_not_what_the_spec_says(response: httpx.Response, reason: str) -> None:
    response.headers["X-Request-ID"] = "req_bad"
    client = make_client(Script(response))
    with pytest.raises(kallglot.APIResponseValidationError) as caught:
        client.sessions.retrieve("sess_01HXYZ")
    error = caught.value
    assert (error.status_code, error.request_id) == (200, "req_bad")
    assert error.text == response.text
    assert reason in str(error)
    assert "\n" not in str(error)


def test_unknown_fields_and_enum_values_from_the_server_parse() -> None:
    body = session_body(status="paused", mode="conference", region="eu-1")
    session = make_client(Script(httpx.Response(200, json=body))).sessions.retrieve("sess_01HXYZ")
    assert session.status == "paused" and session.mode == "conference"
    assert session.additional_properties == {"region": "eu-1"}
