# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Retrieve a session's transcript: ``GET /sessions/{id}/transcript``."""

from urllib.parse import quote

from .. import Operation


def retrieve_session_transcript(
    id: str,
) -> Operation:
    """Retrieve a session's transcript.

    The conversation so far (`in_progress` while the session is active) or in full (`completed` once it
    ended): speaker-labelled turns with their timestamps and translations.
    """
    headers = {"Accept": "application/json"}
    return Operation(
        method="GET",
        path="/sessions/{id}/transcript".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=None,
    )
