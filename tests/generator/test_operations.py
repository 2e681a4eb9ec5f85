"""The generated layer is request descriptions only, each one called by the SDK, under a public name."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest

import kallglot_api
import kallglot_api.operations
from generator.__main__ import ROOT, TARGET, deprecated
from kallglot_api import models
from kallglot_api.operations import Operation, analyses, recordings, sessions


def _operations() -> dict[str, Callable[..., Operation]]:
    found = {}
    for tag in pkgutil.iter_modules(kallglot_api.operations.__path__):
        package = importlib.import_module(f"kallglot_api.operations.{tag.name}")
        found.update({f"{tag.name}.{name}": getattr(package, name) for name in package.__all__})
    return found


def _called_by_the_sdk() -> set[str]:
    tree = ast.parse((ROOT / "overrides" / "kallglot" / "_requests.py").read_text(encoding="utf-8"))
    return {
        f"{(node.module or '').rpartition('.')[2]}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kallglot_api.operations.")
        for alias in node.names
    }


def test_no_generated_client_errors_or_endpoint_functions_ship() -> None:
    assert not hasattr(kallglot_api, "Client")
    assert not hasattr(kallglot_api, "AuthenticatedClient")
    for gone in ("kallglot_api.client", "kallglot_api.errors", "kallglot_api.api"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(gone)
    stock_names = ("def sync", "def asyncio", "def _parse_response", "def _build_response", "def _get_kwargs")
    offenders = [
        f"{path.relative_to(TARGET)}: {name}"
        for path in sorted(TARGET.rglob("*.py"))
        for name in stock_names
        if name in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_every_generated_operation_is_called_by_the_sdk_and_none_is_missing() -> None:
    assert set(_operations()) == _called_by_the_sdk()
    assert all(inspect.signature(op).return_annotation is Operation for op in _operations().values())


def test_deprecated_operations_are_not_generated() -> None:
    names = set(_operations())
    assert "analyses.retrieve_analysis_legacy" not in names
    assert "recordings.download_recording_legacy" not in names


def test_accept_matches_what_each_operation_serves() -> None:
    assert recordings.download_recording_audio("rec_1").headers == {"Accept": "audio/*"}
    assert recordings.retrieve_recording("rec_1").headers == {"Accept": "application/json"}
    created = sessions.create_session(body=models.CreateSessionRequest(mode=models.SessionMode("ai_agent")))
    assert created.headers == {"Accept": "application/json", "Content-Type": "application/json"}
    assert created == Operation("POST", "/sessions", None, created.headers, {"mode": "ai_agent"})


def test_an_optional_body_sets_content_type_only_when_given() -> None:
    assert sessions.end_session("sess_1") == Operation(
        "POST", "/sessions/sess_1/end", None, {"Accept": "application/json"}, None
    )
    with_body = sessions.end_session("sess_1", body=models.EndSessionRequest.from_dict({}))
    assert with_body.headers["Content-Type"] == "application/json" and with_body.body == {}


def test_optional_query_parameters_are_sent_only_when_given_and_deprecated_ones_not_at_all() -> None:
    assert sessions.retrieve_session_transcript("sess_1").params is None
    assert list(inspect.signature(sessions.retrieve_session_transcript).parameters) == ["id"]
    assert sessions.list_session_recordings("sess_1").params is None
    assert sessions.list_session_recordings("sess_1", limit=5, starting_after="rec_1").params == {
        "limit": 5,
        "starting_after": "rec_1",
    }
    assert "channel" not in inspect.signature(sessions.list_session_recordings).parameters


def test_deprecation_is_read_from_operations_and_from_inline_and_shared_parameters() -> None:
    document = {
        "components": {"parameters": {"Old": {"name": "old", "in": "query", "deprecated": True}}},
        "paths": {
            "/a": {
                "parameters": [{"$ref": "#/components/parameters/Old"}],
                "get": {"parameters": [{"name": "fmt", "in": "query", "deprecated": True}, {"name": "ok"}]},
                "post": {"deprecated": True},
            },
            "/b": {"get": {}},
        },
    }
    assert deprecated(document) == {"GET /a old", "GET /a fmt", "POST /a", "POST /a old"}


def test_path_parameters_are_percent_encoded() -> None:
    assert analyses.retrieve_analysis("an/1 ?").path == "/analyses/an%2F1%20%3F"


def test_the_generated_layer_has_no_module_left_empty() -> None:
    assert [
        p.name for p in Path(kallglot_api.operations.__file__).parent.rglob("*.py") if not p.read_text().strip()
    ] == []
