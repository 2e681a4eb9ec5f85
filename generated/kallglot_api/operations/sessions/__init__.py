# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""The ``sessions`` operations (see ``kallglot_api.operations``)."""

from .create_session import create_session
from .end_session import end_session
from .list_session_recordings import list_session_recordings
from .retrieve_session import retrieve_session
from .retrieve_session_transcript import retrieve_session_transcript

__all__ = [
    "create_session",
    "end_session",
    "list_session_recordings",
    "retrieve_session",
    "retrieve_session_transcript",
]
