"""docs/export-schema-v10.json checked with jsonschema (a dev dependency) when importable, else a key check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "export-schema-v10.json"


def problems(document: Any) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - jsonschema is in the dev extras
        return [] if document.get("schema") == schema["properties"]["schema"]["const"] else ["schema"]
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.path)}: {e.message[:80]}" for e in validator.iter_errors(document)]
