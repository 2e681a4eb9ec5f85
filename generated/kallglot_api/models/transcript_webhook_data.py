# Generated from openapi/kallglot.yaml by `python -m generator`; edit the spec or generator/templates/, never this file.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transcript_status import TranscriptStatus
from ..types import UNSET, ParseError, Unset

T = TypeVar("T", bound="TranscriptWebhookData")


@_attrs_define
class TranscriptWebhookData:
    """The `data` of `transcript.ready`; fields as on a transcript, none promised.

    Attributes:
        id (str | Unset):
        object_ (str | Unset):
        session_id (str | Unset):
        status (TranscriptStatus | Unset): `in_progress` while the session runs, `completed` once it ended (older docs:
            `complete`).
        turns (list[TranscriptTurn] | Unset):
        segments (list[TranscriptSegment] | Unset):
        metadata (None | TranscriptMetadata | Unset):
        language (LanguagePair | None | Unset):
        duration (float | None | Unset):
        word_count (int | None | Unset):
    """

    id: str | Unset = UNSET
    object_: str | Unset = UNSET
    session_id: str | Unset = UNSET
    status: TranscriptStatus | Unset = UNSET
    turns: list[TranscriptTurn] | Unset = UNSET
    segments: list[TranscriptSegment] | Unset = UNSET
    metadata: None | TranscriptMetadata | Unset = UNSET
    language: LanguagePair | None | Unset = UNSET
    duration: float | None | Unset = UNSET
    word_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        session_id = self.session_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        turns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.turns, Unset):
            turns = []
            for turns_item_data in self.turns:
                turns_item = turns_item_data.to_dict()
                turns.append(turns_item)

        segments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.segments, Unset):
            segments = []
            for segments_item_data in self.segments:
                segments_item = segments_item_data.to_dict()
                segments.append(segments_item)

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, TranscriptMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        language: dict[str, Any] | None | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, LanguagePair):
            language = self.language.to_dict()
        else:
            language = self.language

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        word_count: int | None | Unset
        if isinstance(self.word_count, Unset):
            word_count = UNSET
        else:
            word_count = self.word_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if status is not UNSET:
            field_dict["status"] = status
        if turns is not UNSET:
            field_dict["turns"] = turns
        if segments is not UNSET:
            field_dict["segments"] = segments
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if language is not UNSET:
            field_dict["language"] = language
        if duration is not UNSET:
            field_dict["duration"] = duration
        if word_count is not UNSET:
            field_dict["word_count"] = word_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise ParseError("TranscriptWebhookData", "", f"expected an object, got {type(src_dict).__name__}")
        d = src_dict
        _field = ""
        try:
            _field = "id"
            id = d.get("id", UNSET)

            _field = "object"
            object_ = d.get("object", UNSET)

            _field = "session_id"
            session_id = d.get("session_id", UNSET)

            _field = "status"
            _status = d.get("status", UNSET)
            status: TranscriptStatus | Unset
            if _status is UNSET:
                status = UNSET
            else:
                status = TranscriptStatus(_status)

            _field = "turns"
            _turns = d.get("turns", UNSET)
            turns: list[TranscriptTurn] | Unset = UNSET
            if _turns is not UNSET:
                turns = list(map(TranscriptTurn.from_dict, _turns))

            _field = "segments"
            _segments = d.get("segments", UNSET)
            segments: list[TranscriptSegment] | Unset = UNSET
            if _segments is not UNSET:
                segments = list(map(TranscriptSegment.from_dict, _segments))

            _field = "metadata"
            _metadata = d.get("metadata", UNSET)
            metadata: None | TranscriptMetadata | Unset
            if _metadata is None:
                metadata = None
            elif _metadata is UNSET:
                metadata = UNSET
            elif isinstance(_metadata, dict):
                metadata_type_0 = TranscriptMetadata.from_dict(_metadata)

                metadata = metadata_type_0
            else:
                raise TypeError(f"unexpected {type(_metadata).__name__} value")

            _field = "language"
            _language = d.get("language", UNSET)
            language: LanguagePair | None | Unset
            if _language is None:
                language = None
            elif _language is UNSET:
                language = UNSET
            elif isinstance(_language, dict):
                language_type_0 = LanguagePair.from_dict(_language)

                language = language_type_0
            else:
                raise TypeError(f"unexpected {type(_language).__name__} value")

            _field = "duration"
            duration = cast(float | None | Unset, d.get("duration", UNSET))

            _field = "word_count"
            word_count = cast(int | None | Unset, d.get("word_count", UNSET))

        except ParseError as exc:
            raise ParseError(
                "TranscriptWebhookData", _field + ("." + exc.field if exc.field else ""), exc.reason
            ) from None
        except KeyError:
            raise ParseError("TranscriptWebhookData", _field, "required field is missing") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ParseError("TranscriptWebhookData", _field, str(exc) or type(exc).__name__) from exc
        if cls is TranscriptWebhookData:
            # Same result as the attrs __init__ (this class has no validators, converters or post-init) at a
            # third of the cost; subclasses may add any of those, so they go through their own __init__.
            transcript_webhook_data = _new_object(cls)
            transcript_webhook_data.id = id
            transcript_webhook_data.object_ = object_
            transcript_webhook_data.session_id = session_id
            transcript_webhook_data.status = status
            transcript_webhook_data.turns = turns
            transcript_webhook_data.segments = segments
            transcript_webhook_data.metadata = metadata
            transcript_webhook_data.language = language
            transcript_webhook_data.duration = duration
            transcript_webhook_data.word_count = word_count
            transcript_webhook_data.additional_properties = {}
        else:
            transcript_webhook_data = cls(
                id=id,
                object_=object_,
                session_id=session_id,
                status=status,
                turns=turns,
                segments=segments,
                metadata=metadata,
                language=language,
                duration=duration,
                word_count=word_count,
            )

        # issuperset allocates nothing; the common payload has no unknown keys.
        if not _KNOWN_KEYS.issuperset(src_dict):
            transcript_webhook_data.additional_properties = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
        return transcript_webhook_data

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
_KNOWN_KEYS = frozenset(
    {
        "id",
        "object",
        "session_id",
        "status",
        "turns",
        "segments",
        "metadata",
        "language",
        "duration",
        "word_count",
    }
)

from ..models.language_pair import LanguagePair  # noqa: E402
from ..models.transcript_metadata import TranscriptMetadata  # noqa: E402
from ..models.transcript_segment import TranscriptSegment  # noqa: E402
from ..models.transcript_turn import TranscriptTurn  # noqa: E402
