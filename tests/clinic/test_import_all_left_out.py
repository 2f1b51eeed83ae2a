"""An import that leaves out every entry says so and exits non-zero, not "Imported 0" and 0."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def test_cli_import_where_every_entry_is_left_out_exits_non_zero(cli: Any, tmp_path: Path) -> None:
    """`journal import` of a file whose every entry is left out exits non-zero (nothing of it was imported)."""
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", "--kind", "reflection", "-f", "-", input="first words")
    cli("journal", "write", "-u", "erin", "--kind", "reflection", "-f", "-", input="second words")
    export = tmp_path / "export.json"
    cli("journal", "export", "-u", "erin", "-o", str(export))
    doc = json.loads(export.read_text())
    assert len(doc["entries"]) == 2
    for entry in doc["entries"]:
        entry["written_at"] = "0001-01-01T00:00:00+14:00"  # before year 1 in UTC: each is left out (h59/h61)
    export.write_text(json.dumps(doc))
    cli("user", "create", "finn")
    code, out, err = cli("journal", "import", str(export), "-u", "finn", check=False)
    assert "Left out 2" in out, (out, err)
    assert code != 0, (code, out, err)
