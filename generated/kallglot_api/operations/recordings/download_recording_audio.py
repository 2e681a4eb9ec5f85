# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Download a recording's audio: ``GET /recordings/{recording_id}/audio``."""

from urllib.parse import quote

from .. import Operation


def download_recording_audio(
    recording_id: str,
) -> Operation:
    """Download a recording's audio.

    Stream the audio file with the normal API key. The API serves MP3 (`audio/mpeg`); the local mock
    server serves WAV (`audio/wav`). The original audio is 8 kHz mono telephony audio.
    """
    headers = {"Accept": "audio/*"}
    return Operation(
        method="GET",
        path="/recordings/{recording_id}/audio".format(
            recording_id=quote(str(recording_id), safe=""),
        ),
        params=None,
        headers=headers,
        body=None,
    )
