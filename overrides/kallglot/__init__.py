"""The Kallglot Python SDK. Import everything from here; modules starting with ``_`` are private."""

from ._version import __version__

__all__ = ["__version__"]
