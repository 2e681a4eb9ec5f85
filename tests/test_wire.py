"""The one rule for numbers and JSON from the wire: hostile values become absent or a ValueError, nothing else."""

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kallglot._wire import loads, number


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, "NaN", '{"a": -Infinity}', b"\xff\xfe", "1" * 5000, "", "{", b'{"a": 1}x'],
)
def test_loads_refuses_hostile_documents_with_a_value_error(text: str | bytes) -> None:
    with pytest.raises(ValueError):
        loads(text)


def test_loads_decodes_ordinary_json() -> None:
    assert loads(b'{"a": [1, 2.5, "x", null]}') == {"a": [1, 2.5, "x", None]}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1e400", None),
        ("inf", None),
        (float("nan"), None),
        ("9" * 400, None),
        (10**400, None),
        (True, None),
        ("lots", None),
        ([1], None),
        ("-1", 0.0),  # clamped to the minimum
        (99_999_999_999_999, 1e10),  # clamped to the maximum
        (" 2.5 ", 2.5),
        (3, 3.0),
    ],
)
def test_number_trusts_only_finite_values_within_bounds(value: object, expected: float | None) -> None:
    assert number(value, maximum=1e10) == expected


def test_number_without_clamping_drops_out_of_range_values() -> None:
    assert number("-1", maximum=5, clamp=False) is None and number("6", maximum=5, clamp=False) is None


@given(st.one_of(st.text(max_size=60), st.floats(), st.integers(), st.binary(max_size=60), st.none()))
def test_number_never_raises_and_stays_within_bounds(value: object) -> None:
    result = number(value, minimum=-5.0, maximum=5.0)
    assert result is None or (math.isfinite(result) and -5.0 <= result <= 5.0)


@given(st.text(max_size=200) | st.binary(max_size=200))
def test_loads_raises_only_value_errors(text: str | bytes) -> None:
    with contextlib.suppress(ValueError):
        loads(text)
