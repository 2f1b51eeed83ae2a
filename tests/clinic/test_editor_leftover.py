"""the editor's leftover file, swept by the next command, when sealing fails for a passing reason."""

from __future__ import annotations

import errno
from typing import Any

import pytest

from reverie.cli import editing
from reverie.clinic.services import recovery

pytestmark = [pytest.mark.db]

WORDS = "what I typed before the disk filled up"


@pytest.mark.django_db
def test_a_leftover_editor_text_is_not_deleted_when_the_disk_is_full(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A leftover editor text the sweep cannot seal because the disk is full stays for a later sweep (as `journal
    write` promised: "the next reverie command keeps for you once its recovery folder can be written")."""
    pytest.importorskip("fcntl")
    owner = make_user()
    folder = recovery.folder_of(owner.pk)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    left = folder / f"{editing.PREFIX}left{editing.SUFFIX}"
    left.write_text(WORDS)

    def disk_full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recovery, "keep", disk_full)
    try:
        editing.sweep(owner)
        assert left.exists() and left.read_text() == WORDS
    finally:
        left.unlink(missing_ok=True)
