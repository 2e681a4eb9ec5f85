"""``KALLGLOT_LOG=info|debug`` turns on the ``kallglot`` logger without any logging set-up of your own."""

from __future__ import annotations

import logging
import os

from ._constants import LOG_ENV

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING}
_configured = False


def configure_from_env() -> None:
    """Apply ``KALLGLOT_LOG`` once per process; an application's own handlers are left alone."""
    global _configured
    if _configured:
        return
    _configured = True
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger = logging.getLogger("kallglot")
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
