# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Retrieve an analysis: ``GET /analyses/{id}``."""

from urllib.parse import quote

from .. import Operation


def retrieve_analysis(
    id: str,
) -> Operation:
    """Retrieve an analysis.

    An analysis and, once `completed`, its results.
    """
    headers = {"Accept": "application/json"}
    return Operation(
        method="GET",
        path="/analyses/{id}".format(
            id=quote(str(id), safe=""),
        ),
        params=None,
        headers=headers,
        body=None,
    )
