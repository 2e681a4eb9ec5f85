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
