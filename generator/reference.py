"""Write ``api.md``, the reference of every public class, method and parameter, from the code itself.

    python -m generator.reference           # rewrite api.md
    python -m generator.reference --check   # exit 1 when api.md is out of step with the code (CI runs this)

Signatures come from ``inspect.signature`` (so a wrapper that sets ``__signature__`` shows the true return type),
summaries from the first paragraph of each docstring, and the errors a method raises from the exception names its
docstring mentions plus, for every REST method, the errors every call can raise.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
API_MD = ROOT / "api.md"

REST_ERRORS = (
    "`ValueError` (a bad argument, before anything is sent), an `APIError` subclass for an error status, "
    "`APIConnectionError` / `APITimeoutError` (no answer in time, after retries), `APIResponseValidationError` "
    "(a body that is not JSON, or any mismatch with `strict_response_validation=True`)"
)
# Public submodules documented after the package itself, each by its own ``__all__``.
SUBMODULES = ("webhooks", "params", "audio", "subtitles", "mock", "testing")


def _summary(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _default(value: Any) -> str:
    text = repr(value)
    if " at 0x" in text or (text.startswith("<") and text.endswith(">")):
        return "…"  # sentinels and objects whose repr names a memory address
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    return text


def _signature(obj: Callable[..., Any], *, drop_self: bool = False) -> str:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return "(…)"
    params = list(sig.parameters.values())
    if drop_self and params and params[0].name in ("self", "cls"):
        params = params[1:]
    parts: list[str] = []
    star_done = False
    params = [param for param in params if not param.name.startswith("_")]  # private knobs of internal callers
    for param in params:
        if param.kind is param.KEYWORD_ONLY and not star_done:
            parts.append("*")
            star_done = True
        if param.kind is param.VAR_POSITIONAL:
            star_done = True
            parts.append(f"*{param.name}" + _annotation(param.annotation))
            continue
        if param.kind is param.VAR_KEYWORD:
            parts.append(f"**{param.name}" + _annotation(param.annotation))
            continue
        text = param.name + _annotation(param.annotation)
        if param.default is not param.empty:
            text += (
                f" = {_default(param.default)}"
                if param.annotation is not param.empty
                else f"={_default(param.default)}"
            )
        parts.append(text)
        if param.kind is param.POSITIONAL_ONLY and (
            param is params[-1] or params[params.index(param) + 1].kind is not param.POSITIONAL_ONLY
        ):
            parts.append("/")
    returns = "" if sig.return_annotation is sig.empty else f" -> {_type(sig.return_annotation)}"
    return f"({', '.join(parts)}){returns}"


def _type(annotation: Any) -> str:
    annotation = getattr(annotation, "__forward_arg__", annotation)
    if isinstance(annotation, str):
        return annotation
    if isinstance(annotation, type):
        return annotation.__name__
    return re.sub(r"\b(?:[a-z_][a-z0-9_]*\.)+([A-Za-z_])", r"\1", str(annotation).replace("typing.", ""))


def _annotation(annotation: Any) -> str:
    return "" if annotation is inspect.Parameter.empty else f": {_type(annotation)}"


def _errors_named(obj: Any, known: set[str]) -> list[str]:
    doc = inspect.getdoc(obj) or ""
    return sorted({name for name in re.findall(r"\b([A-Z][A-Za-z]+(?:Error|Exception))\b", doc) if name in known})


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    for name, value in sorted(vars(cls).items()):
        if name.startswith("_") and name not in ("__init__", "__iter__", "__aiter__", "__enter__", "__aenter__"):
            continue
        if name.startswith("_") and name != "__init__":
            continue
        yield name, value


def _class_section(cls: type, known_errors: set[str], *, prefix: str, rest: bool = False) -> list[str]:
    lines = [f"### `{prefix}`", ""]
    summary = _summary(cls)
    if summary:
        lines += [summary, ""]
    if hasattr(cls, "_fields"):  # a NamedTuple: its fields are its surface
        hints = getattr(cls, "__annotations__", {})
        lines += ["Fields: " + ", ".join(f"`{field}: {_type(hints.get(field, 'Any'))}`" for field in cls._fields), ""]
    for name, value in _members(cls):
        if isinstance(value, property):
            hint = value.fget.__annotations__.get("return", "") if value.fget else ""
            summary = _summary(value)
            lines.append(
                f"- `{prefix}.{name}`" + (f": `{_type(hint)}`" if hint else "") + (f" — {summary}" if summary else "")
            )
        elif isinstance(value, staticmethod | classmethod):
            func = value.__func__
            lines.append(f"- `{prefix}.{name}{_signature(func, drop_self=isinstance(value, classmethod))}`")
            lines[-1] += f" — {_summary(func)}" if _summary(func) else ""
        elif inspect.isfunction(value) or inspect.iscoroutinefunction(value):
            label = f"{prefix}({_signature(value, drop_self=True)[1:]}" if name == "__init__" else None
            if name == "__init__":
                if not rest:  # resources are reached through a client, never built by users
                    lines.append(f"- constructor: `{label}`")
                continue
            is_async = inspect.iscoroutinefunction(value) or inspect.iscoroutinefunction(inspect.unwrap(value))
            text = f"- `{'await ' if is_async else ''}{prefix}.{name}{_signature(value, drop_self=True)}`"
            summary = _summary(value)
            lines.append(text + (f" — {summary}" if summary else ""))
            errors = _errors_named(value, known_errors)
            if errors:
                lines.append(f"  - raises {', '.join(f'`{e}`' for e in errors)}")
    return [*lines, ""]


def _is_type_alias(value: Any) -> bool:
    return hasattr(value, "__origin__") or type(value).__module__ in ("typing", "types")


def _attrs_fields(cls: type) -> list[str]:
    fields = getattr(cls, "__attrs_attrs__", ())
    hints = {}
    for klass in reversed(cls.__mro__):
        hints.update(getattr(klass, "__annotations__", {}))
    return [
        f"`{field.name}: {_type(hints.get(field.name, field.type) or 'Any')}`"
        for field in fields
        if not field.name.startswith("_")
    ]


def _resources(client: Any) -> Iterator[tuple[str, Any]]:
    for name in ("sessions", "recordings", "analyses"):
        resource = getattr(client, name)
        yield f"client.{name}", resource
        for surface in ("with_raw_response", "with_streaming_response"):
            inner = getattr(resource, surface, None)
            if inner is not None:
                yield f"client.{name}.{surface}", inner


def render() -> str:
    import kallglot
    from kallglot import _exceptions

    known_errors = {name for name in dir(_exceptions) if name.endswith("Error")} | {"ValueError", "TypeError"}
    out = [
        "# API reference",
        "",
        "Generated from the code by `python -m generator.reference`; `tests/test_reference.py` fails when it is out of",
        "step. Every name here is importable from `kallglot` (or the submodule named in its heading).",
        "",
        "## Clients",
        "",
    ]
    for cls in (kallglot.Kallglot, kallglot.AsyncKallglot):
        out += _class_section(cls, known_errors, prefix=cls.__name__)
    for cls, label in ((kallglot.Kallglot, "client"), (kallglot.AsyncKallglot, "aclient")):
        client = cls(api_key="sk_test_reference")
        try:
            out += [f"## Resources of `{cls.__name__}`", "", f"Every method here can raise {REST_ERRORS}.", ""]
            for prefix, resource in _resources(client):
                out += _class_section(
                    type(resource), known_errors, prefix=prefix.replace("client", label, 1), rest=True
                )
        finally:
            client.close() if hasattr(client, "close") and not inspect.iscoroutinefunction(client.close) else None
    out += ["## Streams", ""]
    for name in ("Stream", "AsyncStream", "StreamOptions"):
        out += _class_section(getattr(kallglot, name), known_errors, prefix=name)
    models = [
        getattr(kallglot, name)
        for name in kallglot.__all__
        if hasattr(getattr(kallglot, name), "__attrs_attrs__") and not name.endswith("Error")
    ]
    out += ["## Models", "", "Attributes read `None` when the payload did not have them.", ""]
    for model in models:
        fields = _attrs_fields(model)
        out.append(f"- `{model.__name__}`: " + (", ".join(fields) if fields else _summary(model)))
    enums = [
        getattr(kallglot, n)
        for n in kallglot.__all__
        if isinstance(getattr(kallglot, n), type) and issubclass(getattr(kallglot, n), enum.Enum)
    ]
    out += ["", "## Enumerations", ""]
    for enum_cls in enums:
        out.append(f"- `{enum_cls.__name__}`: " + ", ".join(f"`{member.value}`" for member in enum_cls))
    so_far = "\n".join(out)
    others = [n for n in kallglot.__all__ if n != "__version__" and not n.endswith("Error") and f"`{n}" not in so_far]
    out += ["", "## Other classes", ""]
    for name in others:
        value = getattr(kallglot, name)
        if inspect.isclass(value) and not issubclass(value, enum.Enum):
            out += _class_section(value, known_errors, prefix=name)
        else:
            out.append(f"- `{name}` — {'a type' if _is_type_alias(value) else _summary(value)}")
    out += ["", "## Errors", "", "```", (_exceptions.__doc__ or "").split("\n\n")[1].strip(), "```", ""]
    for name in sorted(n for n in kallglot.__all__ if n.endswith("Error")):
        cls = getattr(kallglot, name)
        out.append(f"- `{name}{_signature(cls.__init__, drop_self=True)}` — {_summary(cls)}")
    out.append("")
    for module_name in SUBMODULES:
        try:
            module = importlib.import_module(f"kallglot.{module_name}")
        except ImportError:
            continue
        out += [f"## `kallglot.{module_name}`", "", _summary(module), ""]
        for name in sorted(getattr(module, "__all__", ())):
            value = getattr(module, name)
            if inspect.isclass(value) and not issubclass(value, BaseException):
                if hasattr(value, "__attrs_attrs__") and not any(
                    inspect.isfunction(v) for k, v in vars(value).items() if not k.startswith("_")
                ):
                    out.append(f"- `{module_name}.{name}`: " + ", ".join(_attrs_fields(value)))
                    continue
                out += _class_section(value, known_errors, prefix=f"{module_name}.{name}")
            elif inspect.isfunction(value):
                summary = _summary(value)
                out.append(f"- `{module_name}.{name}{_signature(value)}`" + (f" — {summary}" if summary else ""))
                errors = _errors_named(value, known_errors)
                if errors:
                    out.append(f"  - raises {', '.join(f'`{e}`' for e in errors)}")
            else:
                kind = (
                    _summary(value) if inspect.isclass(value) else ("a type" if _is_type_alias(value) else "a constant")
                )
                out.append(f"- `{module_name}.{name}` — {kind}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.reference", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when api.md differs from what the code gives")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not API_MD.exists() or API_MD.read_text(encoding="utf-8") != text:
            print("api.md is out of step with the code: run `python -m generator.reference`", file=sys.stderr)
            return 1
        return 0
    API_MD.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
