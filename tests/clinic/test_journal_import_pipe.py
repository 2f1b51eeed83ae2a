"""r59 review (fixed in h73): ``reverie journal import`` peeked at a file before reading it (h64's journal cap), then
opened it a second time to read it whole. A file that can be read only once (a pipe:
``jrnl --format txt | reverie journal import /dev/stdin``, or ``<(…)``) lost what the peek consumed. The file is now
opened and read once (``cli.paths.read_named_checked``), and the journal cap applies to a pipe as it is read."""

from __future__ import annotations

import json
from typing import Any

JRNL = (
    "[2026-03-10 09:00] Slept badly.\n\n"
    "[2026-03-11 18:05] Long day.\nThe meeting ran over.\n\n"
    "[2026-03-12 07:30] Calmer morning.\n"
)


def test_cli_imports_a_jrnl_journal_piped_through_dev_stdin(cli: Any) -> None:
    """A person pipes jrnl's journal in (``jrnl --format txt | reverie journal import /dev/stdin``), which worked
    before h64 (the file was read once). Now the size/format peek opens the pipe, its buffered read takes the
    bytes, and the second open finds nothing left: they see an error (or a journal missing its first entries)
    where they should see "Imported 3 entries" and find all three in their journal."""
    cli("user", "create", "ruth")
    code, out, err = cli("journal", "import", "/dev/stdin", "-u", "ruth", input=JRNL, check=False)
    assert code == 0 and "Imported 3 entries" in out, (code, out, err)
    _, listed, _ = cli("journal", "list", "-u", "ruth", "--json")
    assert sorted(e["happened_at"][:10] for e in json.loads(listed)) == [
        "2026-03-10",
        "2026-03-11",
        "2026-03-12",
    ]


def _days(count: int) -> bytes:
    """``count`` one-line jrnl entries of 30 bytes each, all different."""
    return b"".join(f"[2026-03-10 09:00] Day {i:04d}.\n\n".encode() for i in range(count))


def test_cli_refuses_a_piped_jrnl_journal_over_the_journal_cap(cli: Any) -> None:
    """A pipe has no size to read beforehand: the journal cap (10 KB with a 1 KB attachment limit) refuses it once
    what was read passes the cap, saying it is more than the cap and how to split it, nothing stored; a piped
    journal within the cap is imported whole."""
    small = {"REVERIE_MAX_ATTACHMENT_BYTES": "1024"}
    cli("user", "create", "sam", **small)
    code, out, err = cli(
        "journal", "import", "/dev/stdin", "-u", "sam", input=_days(500), check=False, **small
    )
    assert code != 0 and "more than 10 KB" in err and "Split it into smaller files" in err, (code, out, err)
    _, listed, _ = cli("journal", "list", "-u", "sam", "--json", **small)
    assert json.loads(listed) == []
    code, out, err = cli(
        "journal", "import", "/dev/stdin", "-u", "sam", input=_days(300), check=False, **small
    )
    assert code == 0 and "Imported 300 entries; 0 were already here." in out, (code, out, err)
