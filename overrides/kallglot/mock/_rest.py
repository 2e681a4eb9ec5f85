"""The REST endpoints: sessions, transcripts, recordings and analyses, as ``openapi/kallglot.yaml`` has them.

Handlers raise :class:`~kallglot.mock._errors.ApiError` for every failure; the middleware and the app's
exception handlers turn it into the envelope and add the standard headers.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from . import _validation as check
from ._context import MockContext
from ._errors import ApiError, json_response
from ._idempotency import run_idempotent
from ._models import SessionRecord


def _ctx(request: Request) -> MockContext:
    context: MockContext = request.app.state.mock
    return context


def _session_json(request: Request, session: SessionRecord) -> dict[str, Any]:
    """The session with a fresh stream token while it is not ended (each retrieve issues a new one)."""
    ctx = _ctx(request)
    stream = None
    if session.ended_at is None:
        token, expires_at = ctx.state.issue_token(session)
        scheme = "wss" if request.url.scheme == "https" else "ws"
        url = f"{scheme}://{request.url.netloc}/v1/sessions/{session.id}/connect"
        stream = {"url": url, "token": token, "expires_at": ctx.state.clock.iso(expires_at)}
    return session.to_json(ctx.state.clock, stream)


async def create_session(request: Request) -> Response:
    ctx, raw = _ctx(request), await request.body()
    live = str(request.state.api_key).startswith("sk_live_")

    async def act() -> Response:
        session = ctx.state.create_session(check.create_session_body(raw), live=live)
        return json_response(_session_json(request, session), 201)

    return await run_idempotent(request, raw, ctx.idempotency, act)


async def retrieve_session(request: Request) -> Response:
    session = _ctx(request).state.session(request.path_params["id"])
    return json_response(_session_json(request, session))


async def end_session(request: Request) -> Response:
    ctx, raw = _ctx(request), await request.body()

    async def act() -> Response:
        session = ctx.state.session(request.path_params["id"])
        reason = check.end_session_body(raw) or "ended_via_api"
        # Ending an ended session is not an error: the docs return the existing summary.
        ctx.state.end_session(session, reason)
        return json_response(session.summary_json(ctx.state.clock))

    return await run_idempotent(request, raw, ctx.idempotency, act)


async def retrieve_transcript(request: Request) -> Response:
    session = _ctx(request).state.session(request.path_params["id"])
    return json_response(session.transcript_json())


async def list_recordings(request: Request) -> Response:
    ctx = _ctx(request)
    session_id = request.path_params["id"]
    ctx.state.session(session_id)
    limit, after, before = check.page_params(dict(request.query_params))
    channel = request.query_params.get("channel")
    if channel is not None and channel not in check.RECORDING_CHANNELS:
        raise ApiError(400, f"'channel' must be one of {', '.join(check.RECORDING_CHANNELS)}.", param="channel")
    records = ctx.state.recordings_of(session_id)
    ids = [record.id for record in records]
    cursor = after or before
    if cursor is not None and cursor not in ids:
        param = "starting_after" if after else "ending_before"
        raise ApiError(400, f"No such recording in this list: '{cursor}'.", code="invalid_cursor", param=param)
    # A cursor is a position in the session's recordings; the channel filter applies on either side of it.
    if after is not None:
        records = records[ids.index(after) + 1 :]
    elif before is not None:
        records = records[: ids.index(before)]
    matching = [record for record in records if channel is None or record.channel == channel]
    page = matching[-limit:] if before is not None else matching[:limit]
    has_more = len(matching) > limit
    body = {
        "object": "list",
        "data": [record.to_json(ctx.state.clock) for record in page],
        "has_more": has_more,
        "url": f"/v1/sessions/{session_id}/recordings",
    }
    return json_response(body)


async def retrieve_recording(request: Request) -> Response:
    ctx = _ctx(request)
    return json_response(ctx.state.recording(request.path_params["id"]).to_json(ctx.state.clock))


async def download_audio(request: Request) -> Response:
    """The recording's WAV bytes (the real API serves MP3; the spec lists ``audio/wav`` for the mock)."""
    record = _ctx(request).state.recording(request.path_params["recording_id"])
    if record.status != "ready":
        raise ApiError(404, f"Recording '{record.id}' is still processing.", code="recording_not_ready", param="id")
    headers = {"Content-Disposition": f'attachment; filename="{record.filename}"'}
    return Response(record.wav, media_type="audio/wav", headers=headers)


async def download_legacy(request: Request) -> Response:
    """The older contract: 302 to a pre-signed audio URL (valid an hour, no API key needed), 202 while processing."""
    ctx = _ctx(request)
    record = ctx.state.recording(request.path_params["id"])
    if record.status != "ready":
        return Response(status_code=202)
    url = f"{request.url.scheme}://{request.url.netloc}/v1/recordings/{record.id}/audio?"
    return RedirectResponse(url + ctx.sign_download(record.id), status_code=302)


async def create_analysis(request: Request) -> Response:
    ctx, raw = _ctx(request), await request.body()

    async def act() -> Response:
        session = ctx.state.session(request.path_params["id"])
        profile, include = check.create_analysis_body(raw)
        analysis = ctx.state.create_analysis(session, profile, include)
        return json_response(analysis.to_json(ctx.state.clock), 202)

    return await run_idempotent(request, raw, ctx.idempotency, act)


async def retrieve_analysis(request: Request) -> Response:
    ctx = _ctx(request)
    return json_response(ctx.state.analysis(request.path_params["id"]).to_json(ctx.state.clock))


def rest_routes() -> list[BaseRoute]:
    return [
        Route("/v1/sessions", create_session, methods=["POST"]),
        Route("/v1/sessions/{id}", retrieve_session, methods=["GET"]),
        Route("/v1/sessions/{id}/end", end_session, methods=["POST"]),
        Route("/v1/sessions/{id}/transcript", retrieve_transcript, methods=["GET"]),
        Route("/v1/sessions/{id}/recordings", list_recordings, methods=["GET"]),
        Route("/v1/sessions/{id}/analysis", create_analysis, methods=["POST"]),
        Route("/v1/recordings/{id}", retrieve_recording, methods=["GET"]),
        Route("/v1/recordings/{recording_id}/audio", download_audio, methods=["GET"]),
        Route("/v1/recordings/{id}/download", download_legacy, methods=["GET"]),
        Route("/v1/analyses/{id}", retrieve_analysis, methods=["GET"]),
        Route("/v1/analysis/{id}", retrieve_analysis, methods=["GET"]),
    ]
