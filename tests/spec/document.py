"""Helpers that load openapi/kallglot.yaml and walk it; shared by the spec and generated-model tests."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi" / "kallglot.yaml"
SEEDS = ROOT.parent / "shared" / "seeds"
METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def load() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in load()["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def resolve(node: Any) -> Any:
    """Follow a local ``$ref`` (repeatedly) to the object it names."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = load()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Yield ``(where, schema, value)`` for every example in the document, wherever it sits."""

    def walk(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any], Any]]:
        if isinstance(node, dict):
            if "schema" in node and isinstance(node.get("examples"), dict):
                for name, example in node["examples"].items():
                    yield f"{where}/examples/{name}", node["schema"], resolve(example)["value"]
            if "schema" in node and "example" in node:
                yield f"{where}/example", node["schema"], node["example"]
            if isinstance(node.get("examples"), list) and ("type" in node or "properties" in node):
                for i, value in enumerate(node["examples"]):
                    yield f"{where}/examples/{i}", {"$ref": where}, value
            for key, value in node.items():
                yield from walk(value, f"{where}/{_escape(key)}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}/{i}")

    yield from walk(load(), "#")


def _escape(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def as_instants(value: Any) -> Any:
    """Replace ISO 8601 timestamps by aware datetimes so ``Z`` and ``+00:00`` compare equal."""
    if isinstance(value, dict):
        return {k: as_instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_instants(v) for v in value]
    if isinstance(value, str) and _TIMESTAMP.match(value):
        return datetime.datetime.fromisoformat(value)
    return value
