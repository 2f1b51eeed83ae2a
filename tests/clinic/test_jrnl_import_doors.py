"""h64: the command line (the API: tests/api/test_jrnl_cr_import_api.py) reads a jrnl file
with old-Mac ``\\r`` line endings as the entries it holds, and refuses a jrnl file over the journal cap
(``import_check.journal_limit``: ten times the attachment limit, the web's and the API's body cap) naming the cap and
how to split it, before reading it, leaving what is stored as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LINES = ["[2026-03-10 09:00] Slept badly.", "", "[2026-03-11 18:05] Long day.", "The meeting ran over.", ""]
CR_FILE = "\r".join(LINES).encode()


def _days(count: int) -> bytes:
    """``count`` one-line jrnl entries of 30 bytes each, all different."""
    return b"".join(f"[2026-03-10 09:00] Day {i:04d}.\n\n".encode() for i in range(count))


def _titles(cli: Any, user: str) -> list[tuple[str, str]]:
    _, listed, _ = cli("journal", "list", "-u", user, "--json")
    return sorted((e.get("title") or "", e["happened_at"][:10]) for e in json.loads(listed))


def test_cli_reads_a_jrnl_file_with_cr_line_endings_as_its_entries(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "ruth")
    path = tmp_path / "journal.txt"
    path.write_bytes(CR_FILE)
    code, out, err = cli("journal", "import", str(path), "-u", "ruth", check=False)
    assert code == 0 and "Imported 2 entries" in out, (code, out, err)
    assert _titles(cli, "ruth") == [("", "2026-03-10"), ("Long day.", "2026-03-11")]


def test_cli_refuses_a_jrnl_file_over_the_journal_cap_and_keeps_what_is_stored(
    cli: Any, tmp_path: Path
) -> None:
    small = {"REVERIE_MAX_ATTACHMENT_BYTES": "1024"}  # the journal cap is then 10 KB
    cli("user", "create", "sam", **small)
    cli("journal", "write", "-u", "sam", "--kind", "reflection", "-f", "-", input="already here", **small)
    path = tmp_path / "journal.txt"
    path.write_bytes(_days(500))  # 15,000 bytes: 14.6 KB
    code, out, err = cli("journal", "import", str(path), "-u", "sam", check=False, **small)
    assert code != 0, (code, out, err)
    assert "14.6 KB" in err and "10 KB" in err and "Split it into smaller files" in err, err
    _, listed, _ = cli("journal", "list", "-u", "sam", "--json", **small)
    assert [e["body"] for e in json.loads(listed)] == ["already here"]
    path.write_bytes(_days(300))  # 9,000 bytes: within the cap
    code, out, err = cli("journal", "import", str(path), "-u", "sam", check=False, **small)
    assert code == 0 and "Imported 300 entries; 0 were already here." in out, (code, out, err)
