"""Files a person names to ``journal write -f``: the text as they wrote it, whatever their editor put first."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.db


def test_write_from_a_file_saved_with_a_utf8_bom_keeps_no_bom(cli: Any, tmp_path: Path) -> None:
    """`journal write -f` of a UTF-8 file with a byte-order mark (Windows Notepad) saves the text without U+FEFF."""
    cli("user", "create", "ann")
    notes = tmp_path / "notes.txt"
    notes.write_bytes("\ufeffMorning pages".encode())
    cli("journal", "write", "-u", "ann", "-f", str(notes))
    _, listed, _ = cli("journal", "list", "-u", "ann", "--json")
    assert json.loads(listed)[0]["body"] == "Morning pages"
