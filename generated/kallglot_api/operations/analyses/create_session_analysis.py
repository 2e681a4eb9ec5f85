# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Request an analysis: ``POST /sessions/{id}/analysis``."""

from typing import Any
from urllib.parse import quote

from ...models.create_analysis_request import CreateAnalysisRequest
from .. import Operation


def create_session_analysis(
    id: str,
    *,
    body: CreateAnalysisRequest | None = None,
) -> Operation:
    """Request an analysis.

    Queue an AI analysis of the session's transcript. Succeeds only when the session belongs to the
    organization, its transcript is available, the subscription is active and at least one credit is
    left; consumes one API credit. Poll `GET /analyses/{id}` until `completed` or `failed`.
    """
    headers = {"Accept": "application/json"}
    json_body: dict[str, Any] | None = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        json_body = body.to_dict()
    return Operation(
        method="POST",
        path="/sessions/{id}/analysis".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=json_body,
    )
