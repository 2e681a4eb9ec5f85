"""Receive Kallglot webhooks: verify the signature, parse the event, process it once.

    app = webhooks.asgi_app(handle, store=webhooks.AsyncRedisStore("redis://…"))  # or wsgi_app: all of the below

    event = webhooks.construct_event(raw_body, headers["Kallglot-Signature"], secret)  # verify + parse
    with dedup.once(event.id) as first:  # dedup = webhooks.Deduplicator(webhooks.SQLiteStore("events.db"))
        if first:
            handle(event)

Verification runs on the raw request bytes. The ``Kallglot-Webhook-Id``, ``Kallglot-Retry-Count`` and
``Kallglot-Original-Timestamp`` headers (:func:`delivery`) are not covered by the signature: log them, never
trust them. De-duplicate on the event ``id``, which stays the same across every delivery of an event.
The secret defaults to ``$KALLGLOT_WEBHOOK_SECRET``; a list of secrets verifies during a rotation. Every
function here is pure and thread-safe; see :class:`Deduplicator` and the stores (memory, SQLite, Redis,
PostgreSQL) for processing once across workers and hosts.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kallglot_api.models import WebhookEventType

from . import _wire
from ._exceptions import (
    SignatureFailure,
    WebhookError,
    WebhookInProgressError,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookStoreError,
)
from ._webhook_apps import DEFAULT_MAX_BODY, ASGIApp, Handler, asgi_app, wsgi_app
from ._webhook_dedup import AsyncDeduplicator, Deduplicator
from ._webhook_events import (
    EVENT_MODELS,
    MAX_DEPTH,
    AnalysisCompleteWebhookEvent,
    AnalysisFailedWebhookEvent,
    Event,
    RecordingFailedWebhookEvent,
    RecordingReadyWebhookEvent,
    SessionCreatedWebhookEvent,
    SessionEndedWebhookEvent,
    SessionProviderConnectedWebhookEvent,
    SessionProviderDisconnectedWebhookEvent,
    SessionStartedWebhookEvent,
    TranscriptReadyWebhookEvent,
    TranscriptSegmentReceivedWebhookEvent,
    UnknownWebhookEvent,
    parse_event,
)
from ._webhook_memory import MemoryStore
from ._webhook_postgres import SCHEMA as POSTGRES_SCHEMA
from ._webhook_postgres import AsyncPostgresStore, PostgresStore
from ._webhook_redis import AsyncRedisStore, RedisStore
from ._webhook_signature import DEFAULT_TOLERANCE, WEBHOOK_SECRET_ENV, RawBody, Secrets, compute_signature, sign, verify
from ._webhook_sqlite import SQLiteStore
from ._webhook_store import DEFAULT_STORE_TIMEOUT, AsyncDedupStore, ClaimOutcome, DedupStore

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEFAULT_STORE_TIMEOUT",
    "DEFAULT_TOLERANCE",
    "EVENT_MODELS",
    "MAX_DEPTH",
    "POSTGRES_SCHEMA",
    "WEBHOOK_SECRET_ENV",
    "ASGIApp",
    "AnalysisCompleteWebhookEvent",
    "AnalysisFailedWebhookEvent",
    "AsyncDedupStore",
    "AsyncDeduplicator",
    "AsyncPostgresStore",
    "AsyncRedisStore",
    "ClaimOutcome",
    "DedupStore",
    "Deduplicator",
    "Delivery",
    "Event",
    "Handler",
    "MemoryStore",
    "PostgresStore",
    "RawBody",
    "RecordingFailedWebhookEvent",
    "RecordingReadyWebhookEvent",
    "RedisStore",
    "SQLiteStore",
    "Secrets",
    "SessionCreatedWebhookEvent",
    "SessionEndedWebhookEvent",
    "SessionProviderConnectedWebhookEvent",
    "SessionProviderDisconnectedWebhookEvent",
    "SessionStartedWebhookEvent",
    "SignatureFailure",
    "TranscriptReadyWebhookEvent",
    "TranscriptSegmentReceivedWebhookEvent",
    "UnknownWebhookEvent",
    "WebhookError",
    "WebhookInProgressError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookStoreError",
    "asgi_app",
    "build_event",
    "compute_signature",
    "construct_event",
    "delivery",
    "parse_event",
    "sign",
    "verify",
    "wsgi_app",
]


def construct_event(
    raw_body: RawBody,
    signature_header: str | bytes | None,
    secret: Secrets | None = None,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
) -> Event:
    """Verify ``raw_body`` (see :func:`verify`), then parse it (see :func:`parse_event`).

    ``secret`` defaults to ``$KALLGLOT_WEBHOOK_SECRET``; pass a list of secrets while one rotates.

    Raises :class:`WebhookSignatureError` (answer 400 and do nothing) or, for an authentic body the SDK cannot
    parse, :class:`WebhookPayloadError` (its ``payload`` holds the decoded JSON when there was one).
    """
    verify(raw_body, signature_header, secret, tolerance=tolerance)
    return parse_event(raw_body)


_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, as in the API's ULID-style ids


def build_event(
    type: str | WebhookEventType,
    data: Mapping[str, Any],
    *,
    id: str | None = None,
    created_at: datetime | str | None = None,
    api_version: str = "v1",
) -> dict[str, Any]:
    """Return the JSON-ready envelope ``{id, type, api_version, created_at, data}`` of a webhook event.

    ``id`` defaults to a fresh random ``evt_…`` id, ``created_at`` to now in UTC. For tests and the mock server:
    ``body = json.dumps(build_event(...)).encode()``, then ``sign(body, secret)``.
    """
    if created_at is None:
        created_at = datetime.now(UTC).replace(microsecond=0)
    if isinstance(created_at, datetime):
        created_at = created_at.isoformat().replace("+00:00", "Z")
    return {
        "id": id if id is not None else "evt_01" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(24)),
        "type": str(type),
        "api_version": api_version,
        "created_at": created_at,
        "data": dict(data),
    }


@dataclass(frozen=True, slots=True)
class Delivery:
    """One delivery attempt's headers, ``None`` where absent or not a non-negative integer.

    ``webhook_id`` (``wh_del_…``) names the delivery and stays the same across its retries; ``retry_count`` is 0
    on the first attempt; ``original_timestamp`` is the first attempt's unix time. Unsigned: for logging only.
    """

    webhook_id: str | None
    retry_count: int | None
    original_timestamp: int | None

    @property
    def is_retry(self) -> bool:
        return bool(self.retry_count)


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _count(value: str | None) -> int | None:
    # These headers are informational and unsigned, so a bad value becomes None instead of failing the delivery
    # (int() of thousands of digits would raise, so longer text than any real count is refused before it).
    value = value.strip() if value is not None else None
    if not value or len(value) > _wire.MAX_NUMBER_TEXT or not (value.isascii() and value.isdecimal()):
        return None
    return int(value)


def delivery(
    headers: Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str | bytes, str | bytes]],
) -> Delivery:
    """Read the delivery headers, names matched case-insensitively, from a mapping or ``(name, value)`` pairs.

    Accepts any headers mapping (``dict``, ``httpx.Headers``, a framework's ``request.headers``) or the ASGI
    ``scope["headers"]`` list of byte pairs. Missing headers, and counts that are not non-negative decimal
    integers of at most 40 digits, are ``None``; nothing raises.
    """
    pairs: Iterable[tuple[str | bytes, str | bytes]] = headers.items() if isinstance(headers, Mapping) else headers
    found: dict[str, str] = {}
    for name, value in pairs:
        found.setdefault(_text(name).lower(), _text(value))
    webhook_id = found.get("kallglot-webhook-id")
    return Delivery(
        webhook_id=(webhook_id.strip() or None) if webhook_id is not None else None,
        retry_count=_count(found.get("kallglot-retry-count")),
        original_timestamp=_count(found.get("kallglot-original-timestamp")),
    )
