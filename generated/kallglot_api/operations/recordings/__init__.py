# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
"""The ``recordings`` operations (see ``kallglot_api.operations``)."""

from .download_recording_audio import download_recording_audio
from .retrieve_recording import retrieve_recording

__all__ = [
    "download_recording_audio",
    "retrieve_recording",
]
