"""api.md is the reference users read: it must say what the code does, like generated/ must match the spec."""

from __future__ import annotations

from generator.reference import API_MD, render


def test_api_md_matches_the_code() -> None:
    expected = render()
    actual = API_MD.read_text(encoding="utf-8") if API_MD.exists() else ""
    assert actual == expected, "api.md is out of step with the code: run `python -m generator.reference`"


def test_the_reference_names_every_public_name_of_the_package() -> None:
    import kallglot

    text = API_MD.read_text(encoding="utf-8")
    missing = [name for name in kallglot.__all__ if name != "__version__" and f"`{name}" not in text]
    assert not missing, f"api.md does not document {missing}"
