# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analysis_status import AnalysisStatus
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="AnalysisWebhookData")


@_attrs_define
class AnalysisWebhookData:
    """The `data` of `analysis.complete` and `analysis.failed`; fields as on an analysis, none promised.

    Attributes:
        id (str | Unset):
        object_ (str | Unset):
        session_id (str | Unset):
        call_id (None | str | Unset):
        profile (str | Unset):
        status (AnalysisStatus | Unset): Current docs: processing, completed, failed. Older docs: queued, processing,
            complete, failed.
        summary (None | str | Unset):
        sentiment (AnalysisSentiment | None | Unset):
        compliance (AnalysisCompliance | None | Unset):
        performance (AnalysisPerformance | None | Unset):
        keywords (list[str] | None | Unset):
        results (AnalysisResults | None | Unset):
        error (None | str | Unset):
        created_at (datetime.datetime | Unset):
        completed_at (datetime.datetime | None | Unset):
    """

    id: str | Unset = UNSET
    object_: str | Unset = UNSET
    session_id: str | Unset = UNSET
    call_id: None | str | Unset = UNSET
    profile: str | Unset = UNSET
    status: AnalysisStatus | Unset = UNSET
    summary: None | str | Unset = UNSET
    sentiment: AnalysisSentiment | None | Unset = UNSET
    compliance: AnalysisCompliance | None | Unset = UNSET
    performance: AnalysisPerformance | None | Unset = UNSET
    keywords: list[str] | None | Unset = UNSET
    results: AnalysisResults | None | Unset = UNSET
    error: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        session_id = self.session_id

        call_id: None | str | Unset
        if isinstance(self.call_id, Unset):
            call_id = UNSET
        else:
            call_id = self.call_id

        profile = self.profile

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        sentiment: dict[str, Any] | None | Unset
        if isinstance(self.sentiment, Unset):
            sentiment = UNSET
        elif isinstance(self.sentiment, AnalysisSentiment):
            sentiment = self.sentiment.to_dict()
        else:
            sentiment = self.sentiment

        compliance: dict[str, Any] | None | Unset
        if isinstance(self.compliance, Unset):
            compliance = UNSET
        elif isinstance(self.compliance, AnalysisCompliance):
            compliance = self.compliance.to_dict()
        else:
            compliance = self.compliance

        performance: dict[str, Any] | None | Unset
        if isinstance(self.performance, Unset):
            performance = UNSET
        elif isinstance(self.performance, AnalysisPerformance):
            performance = self.performance.to_dict()
        else:
            performance = self.performance

        keywords: list[str] | None | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        elif isinstance(self.keywords, list):
            keywords = self.keywords

        else:
            keywords = self.keywords

        results: dict[str, Any] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, AnalysisResults):
            results = self.results.to_dict()
        else:
            results = self.results

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if call_id is not UNSET:
            field_dict["call_id"] = call_id
        if profile is not UNSET:
            field_dict["profile"] = profile
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if sentiment is not UNSET:
            field_dict["sentiment"] = sentiment
        if compliance is not UNSET:
            field_dict["compliance"] = compliance
        if performance is not UNSET:
            field_dict["performance"] = performance
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if results is not UNSET:
            field_dict["results"] = results
        if error is not UNSET:
            field_dict["error"] = error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("AnalysisWebhookData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d.get("id", UNSET)

            _field = "object"
            object_ = d.get("object", UNSET)

            _field = "session_id"
            session_id = d.get("session_id", UNSET)

            _field = "call_id"
            call_id = cast(None | str | Unset, d.get("call_id", UNSET))

            _field = "profile"
            profile = d.get("profile", UNSET)

            _field = "status"
            _status = d.get("status", UNSET)
            status: AnalysisStatus | Unset
            if _status is UNSET:
                status = UNSET
            else:
                status = AnalysisStatus(_status)

            _field = "summary"
            summary = cast(None | str | Unset, d.get("summary", UNSET))

            _field = "sentiment"
            _sentiment = d.get("sentiment", UNSET)
            sentiment: AnalysisSentiment | None | Unset
            if _sentiment is None:
                sentiment = None
            elif _sentiment is UNSET:
                sentiment = UNSET
            elif isinstance(_sentiment, dict):
                sentiment_type_0 = AnalysisSentiment.from_dict(_sentiment)

                sentiment = sentiment_type_0
            else:
                raise TypeError(f"unexpected {type(_sentiment).__name__} value")

            _field = "compliance"
            _compliance = d.get("compliance", UNSET)
            compliance: AnalysisCompliance | None | Unset
            if _compliance is None:
                compliance = None
            elif _compliance is UNSET:
                compliance = UNSET
            elif isinstance(_compliance, dict):
                compliance_type_0 = AnalysisCompliance.from_dict(_compliance)

                compliance = compliance_type_0
            else:
                raise TypeError(f"unexpected {type(_compliance).__name__} value")

            _field = "performance"
            _performance = d.get("performance", UNSET)
            performance: AnalysisPerformance | None | Unset
            if _performance is None:
                performance = None
            elif _performance is UNSET:
                performance = UNSET
            elif isinstance(_performance, dict):
                performance_type_0 = AnalysisPerformance.from_dict(_performance)

                performance = performance_type_0
            else:
                raise TypeError(f"unexpected {type(_performance).__name__} value")

            _field = "keywords"
            _keywords = d.get("keywords", UNSET)
            keywords: list[str] | None | Unset
            if _keywords is None:
                keywords = None
            elif _keywords is UNSET:
                keywords = UNSET
            elif isinstance(_keywords, list):
                keywords_type_0 = cast(list[str], _keywords)

                keywords = keywords_type_0
            else:
                raise TypeError(f"unexpected {type(_keywords).__name__} value")

            _field = "results"
            _results = d.get("results", UNSET)
            results: AnalysisResults | None | Unset
            if _results is None:
                results = None
            elif _results is UNSET:
                results = UNSET
            elif isinstance(_results, dict):
                results_type_0 = AnalysisResults.from_dict(_results)

                results = results_type_0
            else:
                raise TypeError(f"unexpected {type(_results).__name__} value")

            _field = "error"
            error = cast(None | str | Unset, d.get("error", UNSET))

            _field = "created_at"
            _created_at = d.get("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if _created_at is UNSET:
                created_at = UNSET
            else:
                created_at = _fromisoformat(_created_at)

            _field = "completed_at"
            _completed_at = d.get("completed_at", UNSET)
            completed_at: datetime.datetime | None | Unset
            if _completed_at is None:
                completed_at = None
            elif _completed_at is UNSET:
                completed_at = UNSET
            elif isinstance(_completed_at, str):
                completed_at_type_0 = _fromisoformat(_completed_at)

                completed_at = completed_at_type_0
            else:
                raise TypeError(f"unexpected {type(_completed_at).__name__} value")

        except ParseError as exc:
            raise ParseError(
                "AnalysisWebhookData", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("AnalysisWebhookData", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("AnalysisWebhookData", _field, str(exc) or type(exc).__name__) from exc
        if cls is AnalysisWebhookData:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            analysis_webhook_data = _new_object(cls)
            analysis_webhook_data.id = id
            analysis_webhook_data.object_ = object_
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
                object_=object_,
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

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            analysis_webhook_data.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
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
