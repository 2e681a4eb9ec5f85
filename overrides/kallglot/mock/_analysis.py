"""Fake AI analysis: deterministic results derived from the transcript, shaped like the current docs."""

from __future__ import annotations

from . import _speech
from ._models import AnalysisRecord, SessionRecord

ALL_COMPONENTS = ("summary", "sentiment", "compliance", "keywords", "performance")


def analyse(analysis: AnalysisRecord, session: SessionRecord, now: float) -> None:
    """Finish ``analysis``: ``failed`` when a fault asked for it, else ``completed`` with the included parts."""
    analysis.completed_at = now
    if analysis.fail_with is not None:
        analysis.status = "failed"
        return
    analysis.status = "completed"
    texts = [turn.translation["text"] if turn.translation else turn.text for turn in session.turns]
    speakers = sorted({turn.speaker for turn in session.turns})
    languages = sorted({turn.language for turn in session.turns})
    results: dict[str, object] = {}
    include = analysis.include or list(ALL_COMPONENTS)
    if "summary" in include:
        opening = f' It opens with "{texts[0]}"' if texts else ""
        results["summary"] = (
            f"A {len(texts)}-turn conversation between {' and '.join(speakers) or 'nobody'} "
            f"in {', '.join(languages) or 'no language'}.{opening}"
        )
    if "sentiment" in include:
        results["sentiment"] = {"customer": "positive", "agent": "neutral"}
    if "compliance" in include:
        results["compliance"] = {"status": "ok", "flags": []}
    if "keywords" in include:
        results["keywords"] = _speech.keywords(texts)
    if "performance" in include:
        results["performance"] = {"score": 0.86}
    analysis.results = results
