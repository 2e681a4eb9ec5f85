"""The ``kallglot`` logger: silent by default, as a library's should be; ``KALLGLOT_LOG`` turns it on.

A ``NullHandler`` keeps warnings ("API credits are low …", reconnects) out of the stderr of applications that
never configured logging. ``KALLGLOT_LOG=info`` logs each attempt's method, path, status, request id, attempt
and time; ``debug`` adds the request's URL, query, headers (credentials replaced by ``[REDACTED]``, other
secrets by ``kallglot._redact``), body size and the response headers.
"""

from __future__ import annotations

import logging
import os

from ._constants import LOG_ENV

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}
_configured = False
logger = logging.getLogger("kallglot")
logger.addHandler(logging.NullHandler())


def configure_from_env() -> None:
    """Apply ``KALLGLOT_LOG`` once per process; an application's own handlers are left alone."""
    global _configured
    if _configured:
        return
    _configured = True
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if all(isinstance(h, logging.NullHandler) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
