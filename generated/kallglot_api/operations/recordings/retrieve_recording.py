# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Retrieve a recording: ``GET /recordings/{id}``."""

from urllib.parse import quote

from .. import Operation


def retrieve_recording(
    id: str,
) -> Operation:
    """Retrieve a recording.

    A recording's metadata, including where to download its audio once it is `ready`.
    """
    headers = {"Accept": "application/json"}
    return Operation(
        method="GET",
        path="/recordings/{id}".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=None,
    )
