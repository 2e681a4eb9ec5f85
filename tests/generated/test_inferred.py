"""Every ``x-inferred`` element of a response schema may be wrong: lenient still gives a model, strict raises.

Driven by ``openapi/kallglot.yaml``: each element the document marks as inferred (stated by no doc page) that a
2xx JSON response can carry gets a payload where that element has the wrong type, is null, or is missing, and
both parsing modes of the client (``kallglot._parse``) are checked. An element where a variant does not apply
(a nullable one cannot be wrongly null) skips that case.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

import kallglot
import kallglot_api.models as models
from kallglot._parse import parse_response

from ..spec.document import as_instants, load

VARIANTS = ("wrong type", "null", "missing")
_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}


@dataclass(frozen=True)
class Element:
    root: str  # the component schema a 2xx response returns
    path: tuple[str, ...]  # property names, "[]" for an array item
    required: bool  # in its parent object

    def __str__(self) -> str:
        return f"{self.root}.{'.'.join(self.path)}"


def resolve(document: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_roots(document: dict[str, Any]) -> list[str]:
    roots = set()
    for item in document.get("paths", {}).values():
        for method in ("get", "post", "put", "patch", "delete"):
            for status, response in item.get(method, {}).get("responses", {}).items():
                content = resolve(document, response).get("content", {})
                schema = content.get("application/json", {}).get("schema", {})
                if str(status).startswith("2") and "$ref" in schema:
                    roots.add(schema["$ref"].rsplit("/", 1)[1])
    return sorted(roots)


def inferred_elements(document: dict[str, Any]) -> list[Element]:
    found: dict[tuple[str, tuple[str, ...]], Element] = {}

    def walk(root: str, node: Any, path: tuple[str, ...], required: bool, seen: frozenset[str]) -> None:
        marked = isinstance(node, dict) and bool(node.get("x-inferred"))
        while isinstance(node, dict) and "$ref" in node:
            name = node["$ref"]
            if name in seen:
                return
            seen = seen | {name}
            node = resolve(document, node)
            marked = marked or bool(node.get("x-inferred"))
        if not isinstance(node, dict):
            return
        if marked and path:
            found.setdefault((root, path), Element(root, path, required))
        for key in ("oneOf", "anyOf", "allOf"):
            for member in node.get(key, []):
                walk(root, member, path, required, seen)
        if "items" in node:
            walk(root, node["items"], (*path, "[]"), True, seen)
        for name, sub in node.get("properties", {}).items():
            walk(root, sub, (*path, name), name in node.get("required", []), seen)

    for root in response_roots(document):
        walk(root, {"$ref": f"#/components/schemas/{root}"}, (), True, frozenset())
    return list(found.values())


def members(document: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """The alternatives a schema allows (one unless it is a oneOf/anyOf), each resolved."""
    node = resolve(document, node)
    alternatives = node.get("oneOf") or node.get("anyOf")
    if alternatives:
        return [m for alt in alternatives for m in members(document, alt)]
    return [node]


def allowed_types(document: dict[str, Any], node: Any) -> set[str] | None:
    """The JSON types a schema accepts, or None when it accepts anything."""
    allowed: set[str] = set()
    for member in members(document, node):
        declared = member.get("type")
        if "const" in member:
            allowed.add(_JSON_TYPES[type(member["const"])])
        elif "enum" in member:
            allowed |= {"null" if v is None else _JSON_TYPES[type(v)] for v in member["enum"]}
        elif isinstance(declared, list):
            allowed |= set(declared)
        elif declared:
            allowed.add(declared)
        elif "properties" in member:
            allowed.add("object")
        else:
            return None
    if "integer" in allowed:
        allowed.add("number_integral")
    return allowed


def minimal(document: dict[str, Any], node: Any) -> Any:
    """A small valid value for a schema: required fields only, first enum value, one-item-free arrays."""
    member = next((m for m in members(document, node) if m.get("type") != "null"), members(document, node)[0])
    declared = member.get("type")
    declared = next((t for t in declared if t != "null"), "null") if isinstance(declared, list) else declared
    if "const" in member:
        return member["const"]
    if "enum" in member:
        return next(v for v in member["enum"] if v is not None)
    if declared == "object" or "properties" in member:
        return {name: minimal(document, member["properties"][name]) for name in member.get("required", [])}
    fmt = member.get("format")
    simple = {"array": [], "integer": 1, "number": 1.5, "boolean": True, "null": None}
    if declared == "string":
        return {"date-time": "2026-03-26T11:00:00+00:00", "date": "2026-03-26"}.get(fmt, "x")
    return simple.get(declared)


def child(document: dict[str, Any], node: Any, segment: str) -> Any:
    for member in members(document, node):
        if segment == "[]" and "items" in member:
            return member["items"]
        if segment in member.get("properties", {}):
            return member["properties"][segment]
    raise LookupError(segment)


def payload_for(document: dict[str, Any], element: Element, variant: str) -> dict[str, Any]:
    """A valid payload of ``element.root`` reaching the element, then the element made wrong; skips when the
    variant can't make it wrong."""
    schema: Any = {"$ref": f"#/components/schemas/{element.root}"}
    body = minimal(document, schema)
    holder: Any = body
    for segment in element.path[:-1]:
        schema = child(document, schema, segment)
        if segment == "[]":
            if not holder:
                holder.append(minimal(document, schema))
            holder = holder[0]
        else:
            holder = holder.setdefault(segment, minimal(document, schema))
        if not isinstance(holder, dict | list):
            pytest.skip(f"{element}: no object on the way to it")
    leaf = element.path[-1]
    leaf_schema = child(document, schema, leaf)
    allowed = allowed_types(document, leaf_schema)
    if allowed is None:
        pytest.skip(f"{element}: the document allows any value there")
    if leaf == "[]":
        holder.append(None)
        leaf, key = len(holder) - 1, len(holder) - 1
    key = leaf
    if variant == "missing":
        if not element.required or element.path[-1] == "[]":
            pytest.skip(f"{element}: optional, so missing is valid")
        holder.pop(key, None)
    elif variant == "null":
        if "null" in allowed:
            pytest.skip(f"{element}: nullable, so null is valid")
        holder[key] = None
    else:
        candidates = (True, 12345, "not-a-valid-value", ["x"], {"x": 1})
        wrong = next((v for v in candidates if _JSON_TYPES[type(v)] not in allowed
                      and not (type(v) is int and "number" in allowed)), None)  # fmt: skip
        if wrong is None:
            pytest.skip(f"{element}: every JSON type is allowed")
        holder[key] = wrong
    return body


