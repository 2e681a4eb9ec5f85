# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""Every operation the SDK calls, as a function that returns the request it makes (an ``Operation``).

``kallglot_api.operations.<tag>.<operation>(...)`` sends nothing and checks nothing beyond its types: it
states what the document requires (method, percent-encoded path, query, an ``Accept`` for what the
operation serves, a ``Content-Type`` for its body, the JSON body). The ``kallglot`` package sends it, with
retries, idempotency keys and timeouts. Operations the document marks deprecated are left out.
"""

from collections.abc import Mapping
from typing import Any, NamedTuple


class Operation(NamedTuple):
    """One request as the document describes it; optional query parameters appear only when given."""

    method: str
    path: str
    params: Mapping[str, Any] | None
    headers: Mapping[str, str]
    body: Any


__all__ = ["Operation"]
