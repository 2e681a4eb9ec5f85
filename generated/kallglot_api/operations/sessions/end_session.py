# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""End a session: ``POST /sessions/{id}/end``."""

from typing import Any
from urllib.parse import quote

from ...models.end_session_request import EndSessionRequest
from .. import Operation


def end_session(
    id: str,
    *,
    body: EndSessionRequest | None = None,
) -> Operation:
    """End a session.

    Hang up any call, stop recording, finalise the transcript and stop billing. Ending an ended session
    returns its existing summary. The current docs send no body; older pages accepted an optional
    `reason`, kept here as an optional body.
    """
    headers = {"Accept": "application/json"}
    json_body: dict[str, Any] | None = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        json_body = body.to_dict()
    return Operation(
        method="POST",
        path="/sessions/{id}/end".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=json_body,
    )
