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
