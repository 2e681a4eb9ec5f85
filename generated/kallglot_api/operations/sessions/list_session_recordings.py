# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""List a session's recordings: ``GET /sessions/{id}/recordings``."""

from typing import Any
from urllib.parse import quote

from .. import Operation


def list_session_recordings(
    id: str,
    *,
    limit: int | None = None,
    starting_after: str | None = None,
    ending_before: str | None = None,
) -> Operation:
    """List a session's recordings.

    Recordings appear a few seconds after a session ends. Cursor-paginated: pass the last id seen as
    `starting_after` while `has_more` is true.
    """
    headers = {"Accept": "application/json"}
    params: dict[str, Any] = {}
    if limit is not None:
        params["limit"] = limit
    if starting_after is not None:
        params["starting_after"] = starting_after
    if ending_before is not None:
        params["ending_before"] = ending_before
    return Operation(
        method="GET",
        path="/sessions/{id}/recordings".format(
            id=quote(str(id), safe=""),
        ),
        params=params or None,
        headers=headers,
        body=None,
    )