def parse(body: dict[str, Any], root: str, strict: bool) -> Any:
    call = types.SimpleNamespace(response_headers={}, idempotency_key=None)
    return parse_response(httpx.Response(200, json=body), call, getattr(models, root), strict=strict)  # type: ignore[arg-type]


def check(document: dict[str, Any], element: Element, variant: str) -> None:
    body = payload_for(document, element, variant)
    model = parse(copy.deepcopy(body), element.root, strict=False)
    assert isinstance(model, getattr(models, element.root))
    assert as_instants(model.to_dict()) == as_instants(body)  # what did not fit is kept as received
    with pytest.raises(kallglot.APIResponseValidationError, match=element.root):
        parse(body, element.root, strict=True)


def _can_be_wrong(document: dict[str, Any], element: Element, variant: str) -> bool:
    """Whether ``variant`` makes ``element`` invalid (null is no mismatch on a nullable field, nor missing on an
    optional one): only those cases are collected, so the run lists no skip that is not a gap."""
    try:
        payload_for(document, element, variant)
    except pytest.skip.Exception:
        return False
    return True


def cases() -> Iterator[Any]:
    document = load()
    elements = inferred_elements(document)
    if not elements:
        yield pytest.param(None, "", marks=pytest.mark.skip(reason="no x-inferred element in a response schema"))
    for element in elements:
        for variant in VARIANTS:
            if _can_be_wrong(document, element, variant):
                yield pytest.param(element, variant, id=f"{element}-{variant}")


@pytest.mark.lenient_responses
@pytest.mark.parametrize(("element", "variant"), list(cases()))
def test_an_inferred_element_that_is_wrong_still_gives_a_model_unless_strict(element: Element, variant: str) -> None:
    check(load(), element, variant)


# The machinery above, on a copy of the document with marks where the issue says the SDK depends on inference.
SELF_TEST_MARKS = [
    ("Analysis", "keywords"),
    ("Analysis", "sentiment"),
    ("Recording", "duration"),
    ("Session", "id"),
    ("Session", "stream"),
    ("TranscriptTurn", "confidence"),
    ("StreamInfo", "token"),
]


@pytest.mark.lenient_responses
def test_the_checks_work_on_marked_elements() -> None:
    document = copy.deepcopy(load())
    schemas = document["components"]["schemas"]
    for schema, prop in SELF_TEST_MARKS:
        if prop in schemas.get(schema, {}).get("properties", {}):
            schemas[schema]["properties"][prop]["x-inferred"] = True
    elements = inferred_elements(document)
    assert {"Session.id", "Session.stream.token", "Transcript.turns.[].confidence"} <= {str(e) for e in elements}
    checked = 0
    for element in elements:
        for variant in VARIANTS:
            try:
                check(document, element, variant)
            except pytest.skip.Exception:
                continue
            checked += 1
    assert checked >= len(elements)
