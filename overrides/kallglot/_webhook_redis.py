"""De-duplication stores in Redis (``pip install 'kallglot[redis]'``), shared by every host of a receiver.

One key per event, ``{prefix}{event_id}``: the claim token with a time-to-live of the lease while a handler
runs, ``processed`` with a time-to-live of the retention once it returned. Redis expires both on its own clock,
so a crashed worker's claim disappears after the lease and hosts with skewed clocks agree. Every operation is
one round trip: claim and release are Lua scripts (atomic on the server), complete is one ``SET … PX``.

A client the store opens from a URL waits at most ``timeout`` seconds (default 5) to connect and for each answer
(``socket_connect_timeout``, ``socket_timeout``), so a server that stops answering fails the delivery with
:class:`WebhookStoreError` instead of holding it; a client you pass keeps the timeouts you gave it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from ._webhook_store import DEFAULT_RETENTION, DEFAULT_STORE_TIMEOUT, ClaimOutcome, network_settings, store_errors

if TYPE_CHECKING:
    import redis
    import redis.asyncio

__all__ = ["AsyncRedisStore", "RedisStore"]

DEFAULT_PREFIX = "kallglot:webhook:"
Client = TypeVar("Client")
_PROCESSED = "processed"  # never equal to a claim token (32 hex digits)

# KEYS[1] event key; ARGV[1] token, ARGV[2] lease in ms.
_CLAIM = """
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 'claimed'
end
if current == 'processed' then return 'processed' end
return 'in_progress'
"""
# KEYS[1] event key; ARGV[1] token: delete only our own claim, never a processed mark or a newer claim.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def _errors() -> tuple[type[BaseException], ...]:
    import redis.exceptions

    return (redis.exceptions.RedisError, OSError)


def _outcome(value: Any) -> ClaimOutcome:
    text = value.decode() if isinstance(value, bytes) else str(value)
    if text not in ("claimed", "processed", "in_progress"):
        import redis.exceptions

        # A RedisError, so the store's error handling names the store (a sync store given an async client lands here).
        raise redis.exceptions.ResponseError(f"unexpected answer from the claim script: {text[:80]!r}")
    return text  # type: ignore[return-value]


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class _Keys(Generic[Client]):
    """What both stores share: the keys, the retention, and the client (opened from a URL with the timeouts)."""

    _module: ClassVar[str]  # where the client class lives: "redis" or "redis.asyncio"

    def __init__(self, client: str | Client, prefix: str, retention: float, timeout: float) -> None:
        if not isinstance(prefix, str):
            raise TypeError("prefix must be a str")
        self.prefix = prefix
        self.retention, self.timeout = network_settings(retention, timeout)
        self._owned = isinstance(client, str)
        if isinstance(client, str):
            module = importlib.import_module(self._module)
            client = module.Redis.from_url(client, socket_timeout=self.timeout, socket_connect_timeout=self.timeout)
        self.client: Client = cast(Client, client)
        scripts: Any = self.client
        self._claim = scripts.register_script(_CLAIM)
        self._release = scripts.register_script(_RELEASE)

    def key(self, event_id: str) -> str:
        return self.prefix + event_id


class RedisStore(_Keys["redis.Redis"]):
    """Event ids in Redis, for receivers on several hosts (blocking; see :class:`AsyncRedisStore`).

    ``client`` is a ``redis://`` URL (the store opens, and :meth:`close` closes, a client that waits at most
    ``timeout`` seconds, default 5, to connect and for each answer) or a ``redis.Redis`` you own (give it a
    ``socket_timeout``). Processed ids are kept ``retention`` seconds (default a week; at least
    the 41.5-hour retry window). Thread- and process-safe. A failing server raises :class:`WebhookStoreError`
    with ``store="redis"``.
    """

    _module = "redis"
    client: redis.Redis

    def __init__(
        self,
        client: str | redis.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        retention: float = DEFAULT_RETENTION,
        timeout: float = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        super().__init__(client, prefix, retention, timeout)

    def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        with store_errors("redis", "claim", _errors()):
            return _outcome(self._claim(keys=[self.key(event_id)], args=[token, _ms(lease)]))

    def complete(self, event_id: str, now: float) -> None:
        with store_errors("redis", "complete", _errors()):
            self.client.set(self.key(event_id), _PROCESSED, px=_ms(self.retention))

    def release(self, event_id: str, token: str) -> None:
        with store_errors("redis", "release", _errors()):
            self._release(keys=[self.key(event_id)], args=[token])

    def is_processed(self, event_id: str) -> bool:
        with store_errors("redis", "is_processed", _errors()):
            value = self.client.get(self.key(event_id))
        return value in (_PROCESSED, _PROCESSED.encode())

    def forget(self, event_id: str) -> None:
        with store_errors("redis", "forget", _errors()):
            self.client.delete(self.key(event_id))

    def close(self) -> None:
        """Close the client if the store opened it from a URL."""
        if self._owned:
            self.client.close()


class AsyncRedisStore(_Keys["redis.asyncio.Redis"]):
    """:class:`RedisStore` over ``redis.asyncio``, for :class:`AsyncDeduplicator` and :func:`asgi_app`.

    ``client`` is a ``redis://`` URL (``timeout`` bounds the client opened from it) or a ``redis.asyncio.Redis``
    you own; :meth:`aclose` closes an owned one.
    """

    _module = "redis.asyncio"
    client: redis.asyncio.Redis

    def __init__(
        self,
        client: str | redis.asyncio.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        retention: float = DEFAULT_RETENTION,
        timeout: float = DEFAULT_STORE_TIMEOUT,
    ) -> None:
        super().__init__(client, prefix, retention, timeout)

    async def claim(self, event_id: str, token: str, now: float, lease: float) -> ClaimOutcome:
        with store_errors("redis", "claim", _errors()):
            return _outcome(await self._claim(keys=[self.key(event_id)], args=[token, _ms(lease)]))

    async def complete(self, event_id: str, now: float) -> None:
        with store_errors("redis", "complete", _errors()):
            await self.client.set(self.key(event_id), _PROCESSED, px=_ms(self.retention))

    async def release(self, event_id: str, token: str) -> None:
        with store_errors("redis", "release", _errors()):
            await self._release(keys=[self.key(event_id)], args=[token])

    async def is_processed(self, event_id: str) -> bool:
        with store_errors("redis", "is_processed", _errors()):
            value = await self.client.get(self.key(event_id))
        return value in (_PROCESSED, _PROCESSED.encode())

    async def forget(self, event_id: str) -> None:
        with store_errors("redis", "forget", _errors()):
            await self.client.delete(self.key(event_id))

    async def aclose(self) -> None:
        """Close the client if the store opened it from a URL."""
        if self._owned:
            await self.client.aclose()
