"""Plain-dict forms of the nested request objects, for type checkers.

``client.sessions.create(routing={...}, audio={...}, recording={...}, ai_agent={...})`` accepts either the
model (``kallglot.SessionRouting``) or a dict typed by these ``TypedDict``s, so ``mypy`` rejects a misspelt
key such as ``{"phone": ...}``. They are generated from ``openapi/kallglot.yaml``; at run time an unknown
key raises ``ValueError`` naming the valid keys, before anything is sent. ``metadata`` stays a free-form
``Mapping[str, Any]``.
"""

from __future__ import annotations

from kallglot_api.operations.sessions.create_session import (
    AgentToolParam,
    AiAgentConfigParam,
    AudioSettingsParam,
    RecordingSettingsParam,
    SessionRoutingParam,
    SipRoutingParam,
)

__all__ = [
    "AgentToolParam",
    "AiAgentConfigParam",
    "AudioSettingsParam",
    "RecordingSettingsParam",
    "SessionRoutingParam",
    "SipRoutingParam",
]
