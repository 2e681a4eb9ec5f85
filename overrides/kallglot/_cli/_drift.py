"""Strict validation of what an API answered against ``openapi/kallglot.yaml``, and the drift report.

Strict means: every object schema that lists ``properties`` and says nothing of ``additionalProperties`` is
treated as closed, so a field the document does not name is reported as extra; ``required`` gives missing
fields; ``type``, ``const``, ``enum``, ``format`` and the other keywords give fields of another type or value.
Schema elements marked ``x-inferred: true`` (what no doc page states) are confirmed when a response used them
and validated there, contradicted when it used them and failed. Needs ``jsonschema`` and ``pyyaml`` (the
``mock`` extra).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

_SPEC_URI = "urn:kallglot:openapi"


def load_spec() -> dict[str, Any]:
    """The OpenAPI document shipped in the wheel (``kallglot/_data/openapi.yaml``), or a checkout's ``openapi/``."""
    import yaml

    shipped = resources.files("kallglot") / "_data" / "openapi.yaml"
    if shipped.is_file():
        text = shipped.read_text(encoding="utf-8")
    else:  # an editable install runs from the source tree, where the wheel's copy does not exist
        text = (Path(__file__).resolve().parents[3] / "openapi" / "kallglot.yaml").read_text(encoding="utf-8")
    spec: dict[str, Any] = yaml.safe_load(text)
    return spec


def _closed(node: Any) -> Any:
    if isinstance(node, dict):
        node = {key: _closed(value) for key, value in node.items()}
        if "properties" in node and "additionalProperties" not in node and "patternProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_closed(value) for value in node]
    return node


def _path(parts: Any) -> str:
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)
    return text.lstrip(".") or "(body)"


@dataclass
class Finding:
    where: str  # "GET /sessions/{id} 200" or "stream transcript.final"
    kind: str  # missing, extra, wrong type
    field: str
    detail: str

    def line(self) -> str:
        return f"{self.where}: {self.kind} {self.field}: {self.detail}"


@dataclass
class Drift:
    """Collects findings over many documents; :meth:`check` validates one."""

    spec: dict[str, Any]
    checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    inferred: dict[str, list[bool]] = field(default_factory=dict)  # pointer -> validated ok, per use

    def __post_init__(self) -> None:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        self._strict = _closed(copy.deepcopy(self.spec))
        resource = Resource.from_contents(self._strict, default_specification=DRAFT202012)
        self._registry = Registry().with_resource(_SPEC_URI, resource)
        self._validator_class = Draft202012Validator

    def _validator(self, pointer: str) -> Any:
        return self._validator_class(
            {"$ref": f"{_SPEC_URI}#{pointer}"},
            registry=self._registry,
            format_checker=self._validator_class.FORMAT_CHECKER,
        )

    def response_schema(self, path: str, method: str, status: int) -> str | None:
        """The JSON pointer of the documented body schema of ``method path`` answering ``status``, if any."""
        operation = self.spec.get("paths", {}).get(path, {}).get(method.lower(), {})
        responses = operation.get("responses", {})
        pointer = f"/paths/{path.replace('~', '~0').replace('/', '~1')}/{method.lower()}/responses"
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in responses:
                return self._body_pointer(responses[key], f"{pointer}/{key}")
        return None

    def _body_pointer(self, response: dict[str, Any], pointer: str) -> str | None:
        while "$ref" in response:
            pointer = response["$ref"].removeprefix("#")
            response = self._resolve(pointer)
        if "application/json" not in response.get("content", {}):
            return None
        return f"{pointer}/content/application~1json/schema"

    def _resolve(self, pointer: str) -> Any:
        node: Any = self.spec
        for part in pointer.strip("/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    def check(self, where: str, pointer: str | None, instance: Any) -> None:
        """Validate ``instance`` against the schema at ``pointer``; no pointer is itself a finding."""
        self.checked += 1
        if pointer is None:
            self.findings.append(Finding(where, "undocumented", "response", "the document has no schema for it"))
            return
        errors = [leaf for error in self._validator(pointer).iter_errors(instance) for leaf in _leaves(error)]
        reported = set()
        for error in errors:
            finding = _finding(where, error)
            if (finding.kind, finding.field) not in reported:  # `type` and `enum` on one value: say it once
                reported.add((finding.kind, finding.field))
                self.findings.append(finding)
        failed = [tuple(error.absolute_path) for error in errors]
        for seen_pointer, path in self._inferred_uses(pointer, instance, ()):
            ok = not any(bad[: len(path)] == path for bad in failed)
            self.inferred.setdefault(seen_pointer, []).append(ok)

    def _inferred_uses(
        self, pointer: str, instance: Any, path: tuple[Any, ...]
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        node = self._resolve(pointer)
        for _ in range(32):  # $ref chains are short; the bound only guards against a cycle
            if not (isinstance(node, dict) and "$ref" in node):
                break
            if node.get("x-inferred"):
                yield pointer, path
            pointer = node["$ref"].removeprefix("#")
            node = self._resolve(pointer)
        if not isinstance(node, dict):
            return
        if node.get("x-inferred"):
            yield pointer, path
        if isinstance(instance, dict):
            for name, value in instance.items():
                if name in node.get("properties", {}):
                    yield from self._inferred_uses(f"{pointer}/properties/{name}", value, (*path, name))
        elif isinstance(instance, list) and isinstance(node.get("items"), dict):
            for index, value in enumerate(instance):
                yield from self._inferred_uses(f"{pointer}/items", value, (*path, index))
        for keyword in ("oneOf", "anyOf"):
            for index, _branch in enumerate(node.get(keyword, [])):
                if self._validator(f"{pointer}/{keyword}/{index}").is_valid(instance):
                    yield from self._inferred_uses(f"{pointer}/{keyword}/{index}", instance, path)
                    break

    @property
    def drifted(self) -> bool:
        return bool(self.findings) or any(not all(uses) for uses in self.inferred.values())

    def all_inferred(self) -> list[str]:
        """Pointers of every ``x-inferred`` element in the document."""
        found: list[str] = []

        def walk(node: Any, pointer: str) -> None:
            if isinstance(node, dict):
                if node.get("x-inferred") is True:
                    found.append(pointer)
                for key, value in node.items():
                    walk(value, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{pointer}/{index}")

        walk(self.spec, "")
        return found


def _leaves(error: Any) -> Iterator[Any]:
    """The errors of the ``oneOf``/``anyOf`` branch that came closest (not one of another type), else the error."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        yield error
        return
    branches: dict[Any, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0] if sub.schema_path else 0, []).append(sub)
    # A branch whose only complaint is the instance's type at the top is a different shape, not a near miss.
    near = [errs for errs in branches.values() if not (len(errs) == 1 and errs[0].validator == "type"
                                                        and not errs[0].relative_path)]  # fmt: skip
    for sub in min(near or list(branches.values()), key=len):
        yield from _leaves(sub)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _finding(where: str, error: Any) -> Finding:
    parts = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return Finding(where, "missing", _path([*parts, missing[0] if missing else "?"]), "required by the document")
    if error.validator == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(name for name in error.instance if name not in known)
        detail = ", ".join(f"{name}={_short(error.instance[name])}" for name in extra)
        return Finding(where, "extra", _path([*parts, extra[0]]) if len(extra) == 1 else _path(parts), detail)
    expected = error.validator_value if error.validator in ("type", "const", "enum", "format") else error.validator
    return Finding(
        where, "wrong type", _path(parts), f"{error.validator} {_short(expected)}, got {_short(error.instance)}"
    )
