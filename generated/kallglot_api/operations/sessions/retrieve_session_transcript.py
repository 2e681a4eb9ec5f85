# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Retrieve a session's transcript: ``GET /sessions/{id}/transcript``."""

from typing import Any
from urllib.parse import quote

from .. import Operation


def retrieve_session_transcript(
    id: str,
    *,
    format_: str | None = None,
    include_translations: bool | None = None,
) -> Operation:
    """Retrieve a session's transcript.

    The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.
    """
    headers = {"Accept": "application/json"}
    params: dict[str, Any] = {}
    if format_ is not None:
        params["format"] = format_
    if include_translations is not None:
        params["include_translations"] = include_translations
    return Operation(
        method="GET",
        path="/sessions/{id}/transcript".format(
            id=quote(str(id), safe=""),
        ),
        params=params or None,
        headers=headers,
        body=None,
    )
