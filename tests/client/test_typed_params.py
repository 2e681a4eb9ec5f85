"""The dict arguments of ``sessions.create`` are typed by generated TypedDicts and checked at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from kallglot import params

from .conftest import Script, make_client, session_body

SNIPPET = """\
from kallglot import Kallglot
from kallglot.params import AiAgentConfigParam, SessionRoutingParam

client = Kallglot()
routing: SessionRoutingParam = {"phone_number": "+19788006140", "direction": "inbound"}
agent: AiAgentConfigParam = {"system_prompt": "Be brief.", "tools": [{"name": "lookup_order"}]}
client.sessions.create(mode="ai_agent", routing=routing, ai_agent=agent, metadata={"anything": [1, 2]})
client.sessions.create(mode="bidirectional_translation", routing={"sip": {"from_uri": "sip:a@b"}}, timeout=5)
client.sessions.create(mode="bidirectional_translation", routing={"phone": "+19788006140"})  # line 9: a typo
client.sessions.create(mode="ai_agent", ai_agent={"tools": [{"description": "no name"}]})  # line 10: name missing
client.sessions.create(mode="bidirectional_translation", routing={"direction": "sideways"})  # line 11
client.sessions.retrieve("sess_1", timeout="5")  # line 12: seconds or an httpx.Timeout
client.sessions.retrieve("sess_1", extra_body={"x": 1})  # line 13: a retrieve sends no body to extend
from typing import Unpack
from kallglot import AsyncKallglot, Session
from kallglot.params import RequestOptions
def fetch(session_id: str, **options: Unpack[RequestOptions]) -> Session:
    return client.sessions.retrieve(session_id, **options)
async def start(aclient: AsyncKallglot) -> Session:
    import asyncio
    return await asyncio.create_task(aclient.sessions.retrieve("sess_1"))
"""


def test_mypy_strict_accepts_typed_dicts_and_options_and_rejects_unknown_keys(tmp_path: Path) -> None:
    (tmp_path / "snippet.py").write_text(SNIPPET, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--config-file", "",
         "--cache-dir", str(tmp_path / ".mypy_cache"), "snippet.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in lines] == ["9", "10", "11", "12", "13"], done.stdout + done.stderr
    assert "SessionRoutingParam" in lines[0] and "AiAgentConfigParam" in lines[1] and "SessionRoutingParam" in lines[2]


def _create(**kwargs: object) -> Script:
    script = Script(httpx.Response(200, json=session_body()))
    with make_client(script) as client:
        client.sessions.create(mode="bidirectional_translation", **kwargs)  # type: ignore[arg-type]
    return script


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"routing": {"phone": "+1"}}, "routing has no key 'phone' (did you mean 'phone_number'?); valid keys: "
         "'phone_number', 'connection_id', 'type', 'sip', 'direction'"),
        ({"routing": {"sip": {"from": "sip:a@b"}}}, "routing.sip has no key 'from'"),
        ({"audio": {"rate": 8000}}, "audio has no key 'rate'; valid keys: 'encoding', 'sample_rate_hz', 'channels'"),
        ({"recording": {"enable": True}}, "recording has no key 'enable' (did you mean 'enabled'?)"),
        ({"ai_agent": {"tools": [{"name": "a"}, {"name": "b", "params": {}}]}},
         "ai_agent.tools[1] has no key 'params' (did you mean 'parameters'?)"),
    ],
)  # fmt: skip
def test_an_unknown_key_is_refused_before_anything_is_sent(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        _create(**kwargs)


def test_known_keys_and_free_form_values_are_sent_as_given() -> None:
    script = _create(
        routing={"type": "sip", "sip": {"from_uri": "sip:a@b", "headers": {"X-Anything": "1"}}},
        ai_agent={"tools": [{"name": "lookup", "parameters": {"type": "object", "any_key": True}}]},
        metadata={"free": {"form": 1}},
    )
    import json

    body = json.loads(script.requests[0].content)
    assert body["routing"]["sip"]["headers"] == {"X-Anything": "1"}
    assert body["ai_agent"]["tools"][0]["parameters"] == {"type": "object", "any_key": True}
    assert body["metadata"] == {"free": {"form": 1}}


def test_the_typed_dicts_are_public_and_follow_the_document() -> None:
    import kallglot

    assert kallglot.params is params
    assert params.__all__ == sorted(params.__all__)
    assert params.SessionRoutingParam.__optional_keys__ == {"phone_number", "connection_id", "type", "sip", "direction"}
    assert params.AgentToolParam.__required_keys__ == {"name"}
    assert textwrap.dedent(params.__doc__ or "").strip()
