# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Retrieve a session: ``GET /sessions/{id}``."""

from urllib.parse import quote

from .. import Operation


def retrieve_session(
    id: str,
) -> Operation:
    """Retrieve a session.

    Read the current state of a session: status, languages, the stream URL and a fresh stream token
    while it is not ended, and its timestamps.
    """
    headers = {"Accept": "application/json"}
    return Operation(
        method="GET",
        path="/sessions/{id}".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=None,
    )
