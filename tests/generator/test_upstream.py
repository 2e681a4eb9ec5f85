"""Every forked stock template has a pristine copy, so upgrading openapi-python-client names the forks to merge."""

from __future__ import annotations

import shutil
from pathlib import Path

import openapi_python_client

from generator.__main__ import GENERATOR_VERSION, UPSTREAM, forks, stock_templates, upstream_drift


def test_the_copies_come_from_the_pinned_generator_which_is_installed() -> None:
    assert (UPSTREAM / "VERSION").read_text(encoding="utf-8").strip() == GENERATOR_VERSION
    assert openapi_python_client.__version__ == GENERATOR_VERSION


def test_every_fork_has_a_pristine_copy_equal_to_the_installed_stock_template() -> None:
    drift = upstream_drift(stock_templates())
    assert drift == [], (
        f"generator/upstream/ is out of step with openapi-python-client {openapi_python_client.__version__}:\n  "
        + "\n  ".join(drift)
        + "\nmerge the stock changes into generator/templates/, then copy the new stock files into"
        " generator/upstream/ and update generator/upstream/VERSION"
    )


def test_the_forks_include_the_endpoint_and_package_templates() -> None:
    assert {"endpoint_module.py.jinja", "endpoint_init.py.jinja", "package_init.py.jinja"} <= set(
        forks(stock_templates())
    )


def test_a_changed_stock_template_is_named_as_a_fork_to_merge(tmp_path: Path) -> None:
    stock = tmp_path / "templates"
    shutil.copytree(stock_templates(), stock)
    (stock / "endpoint_module.py.jinja").write_text("{# upstream changed this #}\n", encoding="utf-8")
    (stock / "property_templates" / "list_property.py.jinja").unlink()  # upstream dropped it: no longer a fork

    assert upstream_drift(stock) == [
        "copy of no fork:  generator/upstream/property_templates/list_property.py.jinja",
        "merge upstream:   endpoint_module.py.jinja (stock template differs from generator/upstream/"
        "endpoint_module.py.jinja)",
    ]
