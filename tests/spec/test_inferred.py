"""What the document infers rather than copies from a doc page: a pinned list, each with its one-line reason.

Adding or removing an ``x-inferred`` mark is a visible change here, so a reviewer sees every claim that moves
between fact and inference. The SDK must tolerate each of these being wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .document import load

INFERRED = [
    "#/x-kallglot-stream/errors",
    "#/x-kallglot-stream/handshake-refusals",
    "#/paths/~1recordings~1{recording_id}~1audio/get/responses/200/content/audio~1wav",
    "#/components/parameters/Limit",
    "#/components/parameters/StartingAfter",
    "#/components/parameters/EndingBefore",
    "#/components/responses/SessionCreated",
    "#/components/responses/AnalysisBadRequest",
    "#/components/responses/StreamRefused",
    "#/components/schemas/SessionRecordingInfo/properties/duration",
    "#/components/schemas/SessionCall",
    "#/components/schemas/TranscriptSummary/properties/word_count",
    "#/components/schemas/Session/properties/transcript",
    "#/components/schemas/Session/properties/duration",
    "#/components/schemas/Session/properties/duration_seconds",
    "#/components/schemas/SipRouting/properties/headers",
    "#/components/schemas/AudioSettings",
    "#/components/schemas/CreateSessionRequest/properties/audio",
    "#/components/schemas/TranscriptTurn/properties/confidence",
    "#/components/schemas/TranscriptSegment/properties/start_time",
    "#/components/schemas/TranscriptSegment/properties/end_time",
    "#/components/schemas/TranscriptSegment/properties/confidence",
    "#/components/schemas/TranscriptMetadata/properties/total_turns",
    "#/components/schemas/TranscriptMetadata/properties/duration_seconds",
    "#/components/schemas/Transcript/properties/metadata",
    "#/components/schemas/Transcript/properties/language",
    "#/components/schemas/Transcript/properties/duration",
    "#/components/schemas/Transcript/properties/word_count",
    "#/components/schemas/Recording/properties/duration",
    "#/components/schemas/Recording/properties/size",
    "#/components/schemas/Recording/properties/sample_rate",
    "#/components/schemas/Recording/properties/bit_depth",
    "#/components/schemas/Recording/properties/download_url",
    "#/components/schemas/Recording/properties/expires_at",
    "#/components/schemas/RecordingList/properties/has_more",
    "#/components/schemas/RecordingList/properties/url",
    "#/components/schemas/AnalysisPerformance/properties/score",
    "#/components/schemas/Analysis/properties/sentiment",
    "#/components/schemas/Analysis/properties/compliance",
    "#/components/schemas/Analysis/properties/performance",
    "#/components/schemas/Analysis/properties/keywords",
    "#/components/schemas/Analysis/properties/results",
    "#/components/schemas/SessionReadyEvent/properties/session_id",
    "#/components/schemas/TranscriptPartialEvent/properties/id",
    "#/components/schemas/TranscriptPartialEvent/properties/sequence",
    "#/components/schemas/TranscriptPartialEvent/properties/language",
    "#/components/schemas/TranscriptPartialEvent/properties/translation",
    "#/components/schemas/TranscriptFinalEvent/properties/id",
    "#/components/schemas/TranscriptFinalEvent/properties/sequence",
    "#/components/schemas/TranscriptFinalEvent/properties/language",
    "#/components/schemas/TranscriptFinalEvent/properties/confidence",
    "#/components/schemas/TranscriptFinalEvent/properties/timestamp",
    "#/components/schemas/StreamAudioOutput/properties/encoding",
    "#/components/schemas/StreamAudioOutput/properties/sample_rate_hz",
    "#/components/schemas/AudioOutputEvent/properties/speaker",
    "#/components/schemas/AudioOutputEvent/properties/language",
    "#/components/schemas/SessionErrorEvent/properties/message",
    "#/components/schemas/SessionWebhookEvent/properties/data",
    "#/components/schemas/TranscriptSegmentData",
    "#/components/schemas/TranscriptWebhookData",
    "#/components/schemas/RecordingWebhookData",
    "#/components/schemas/AnalysisWebhookData",
]


def _escape(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def marked(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(JSON pointer, element)`` for every element under ``node`` that carries ``x-inferred``."""
    if isinstance(node, dict):
        if "x-inferred" in node:
            yield where, node
        for key, value in node.items():
            yield from marked(value, f"{where}/{_escape(key)}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from marked(value, f"{where}/{i}")


def _at(pointer: str) -> Any:
    node: Any = load()
    for part in pointer.removeprefix("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_the_inferred_elements_are_exactly_the_pinned_list() -> None:
    found = [pointer for pointer, _ in marked(load())]
    assert len(found) == len(set(found))
    assert sorted(found) == sorted(INFERRED)


@pytest.mark.parametrize("pointer", INFERRED)
def test_each_inferred_element_says_why_in_one_line(pointer: str) -> None:
    element = _at(pointer)
    assert element["x-inferred"] is True
    reason = element.get("x-inferred-reason")
    assert isinstance(reason, str) and len(reason.strip()) >= 20, pointer
    assert "\n" not in reason.strip() and len(reason) <= 160, pointer


def test_no_reason_without_the_mark() -> None:
    def reasons(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            if "x-inferred-reason" in node and node.get("x-inferred") is not True:
                yield where
            for key, value in node.items():
                yield from reasons(value, f"{where}/{_escape(key)}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from reasons(value, f"{where}/{i}")

    assert list(reasons(load(), "#")) == []


def test_the_document_explains_the_extension() -> None:
    description = load()["info"]["description"]
    assert "`x-inferred: true`" in description and "`x-inferred-reason`" in description


def test_the_audited_inferences_are_marked() -> None:
    # The audit of the document against the doc pages found these; each must stay marked until a page states it.
    audited = {
        "#/components/schemas/Analysis/properties/keywords",
        "#/components/schemas/AudioSettings",
        "#/components/schemas/SipRouting/properties/headers",
        "#/x-kallglot-stream/handshake-refusals",
        "#/x-kallglot-stream/errors",
        "#/paths/~1recordings~1{recording_id}~1audio/get/responses/200/content/audio~1wav",
        "#/components/schemas/Analysis/properties/sentiment",
        "#/components/schemas/Recording/properties/duration",
        "#/components/responses/AnalysisBadRequest",
    }
    assert audited <= set(INFERRED)


def test_inferred_response_numbers_and_objects_are_nullable() -> None:
    nullable_reason = "No page says whether it can be null"
    checked = 0
    for pointer in INFERRED:
        element = _at(pointer)
        if not element.get("x-inferred-reason", "").startswith(nullable_reason):
            continue
        checked += 1
        if "oneOf" in element:
            assert {"type": "null"} in element["oneOf"], pointer
        else:
            assert "null" in element["type"], pointer
    assert checked >= 20
