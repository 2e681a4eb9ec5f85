"""What a client is configured with, checked before anything is sent: the base URL and the API key."""

from __future__ import annotations

import warnings

import httpx

from ._exceptions import KallglotError

_warned_cleartext: set[str] = set()


def parse_base_url(value: str) -> str:
    """``value`` checked and normalised (lowercase scheme, no trailing slash); ``ValueError`` saying what is wrong.

    A query or fragment would be glued to every path, and whitespace would be percent-encoded into it, so all
    three are refused rather than silently sending requests to the wrong endpoint.
    """
    if not isinstance(value, str):
        raise TypeError(f"base_url must be a string such as 'https://api.kallglot.com/v1', got {value!r}")
    if any(c.isspace() or not c.isprintable() for c in value):
        raise ValueError(f"base_url must not contain whitespace or control characters, got {value!r}")
    if "?" in value or "#" in value:
        raise ValueError(f"base_url must not have a query or a fragment (paths are appended to it), got {value!r}")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as exc:
        raise ValueError(f"base_url is not a valid URL ({exc}): {value!r}") from None
    if url.scheme not in ("https", "http"):
        raise ValueError(f"base_url must start with https:// or http://, got {value!r}")
    if not url.host:
        raise ValueError(f"base_url must name a host, as in https://api.kallglot.com/v1, got {value!r}")
    normalised = f"{url.scheme}://{url.netloc.decode('ascii')}{url.raw_path.decode('ascii')}".rstrip("/")
    if url.scheme == "http" and not _loopback(url.host) and normalised not in _warned_cleartext:
        _warned_cleartext.add(normalised)
        warnings.warn(
            f"base_url {normalised} is plain http:// to a host that is not this machine: the API key will travel "
            "unencrypted; use https://",
            UserWarning,
            stacklevel=3,  # the line that made the client
        )
    return normalised


def _loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    import ipaddress  # only for http:// URLs, which production never uses

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_key(key: str) -> str:
    """The key stripped; one that cannot be a header value is refused without echoing it."""
    key = key.strip()
    if not key.isascii() or not key.isprintable() or any(c.isspace() for c in key):
        raise KallglotError(
            "The API key contains characters no API key has (whitespace, control or non-ASCII characters); "
            "copy it again from the Kallglot Developer Portal."
        )
    return key
