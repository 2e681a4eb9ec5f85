"""Webhook signatures: checked against an HMAC computed here, every failure reason, rotation, tolerance."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kallglot import _webhook_signature as signature_module
from kallglot import webhooks
from kallglot._exceptions import KallglotError

SECRET = "whsec_test_0123456789abcdef"
BODY = b'{"id":"evt_01HXYZ123456789","type":"session.ended","api_version":"v1","data":{}}'
NOW = 1_710_072_360


def hmac_hex(secret: str, timestamp: int, body: bytes) -> str:
    """The documented algorithm, written out independently of the SDK."""
    return hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signature_module, "_now", lambda: float(NOW))


def reason_of(body: bytes, header: str | bytes | None, secret: str = SECRET, **kwargs: float | None) -> str:
    with pytest.raises(webhooks.WebhookSignatureError) as info:
        webhooks.verify(body, header, secret, **kwargs)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    return info.value.reason


def test_sign_produces_the_documented_header() -> None:
    assert webhooks.sign(BODY, SECRET, timestamp=NOW) == f"t={NOW},v1={hmac_hex(SECRET, NOW, BODY)}"
    assert webhooks.sign(BODY, SECRET) == f"t={NOW},v1={hmac_hex(SECRET, NOW, BODY)}"  # now, by default


def test_verify_accepts_an_independently_computed_signature() -> None:
    webhooks.verify(BODY, f"t={NOW},v1={hmac_hex(SECRET, NOW, BODY)}", SECRET)
    webhooks.verify(bytearray(BODY), f"t={NOW}, v1={hmac_hex(SECRET, NOW, BODY)}".encode(), SECRET)


def test_the_documented_example_header_parses() -> None:
    # The docs' example signature is for an unknown body and secret: it must be read, then simply not match.
    example = "t=1710072360,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
    assert reason_of(BODY, example) == "no_matching_signature"


def test_any_of_several_v1_values_matches_during_secret_rotation() -> None:
    old, new = hmac_hex("whsec_old", NOW, BODY), hmac_hex(SECRET, NOW, BODY)
    webhooks.verify(BODY, f"t={NOW},v1={old},v1={new}", SECRET)
    webhooks.verify(BODY, f"t={NOW},v1={new},v1={old}", SECRET)
    webhooks.verify(BODY, f"t={NOW},v1={old},v1={new}", "whsec_old")
    assert reason_of(BODY, f"t={NOW},v1={old},v1={old}") == "no_matching_signature"


def test_unknown_schemes_are_ignored() -> None:
    webhooks.verify(BODY, f"t={NOW},v0=abc,v1={hmac_hex(SECRET, NOW, BODY)},v2=def", SECRET)
    assert reason_of(BODY, f"t={NOW},v0={hmac_hex(SECRET, NOW, BODY)}") == "missing_signature"


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (None, "missing_header"),
        ("", "missing_header"),
        (b"", "missing_header"),
        ("garbage", "malformed_header"),
        (f"t={NOW},v1", "malformed_header"),
        (f"t={NOW},,v1=ab", "malformed_header"),
        ("t=soon,v1=ab", "malformed_header"),
        ("t=-5,v1=ab", "malformed_header"),
        ("t=\uff11\uff12,v1=ab", "malformed_header"),  # fullwidth digits: int() takes them, the check must not
        (f"t={NOW},t={NOW},v1=ab", "malformed_header"),
        ("t=\xff".encode("latin-1"), "malformed_header"),
        ("v1=abcdef", "missing_timestamp"),
        (f"t={NOW}", "missing_signature"),
        (f"t={NOW},v1=", "no_matching_signature"),
        (f"t={NOW},v1=nothex", "no_matching_signature"),
        (f"t={NOW},v1=é", "no_matching_signature"),
    ],
)
def test_each_malformed_header_has_its_reason(header: str | bytes | None, reason: str) -> None:
    assert reason_of(BODY, header) == reason


def test_wrong_secret_and_changed_body_are_the_same_failure() -> None:
    header = webhooks.sign(BODY, SECRET, timestamp=NOW)
    assert reason_of(BODY, header, "whsec_wrong") == "no_matching_signature"
    assert reason_of(BODY + b" ", header) == "no_matching_signature"


def test_uppercase_hex_is_not_the_documented_encoding() -> None:
    assert reason_of(BODY, f"t={NOW},v1={hmac_hex(SECRET, NOW, BODY).upper()}") == "no_matching_signature"


def test_the_error_says_which_check_failed_and_is_a_kallglot_error() -> None:
    with pytest.raises(KallglotError) as info:
        webhooks.verify(BODY, f"t={NOW - 400},v1={hmac_hex(SECRET, NOW - 400, BODY)}", SECRET)
    error = info.value
    assert isinstance(error, webhooks.WebhookSignatureError) and isinstance(error, webhooks.WebhookError)
    assert error.reason == "timestamp_outside_tolerance" and error.timestamp == NOW - 400
    assert str(error).startswith("timestamp_outside_tolerance: ") and "400 s old" in str(error)


@pytest.mark.parametrize(("offset", "ok"), [(-301, False), (-300, True), (0, True), (300, True), (301, False)])
def test_tolerance_applies_on_both_sides_of_now(offset: int, ok: bool) -> None:
    t = NOW + offset
    header = f"t={t},v1={hmac_hex(SECRET, t, BODY)}"
    if ok:
        webhooks.verify(BODY, header, SECRET)
    else:
        assert reason_of(BODY, header) == "timestamp_outside_tolerance"


def test_tolerance_is_configurable_and_none_disables_it() -> None:
    header = f"t={NOW - 3600},v1={hmac_hex(SECRET, NOW - 3600, BODY)}"
    assert reason_of(BODY, header, tolerance=60) == "timestamp_outside_tolerance"
    webhooks.verify(BODY, header, SECRET, tolerance=3600)
    webhooks.verify(BODY, header, SECRET, tolerance=None)
    ancient = f"t=0,v1={hmac_hex(SECRET, 0, BODY)}"
    webhooks.verify(BODY, ancient, SECRET, tolerance=None)
    with pytest.raises(ValueError, match="tolerance"):
        webhooks.verify(BODY, header, SECRET, tolerance=-1)


def test_a_forged_stale_header_reports_the_signature_not_the_timestamp() -> None:
    assert reason_of(BODY, f"t={NOW - 3600},v1={'0' * 64}") == "no_matching_signature"


def test_a_str_body_is_refused_with_advice() -> None:
    header = webhooks.sign(BODY, SECRET)
    with pytest.raises(TypeError, match="as bytes, exactly as received"):
        webhooks.verify(BODY.decode(), header, SECRET)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="as bytes"):
        webhooks.construct_event(BODY.decode(), header, SECRET)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes"):
        webhooks.verify({"id": "evt_1"}, header, SECRET)  # type: ignore[arg-type]


def test_an_empty_or_missing_secret_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    header = webhooks.sign(BODY, SECRET)
    with pytest.raises(ValueError, match="secret is empty"):
        webhooks.verify(BODY, header, "")
    with pytest.raises(TypeError, match="secret"):
        webhooks.verify(BODY, header, 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        webhooks.verify(BODY, header, [])
    monkeypatch.delenv("KALLGLOT_WEBHOOK_SECRET", raising=False)
    with pytest.raises(ValueError, match="KALLGLOT_WEBHOOK_SECRET"):
        webhooks.verify(BODY, header, None)
    monkeypatch.setenv("KALLGLOT_WEBHOOK_SECRET", "")
    with pytest.raises(ValueError, match="KALLGLOT_WEBHOOK_SECRET"):
        webhooks.construct_event(BODY, header)


def test_the_secret_defaults_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.dumps(
        webhooks.build_event("session.ended", {"id": "sess_1", "object": "session", "status": "ended"})
    ).encode()
    monkeypatch.setenv("KALLGLOT_WEBHOOK_SECRET", SECRET)
    assert webhooks.construct_event(body, webhooks.sign(body, SECRET)).id.startswith("evt_")
    with pytest.raises(webhooks.WebhookSignatureError):
        webhooks.construct_event(body, webhooks.sign(body, "whsec_other"))


def test_a_list_of_secrets_verifies_a_delivery_signed_with_any_of_them_during_a_rotation() -> None:
    old, new = "whsec_old", "whsec_new"
    for signer in (old, new):
        webhooks.verify(BODY, webhooks.sign(BODY, signer), [old, new])
        webhooks.verify(BODY, webhooks.sign(BODY, signer), (new.encode(), old))
    with pytest.raises(webhooks.WebhookSignatureError) as caught:
        webhooks.verify(BODY, webhooks.sign(BODY, "whsec_stranger"), [old, new])
    assert caught.value.reason == "no_matching_signature"
    assert old not in str(caught.value) and new not in repr(caught.value)


def test_a_timestamp_of_4301_digits_is_a_signature_error_not_a_raw_value_error() -> None:
    with pytest.raises(webhooks.WebhookSignatureError) as caught:
        webhooks.verify(BODY, "t=" + "1" * 4301 + ",v1=00", SECRET)
    assert caught.value.reason == "malformed_header"
    with pytest.raises(webhooks.WebhookSignatureError, match=r"malformed|outside"):
        webhooks.verify(BODY, webhooks.sign(BODY, SECRET, timestamp=10**12 - 1), SECRET)


@pytest.mark.parametrize("tolerance", [float("nan"), float("inf"), -1.0, "300", True])
def test_a_tolerance_that_would_disable_the_replay_check_is_refused(tolerance: Any) -> None:
    stale = webhooks.sign(BODY, SECRET, timestamp=1)
    with pytest.raises(ValueError, match="tolerance"):
        webhooks.verify(BODY, stale, SECRET, tolerance=tolerance)


bodies = st.binary(max_size=512)
secrets_ = st.text(min_size=1, max_size=64)
timestamps = st.integers(min_value=0, max_value=2**40)


@given(body=bodies, secret=secrets_, t=timestamps)
def test_property_signatures_round_trip_and_match_hmac(body: bytes, secret: str, t: int) -> None:
    header = webhooks.sign(body, secret, timestamp=t)
    assert header == f"t={t},v1={hmac_hex(secret, t, body)}"
    webhooks.verify(body, header, secret, tolerance=None)


@given(body=bodies, other=bodies, secret=secrets_, t=timestamps)
def test_property_any_change_to_the_body_fails(body: bytes, other: bytes, secret: str, t: int) -> None:
    assume(body != other)
    header = webhooks.sign(body, secret, timestamp=t)
    with pytest.raises(webhooks.WebhookSignatureError) as info:
        webhooks.verify(other, header, secret, tolerance=None)
    assert info.value.reason == "no_matching_signature"


@given(body=bodies, secret=secrets_, t=timestamps, other=timestamps)
def test_property_any_change_to_the_timestamp_fails(body: bytes, secret: str, t: int, other: int) -> None:
    assume(t != other)
    signature = webhooks.sign(body, secret, timestamp=t).partition(",")[2]
    with pytest.raises(webhooks.WebhookSignatureError) as info:
        webhooks.verify(body, f"t={other},{signature}", secret, tolerance=None)
    assert info.value.reason == "no_matching_signature"


@given(body=bodies, secret=secrets_, other=secrets_, t=timestamps)
def test_property_any_other_secret_fails(body: bytes, secret: str, other: str, t: int) -> None:
    assume(secret != other)
    header = webhooks.sign(body, secret, timestamp=t)
    with pytest.raises(webhooks.WebhookSignatureError) as info:
        webhooks.verify(body, header, other, tolerance=None)
    assert info.value.reason == "no_matching_signature"


@given(
    body=bodies,
    t=timestamps,
    position=st.integers(min_value=0, max_value=63),
    digit=st.sampled_from("0123456789abcdef"),
)
def test_property_any_change_to_the_signature_fails(body: bytes, t: int, position: int, digit: str) -> None:
    expected = hmac_hex(SECRET, t, body)
    assume(expected[position] != digit)
    forged = expected[:position] + digit + expected[position + 1 :]
    with pytest.raises(webhooks.WebhookSignatureError):
        webhooks.verify(body, f"t={t},v1={forged}", SECRET, tolerance=None)
