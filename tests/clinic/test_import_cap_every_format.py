"""h78 item 3: ``reverie journal import`` applied a cap (h64's journal cap) to a jrnl plain-text file only; a JSON
export (Reverie's, jrnl's, Day One's) or a zip of any size was read whole into memory, from a file or a pipe alike.
Every import file now has a cap, checked before (a file) or while (a pipe) it is read, with a plain message: the
journal cap for jrnl's text, which holds words alone; what a local import may hold for any file that may carry
pictures and recordings (a Reverie export carries them in base64), ``import_check.local_import_limit``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SMALL = {"REVERIE_MAX_ATTACHMENT_BYTES": "1024"}  # the journal cap is ten times it: 10 KB


def test_a_json_export_over_the_import_cap_is_refused_before_it_is_read(cli: Any, tmp_path: Path) -> None:
    """A 2 GB file (sparse: no disk used) that starts as a jrnl JSON export is refused from its size, at once,
    saying the cap and what to do; nothing is stored."""
    cli("user", "create", "ana", **SMALL)
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.write(json.dumps({"tags": {}, "entries": []}).encode()[:-2])
        handle.truncate(2 * 1024**3)
    code, out, err = cli("journal", "import", str(big), "-u", "ana", check=False, **SMALL)
    assert code == 2, (code, out, err)
    assert "this file is 2 GB; the most an import here reads is 1.3 GB" in err, err
    assert "import each file" in err
    _, listed, _ = cli("journal", "list", "-u", "ana", "--json", **SMALL)
    assert json.loads(listed) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "head",
    [b'{"schema": "reverie.export/7"', b'{"tags": {}, "entries": [', b"PK\x03\x04", b'{"metadata": {}'],
    ids=["reverie", "jrnl-json", "dayone-zip", "dayone-json"],
)
def test_every_import_file_has_a_cap_a_pipe_included(head: bytes) -> None:
    from reverie.clinic.services import import_check
    from reverie.errors import InvalidInput

    limit = import_check.local_import_limit()
    assert limit == import_check.journal_limit() + import_check.LOCAL_MEDIA_IN_ALL * 4 // 3
    import_check.refuse_oversized(head, limit)  # within: taken
    with pytest.raises(InvalidInput, match="this file is more than"):
        import_check.refuse_oversized(head, limit + 1, whole=False)  # a pipe, once past it
    with pytest.raises(InvalidInput, match="the most an import here reads"):
        import_check.refuse_oversized(head, limit + 1)
