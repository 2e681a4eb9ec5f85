"""Lint openapi/kallglot.yaml with Spectral (``spectral:oas``) and Redocly CLI (``recommended``); fail on any finding.

    python tools/lint_spec.py [document]

Both tools come from ``tools/node`` (``npm ci --prefix tools/node``). A warning fails as an error does: Spectral
is run with ``--fail-severity=hint`` and Redocly, whose exit status ignores warnings, is read as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "tools" / "node" / "node_modules" / ".bin"
DOCUMENT = ROOT / "openapi" / "kallglot.yaml"


def spectral(document: Path) -> bool:
    command = [str(BIN / "spectral"), "lint", "--ruleset", str(ROOT / "tools" / "spectral.yaml")]
    done = subprocess.run([*command, "--fail-severity=hint", str(document)], text=True, capture_output=True)
    print("$ spectral lint --ruleset tools/spectral.yaml --fail-severity=hint", document.name)
    print((done.stdout + done.stderr).strip())
    return done.returncode == 0


def redocly(document: Path) -> bool:
    command = [str(BIN / "redocly"), "lint", "--config", str(ROOT / "tools" / "redocly.yaml"), "--format=json"]
    done = subprocess.run([*command, str(document)], text=True, capture_output=True)
    print("$ redocly lint --config tools/redocly.yaml", document.name)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        print(done.stdout + done.stderr)
        return False
    for problem in report["problems"]:
        where = problem["location"][0]["pointer"] if problem.get("location") else ""
        print(f"  {problem['severity']}: {problem['ruleId']}: {problem['message']} {where}")
    totals = report["totals"]
    print(f"redocly: {totals['errors']} errors, {totals['warnings']} warnings")
    return done.returncode == 0 and totals["errors"] == 0 and totals["warnings"] == 0


def main() -> int:
    document = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENT
    if not (BIN / "spectral").exists() or not (BIN / "redocly").exists():
        print("the linters are not installed: run `npm ci --prefix tools/node`", file=sys.stderr)
        return 2
    results = [spectral(document), redocly(document)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
