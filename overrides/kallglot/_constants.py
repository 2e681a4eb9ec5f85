"""Defaults, named once."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://api.kallglot.com/v1"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A server asking for a longer pause than this gets a RateLimitError at once instead of a sleeping client.
DEFAULT_MAX_RETRY_WAIT = 60.0
DOWNLOAD_CHUNK_SIZE = 64 * 1024
MAX_REDIRECTS = 5

API_KEY_ENV = "KALLGLOT_API_KEY"
BASE_URL_ENV = "KALLGLOT_BASE_URL"
LOG_ENV = "KALLGLOT_LOG"
WEBHOOK_SECRET_ENV = "KALLGLOT_WEBHOOK_SECRET"

# The live stream (``StreamOptions`` fields default to these).
STREAM_MAX_RECONNECT_ATTEMPTS = 5
STREAM_RECONNECT_INITIAL_DELAY = 0.25
STREAM_RECONNECT_MAX_DELAY = 8.0
STREAM_SEND_TIMEOUT = 10.0
STREAM_SEND_BUFFER = 32 * 1024
STREAM_EVENT_BUFFER = 4096
STREAM_PING_INTERVAL = 5.0
STREAM_PING_TIMEOUT = 5.0
STREAM_OPEN_TIMEOUT = 10.0
STREAM_CLOSE_TIMEOUT = 5.0
STREAM_TOKEN_REFRESH_MARGIN = 5.0
STREAM_MAX_MESSAGE_SIZE = 16 * 1024 * 1024
# A connection that closes sooner than this after opening, or before any message past session.ready, counts as
# a failed attempt (with backoff) rather than a recovered outage.
STREAM_STABLE_AFTER = 5.0

# Waiting for an analysis (``analyses.wait``).
ANALYSIS_WAIT_TIMEOUT = 300.0
ANALYSIS_POLL_INTERVAL = 2.0
ANALYSIS_MAX_POLL_INTERVAL = 30.0

# Webhooks. The API docs name no replay window; five minutes is what comparable webhook senders use.
WEBHOOK_TOLERANCE = 300.0
# A claim older than this is taken to belong to a crashed worker and may be taken over by a redelivery. Kallglot
# gives up on an attempt after 30 s and retries after 1, 6 and 36 minutes, so five minutes lets the 6-minute
# retry recover from a crash while a slow but live handler keeps its claim.
WEBHOOK_LEASE = 300.0
WEBHOOK_MEMORY_SIZE = 10_000
# Retries end about 41.5 hours after the first attempt; a week leaves room for replays by hand from the portal.
WEBHOOK_RETENTION = 7 * 24 * 3600.0
# The longest a network store (Redis, PostgreSQL) may take to connect or to answer one operation. A server that
# stops answering without closing the connection then fails the delivery (500, retried later) well inside
# Kallglot's 30 s attempt, instead of holding the request and the store's connection until the attempt ends.
WEBHOOK_STORE_TIMEOUT = 5.0
WEBHOOK_SQLITE_BUSY_TIMEOUT = 30.0
# Kallglot's largest events (transcript.ready with every turn) stay far below this.
WEBHOOK_MAX_BODY = 5 * 1024 * 1024
