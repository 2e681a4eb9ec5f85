"""`kallglot doctor`: no drift against the mock, a wrong-typed field reported, x-inferred verdicts, the shipped spec."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from kallglot._cli._drift import Drift, load_spec
from kallglot.mock import MockServer
from tests.serving import serving

from .conftest import API_KEY, run

ROOT = Path(__file__).resolve().parents[2]


def test_doctor_against_the_embedded_mock_finds_no_drift() -> None:
    result = run("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(embedded mock)" in result.stdout and "no drift: every body matched" in result.stdout
    assert result.stdout.rstrip().endswith("--- end ---") and "--- paste this into a bug report ---" in result.stdout


@pytest.fixture
def drifting(mock: MockServer) -> Iterator[str]:
    """A proxy to the mock that answers POST /sessions with `created_at` as a number; yields its base URL."""
    upstream = httpx.Client(base_url=mock.origin)

    class Proxy(BaseHTTPRequestHandler):
        def _relay(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            keep = ("authorization", "content-type", "idempotency-key")
            response = upstream.request(
                self.command, self.path, content=self.rfile.read(length),
                headers={k: v for k, v in self.headers.items() if k.lower() in keep},
            )  # fmt: skip
            body = response.content
            if self.command == "POST" and self.path == "/v1/sessions" and response.is_success:
                body = json.dumps({**response.json(), "created_at": 1711454400}).encode()
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _relay

        def log_message(self, format: str, *args: Any) -> None:
            pass

    try:
        with serving(ThreadingHTTPServer(("127.0.0.1", 0), Proxy)) as port:
            yield f"http://127.0.0.1:{port}/v1"
    finally:
        upstream.close()


def test_doctor_reports_a_field_of_another_type(drifting: str) -> None:
    result = run("doctor", "--base-url", drifting, "--api-key", API_KEY)
    assert result.returncode == 9, result.stdout + result.stderr
    drift = [line for line in result.stdout.splitlines() if line.startswith("  DRIFT ")]
    assert drift == ["  DRIFT POST /sessions 201: wrong type created_at: type 'string', got 1711454400"]
    paste = result.stdout.split("--- paste this into a bug report ---\n", 1)[1]
    assert "POST /sessions 201: wrong type created_at" in paste and API_KEY not in result.stdout


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {"/things/{id}": {"get": {"responses": {"200": {"content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
    "components": {"schemas": {
        "Thing": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"},
            "size": {"type": "integer", "x-inferred": True},
            "label": {"type": "string", "x-inferred": True},
            "tags": {"type": "array", "items": {"type": "string"}},
            "never": {"type": "string", "x-inferred": True},
        }},
    }},
}  # fmt: skip


def test_x_inferred_elements_are_confirmed_or_contradicted_when_seen() -> None:
    drift = Drift(SPEC)
    pointer = drift.response_schema("/things/{id}", "GET", 200)
    drift.check("GET /things/{id} 200", pointer, {"id": "t1", "size": 3, "label": 7, "tags": ["a", 1], "zz": True})
    lines = sorted(finding.line() for finding in drift.findings)
    assert lines == [
        "GET /things/{id} 200: extra zz: zz=True",
        "GET /things/{id} 200: wrong type label: type 'string', got 7",
        "GET /things/{id} 200: wrong type tags[1]: type 'string', got 1",
    ]
    assert drift.inferred == {"/components/schemas/Thing/properties/size": [True],
                              "/components/schemas/Thing/properties/label": [False]}  # fmt: skip
    assert "/components/schemas/Thing/properties/never" in drift.all_inferred()
    drift.check("GET /things/{id} 404", drift.response_schema("/things/{id}", "GET", 404), {})
    assert drift.findings[-1].kind == "undocumented"


def test_the_wheel_ships_the_document_doctor_loads(tmp_path: Path) -> None:
    source = (ROOT / "openapi" / "kallglot.yaml").read_bytes()
    assert load_spec() == yaml.safe_load(source)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=300)  # fmt: skip
    if build.returncode != 0 and "hatchling" in build.stderr:  # no package index to fetch the build backend from
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip().splitlines()[-1]}")
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("kallglot-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("kallglot/_data/openapi.yaml") == source
        assert {"kallglot/__main__.py", "kallglot/_cli/__init__.py", "kallglot/subtitles.py"} <= set(archive.namelist())
