# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
import json
from collections.abc import Collection, Mapping
from typing import Any, ClassVar, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analysis_status import AnalysisStatus
from ..types import PARSE_ERRORS as _ERRORS
from ..types import UNSET, ParseError, Unset
from ..types import expect_each as _each
from ..types import expect_list as _list
from ..types import expect_str as _str
from ..types import jsonable as _jsonable
from ..types import mismatch as _mismatch
from ..types import model_repr as _model_repr


@_attrs_define(init=False, repr=False)
class AnalysisWebhookData:
    """The `data` of `analysis.complete` and `analysis.failed`; fields as on an analysis, none promised.

    Attributes:
        id (str | None):
        object (str | None):
        session_id (str | None):
        call_id (None | str):
        profile (str | None):
        status (AnalysisStatus | None): Current docs: processing, completed, failed. Older docs: queued, processing, complete, failed.
        summary (None | str):
        sentiment (AnalysisSentiment | None):
        compliance (AnalysisCompliance | None):
        performance (AnalysisPerformance | None):
        keywords (list[str] | None):
        results (AnalysisResults | None):
        error (None | str):
        created_at (datetime.datetime | None):
        completed_at (datetime.datetime | None):
    """

    API_NAMES: ClassVar[Mapping[str, str]] = {
        "id": "id",
        "object": "object",
        "session_id": "session_id",
        "call_id": "call_id",
        "profile": "profile",
        "status": "status",
        "summary": "summary",
        "sentiment": "sentiment",
        "compliance": "compliance",
        "performance": "performance",
        "keywords": "keywords",
        "results": "results",
        "error": "error",
        "created_at": "created_at",
        "completed_at": "completed_at",
    }
    SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    id: str | None = None
    object: str | None = None
    session_id: str | None = None
    call_id: None | str = None
    profile: str | None = None
    status: AnalysisStatus | None = None
    summary: None | str = None
    sentiment: AnalysisSentiment | None = None
    compliance: AnalysisCompliance | None = None
    performance: AnalysisPerformance | None = None
    keywords: list[str] | None = None
    results: AnalysisResults | None = None
    error: None | str = None
    created_at: datetime.datetime | None = None
    completed_at: datetime.datetime | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The payload a parsed model came from (its keys are the fields received), or the names passed to __init__.
    _present: Collection[str] = _attrs_field(init=False, factory=tuple, eq=False)

    def __init__(
        self,
        id: str | None | Unset = UNSET,
        object: str | None | Unset = UNSET,
        session_id: str | None | Unset = UNSET,
        call_id: None | str | Unset = UNSET,
        profile: str | None | Unset = UNSET,
        status: AnalysisStatus | None | Unset = UNSET,
        summary: None | str | Unset = UNSET,
        sentiment: AnalysisSentiment | None | Unset = UNSET,
        compliance: AnalysisCompliance | None | Unset = UNSET,
        performance: AnalysisPerformance | None | Unset = UNSET,
        keywords: list[str] | None | Unset = UNSET,
        results: AnalysisResults | None | Unset = UNSET,
        error: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
        completed_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        """Build a model to send; an argument left out (or ``UNSET``) stays out of ``to_dict()``."""
        absent: list[str] = []
        if isinstance(id, Unset):
            absent.append("id")
            self.id = None
        else:
            self.id = id
        if isinstance(object, Unset):
            absent.append("object")
            self.object = None
        else:
            self.object = object
        if isinstance(session_id, Unset):
            absent.append("session_id")
            self.session_id = None
        else:
            self.session_id = session_id
        if isinstance(call_id, Unset):
            absent.append("call_id")
            self.call_id = None
        else:
            self.call_id = call_id
        if isinstance(profile, Unset):
            absent.append("profile")
            self.profile = None
        else:
            self.profile = profile
        if isinstance(status, Unset):
            absent.append("status")
            self.status = None
        else:
            self.status = status
        if isinstance(summary, Unset):
            absent.append("summary")
            self.summary = None
        else:
            self.summary = summary
        if isinstance(sentiment, Unset):
            absent.append("sentiment")
            self.sentiment = None
        else:
            self.sentiment = sentiment
        if isinstance(compliance, Unset):
            absent.append("compliance")
            self.compliance = None
        else:
            self.compliance = compliance
        if isinstance(performance, Unset):
            absent.append("performance")
            self.performance = None
        else:
            self.performance = performance
        if isinstance(keywords, Unset):
            absent.append("keywords")
            self.keywords = None
        else:
            self.keywords = keywords
        if isinstance(results, Unset):
            absent.append("results")
            self.results = None
        else:
            self.results = results
        if isinstance(error, Unset):
            absent.append("error")
            self.error = None
        else:
            self.error = error
        if isinstance(created_at, Unset):
            absent.append("created_at")
            self.created_at = None
        else:
            self.created_at = created_at
        if isinstance(completed_at, Unset):
            absent.append("completed_at")
            self.completed_at = None
        else:
            self.completed_at = completed_at
        self.additional_properties = {}
        self._present = tuple(name for name in self.API_NAMES if name not in absent)

    def __repr__(self) -> str:
        return _model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready fields: as received for a parsed model (unknown fields included), else as given."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        present = self._present
        if self.id is not None or "id" in present:
            field_dict["id"] = self.id
        if self.object is not None or "object" in present:
            field_dict["object"] = self.object
        if self.session_id is not None or "session_id" in present:
            field_dict["session_id"] = self.session_id
        if self.call_id is not None or "call_id" in present:
            field_dict["call_id"] = _jsonable(self.call_id)
        if self.profile is not None or "profile" in present:
            field_dict["profile"] = self.profile
        if self.status is not None or "status" in present:
            field_dict["status"] = _jsonable(self.status)
        if self.summary is not None or "summary" in present:
            field_dict["summary"] = _jsonable(self.summary)
        if self.sentiment is not None or "sentiment" in present:
            field_dict["sentiment"] = _jsonable(self.sentiment)
        if self.compliance is not None or "compliance" in present:
            field_dict["compliance"] = _jsonable(self.compliance)
        if self.performance is not None or "performance" in present:
            field_dict["performance"] = _jsonable(self.performance)
        if self.keywords is not None or "keywords" in present:
            field_dict["keywords"] = _jsonable(self.keywords)
        if self.results is not None or "results" in present:
            field_dict["results"] = _jsonable(self.results)
        if self.error is not None or "error" in present:
            field_dict["error"] = _jsonable(self.error)
        if self.created_at is not None or "created_at" in present:
            field_dict["created_at"] = _jsonable(self.created_at)
        if self.completed_at is not None or "completed_at" in present:
            field_dict["completed_at"] = _jsonable(self.completed_at)
        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], strict: bool = False) -> Self:
        """Build the model from a decoded JSON object.

        Lenient by default: a field that does not fit its declared type keeps the value as received (one warning
        per model and field through the ``kallglot`` logger), a missing required field reads ``None``, unknown
        fields go to ``additional_properties``. ``strict=True`` raises :class:`ParseError` naming the model and
        the field path instead. Only a ``src_dict`` that is not a mapping raises in both modes.
        """
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AnalysisWebhookData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        try:
            id = d.get("id")
            if id is not None:
                if type(id) is not str:
                    id = _str(id)

            elif "id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            id = _mismatch("AnalysisWebhookData", "id", d, exc, strict)

        try:
            object_ = d.get("object")
            if object_ is not None:
                if type(object_) is not str:
                    object_ = _str(object_)

            elif "object" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            object_ = _mismatch("AnalysisWebhookData", "object", d, exc, strict)

        try:
            session_id = d.get("session_id")
            if session_id is not None:
                if type(session_id) is not str:
                    session_id = _str(session_id)

            elif "session_id" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            session_id = _mismatch("AnalysisWebhookData", "session_id", d, exc, strict)

        try:
            call_id = d.get("call_id")
            if call_id is not None:
                if type(call_id) is not str:
                    call_id = _str(call_id)

        except _ERRORS as exc:
            call_id = _mismatch("AnalysisWebhookData", "call_id", d, exc, strict)

        try:
            profile = d.get("profile")
            if profile is not None:
                if type(profile) is not str:
                    profile = _str(profile)

            elif "profile" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            profile = _mismatch("AnalysisWebhookData", "profile", d, exc, strict)

        try:
            status = d.get("status")
            if status is not None:
                status = AnalysisStatus(status)

            elif "status" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            status = _mismatch("AnalysisWebhookData", "status", d, exc, strict)

        try:
            summary = d.get("summary")
            if summary is not None:
                if type(summary) is not str:
                    summary = _str(summary)

        except _ERRORS as exc:
            summary = _mismatch("AnalysisWebhookData", "summary", d, exc, strict)

        try:
            sentiment = d.get("sentiment")
            if sentiment is not None:
                sentiment = AnalysisSentiment.from_dict(sentiment, strict)

        except _ERRORS as exc:
            sentiment = _mismatch("AnalysisWebhookData", "sentiment", d, exc, strict)

        try:
            compliance = d.get("compliance")
            if compliance is not None:
                compliance = AnalysisCompliance.from_dict(compliance, strict)

        except _ERRORS as exc:
            compliance = _mismatch("AnalysisWebhookData", "compliance", d, exc, strict)

        try:
            performance = d.get("performance")
            if performance is not None:
                performance = AnalysisPerformance.from_dict(performance, strict)

        except _ERRORS as exc:
            performance = _mismatch("AnalysisWebhookData", "performance", d, exc, strict)

        try:
            keywords = d.get("keywords")
            if keywords is not None:
                if type(keywords) is not list:
                    keywords = _list(keywords)
                for _item in keywords:
                    if type(_item) is not str:
                        _each(keywords, _str)
                        break

        except _ERRORS as exc:
            keywords = _mismatch("AnalysisWebhookData", "keywords", d, exc, strict)

        try:
            results = d.get("results")
            if results is not None:
                results = AnalysisResults.from_dict(results, strict)

        except _ERRORS as exc:
            results = _mismatch("AnalysisWebhookData", "results", d, exc, strict)

        try:
            error = d.get("error")
            if error is not None:
                if type(error) is not str:
                    error = _str(error)

        except _ERRORS as exc:
            error = _mismatch("AnalysisWebhookData", "error", d, exc, strict)

        try:
            created_at = d.get("created_at")
            if created_at is not None:
                created_at = _fromisoformat(created_at)

            elif "created_at" in d:
                raise TypeError("expected a value, got null")
        except _ERRORS as exc:
            created_at = _mismatch("AnalysisWebhookData", "created_at", d, exc, strict)

        try:
            completed_at = d.get("completed_at")
            if completed_at is not None:
                completed_at = _fromisoformat(completed_at)

        except _ERRORS as exc:
            completed_at = _mismatch("AnalysisWebhookData", "completed_at", d, exc, strict)

        if cls is AnalysisWebhookData:
            # Same result as __init__ at a third of the cost; subclasses may add validators, converters or
            # post-init, so they go through their own __init__.
            analysis_webhook_data = _new_object(cls)
            analysis_webhook_data.id = id
            analysis_webhook_data.object = object_
            analysis_webhook_data.session_id = session_id
            analysis_webhook_data.call_id = call_id
            analysis_webhook_data.profile = profile
            analysis_webhook_data.status = status
            analysis_webhook_data.summary = summary
            analysis_webhook_data.sentiment = sentiment
            analysis_webhook_data.compliance = compliance
            analysis_webhook_data.performance = performance
            analysis_webhook_data.keywords = keywords
            analysis_webhook_data.results = results
            analysis_webhook_data.error = error
            analysis_webhook_data.created_at = created_at
            analysis_webhook_data.completed_at = completed_at
            analysis_webhook_data.additional_properties = {}
        else:
            analysis_webhook_data = cls(
                id=id,
                object=object_,
                session_id=session_id,
                call_id=call_id,
                profile=profile,
                status=status,
                summary=summary,
                sentiment=sentiment,
                compliance=compliance,
                performance=performance,
                keywords=keywords,
                results=results,
                error=error,
                created_at=created_at,
                completed_at=completed_at,
            )
        analysis_webhook_data._present = d  # a reference, not a copy: the parse owns the decoded payload

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(d):
            analysis_webhook_data.additional_properties = {k: v for k, v in d.items() if k not in _KNOWN_KEYS}
        return analysis_webhook_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_new_object = object.__new__  # one global lookup per model built instead of a builtin and an attribute
_fromisoformat = datetime.datetime.fromisoformat  # bound once: a timestamp per transcript turn adds up
_date_fromisoformat = datetime.date.fromisoformat
_KNOWN_KEYS = frozenset(
    {
        "id",
        "object",
        "session_id",
        "call_id",
        "profile",
        "status",
        "summary",
        "sentiment",
        "compliance",
        "performance",
        "keywords",
        "results",
        "error",
        "created_at",
        "completed_at",
    }
)

from ..models.analysis_compliance import AnalysisCompliance  # noqa: E402
from ..models.analysis_performance import AnalysisPerformance  # noqa: E402
from ..models.analysis_results import AnalysisResults  # noqa: E402
from ..models.analysis_sentiment import AnalysisSentiment  # noqa: E402
