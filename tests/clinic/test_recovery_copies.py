"""damaged recovery copies in the data folder handed to ``reverie journal recover`` (found, not fixed)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.services import keys, recovery
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.db]


def _kept(make_user: Any, tmp_path: Path) -> tuple[Any, Path]:
    owner = make_user()
    return owner, recovery.keep(owner, EntryDraft(kind="reflection", body="words to keep"), tmp_path)


def test_a_copy_with_its_sealed_text_missing_is_named_as_damaged(make_user: Any, tmp_path: Path) -> None:
    """A copy of the person's own whose sealed text is missing is reported as damaged (InvalidInput), not AttributeError."""
    owner, path = _kept(make_user, tmp_path)
    doc = json.loads(path.read_bytes())
    doc.pop("sealed", None)
    doc.pop("fallback_sealed", None)
    path.write_text(json.dumps(doc))
    with pytest.raises(InvalidInput, match=path.name):
        recovery.read(path, owner)


def test_a_copy_whose_sealed_content_is_not_an_object_is_named_as_damaged(
    make_user: Any, tmp_path: Path
) -> None:
    """A copy that opens to a JSON list (not the entry's fields) is reported as damaged, not an AttributeError."""
    owner, path = _kept(make_user, tmp_path)
    doc = json.loads(path.read_bytes())
    blob = keys.seal_for(owner, f"recovery:{path.stem}", recovery.PURPOSE, b'["kind", "body"]')
    doc["sealed"] = base64.b64encode(blob).decode()
    doc.pop("fallback_sealed", None)
    path.write_text(json.dumps(doc))
    with pytest.raises(InvalidInput, match=path.name):
        recovery.read(path, owner)


def test_a_deeply_nested_copy_is_named_as_damaged(make_user: Any, tmp_path: Path) -> None:
    """A copy file of deeply nested JSON is reported as damaged (InvalidInput naming it), not a RecursionError."""
    owner, path = _kept(make_user, tmp_path)
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(InvalidInput, match=path.name):
        recovery.read(path, owner)


def test_one_damaged_copy_does_not_stop_recover_saving_the_others(make_user: Any) -> None:
    """`journal recover` saves every good copy and reports a damaged one; a copy missing its text never aborts the run."""
    from reverie.cli.journal_cmds import _recover_all
    from reverie.clinic.models import Entry

    owner = make_user()
    recovery.forget(owner.pk)  # the data folder outlives each test's database: copies of an earlier owner 1
    try:
        bad = recovery.keep(owner, EntryDraft(kind="reflection", body="first words"))
        recovery.keep(owner, EntryDraft(kind="reflection", body="second words"))
        recovery.keep(owner, EntryDraft(kind="reflection", body="third words"))
        doc = json.loads(bad.read_bytes())
        doc.pop("sealed", None)
        doc.pop("fallback_sealed", None)
        bad.write_text(json.dumps(doc))
        problems: list[tuple[Path, str]] = []
        saved, _ = _recover_all(owner, problems)
        assert saved == 2 and Entry.objects.filter(client=owner).count() == 2
        assert [path for path, _ in problems] == [bad]
        assert bad.exists()  # kept, not deleted
    finally:
        recovery.forget(owner.pk)
