# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.


"""Create a session: ``POST /sessions``."""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, Required, TypedDict

from ...models.create_session_request import CreateSessionRequest
from ...models.routing_direction import RoutingDirection
from .. import Operation


# ``SessionRouting`` as a plain dict: Telephony routing; supply one method (phone number, connection, SIP) or omit for the
# default route.
class SessionRoutingParam(TypedDict, total=False):
    phone_number: str
    connection_id: str
    type: str
    sip: "SipRoutingParam"
    direction: Literal["inbound", "outbound"] | RoutingDirection


# ``AudioSettings`` as a plain dict: Audio transport hints (encoding, sample rate, channels, with the documented defaults).
class AudioSettingsParam(TypedDict, total=False):
    encoding: str
    sample_rate_hz: int
    channels: int


# ``RecordingSettings`` as a plain dict
class RecordingSettingsParam(TypedDict, total=False):
    enabled: bool
    channels: str


# ``AiAgentConfig`` as a plain dict: Inline AI agent configuration for `ai_agent` / `help_chat_voice` sessions (older guide).
class AiAgentConfigParam(TypedDict, total=False):
    system_prompt: str
    voice: str
    temperature: float
    knowledge_base_id: str
    tools: Sequence["AgentToolParam"]


# ``SipRouting`` as a plain dict
class SipRoutingParam(TypedDict, total=False):
    from_uri: str
    headers: Mapping[str, str]


# ``AgentTool`` as a plain dict
class AgentToolParam(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: Mapping[str, Any]


def create_session(
    *,
    body: CreateSessionRequest,
) -> Operation:
    """Create a session.

    Start a real-time voice session. Telephony goes under `routing` (a Kallglot number, a SIP trunk or
    an external connection); without `routing` the organization's default route applies, and a body with
    only a mode and languages is a WebSocket-only session. Consumes one API credit on success.
    """
    headers = {"Accept": "application/json"}
    headers["Content-Type"] = "application/json"
    json_body = body.to_dict()
    return Operation(
        method="POST",
        path="/sessions",
        params=None,
        headers=headers,
        body=json_body,
    )
