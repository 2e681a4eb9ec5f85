# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""The ``analyses`` operations (see ``kallglot_api.operations``)."""

from .create_session_analysis import create_session_analysis
from .retrieve_analysis import retrieve_analysis

__all__ = [
    "create_session_analysis",
    "retrieve_analysis",
]
