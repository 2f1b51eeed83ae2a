"""The sweep keeps typed text that `journal write` itself would have kept as a recovery copy."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.cli import editing
from reverie.clinic.services import recovery

pytestmark = [pytest.mark.db]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["a" * 1_000_001, "pasted words\x00 with a stray NUL"],
    ids=["over-the-length-limit", "with-a-nul"],
)
def test_a_leftover_editor_text_refused_as_an_entry_is_kept_as_a_recovery_copy_not_deleted(
    make_user: Any, typed: str
) -> None:
    """A leftover editor text (SIGKILL, power cut) that an entry would refuse is sealed as a recovery copy, as
    `journal write` keeps typed text it refuses, so `journal recover --show` can still give it back; never deleted."""
    pytest.importorskip("fcntl")
    owner = make_user()
    folder = recovery.folder_of(owner.pk)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    left = folder / f"{editing.PREFIX}left{editing.SUFFIX}"
    left.write_text(typed)
    try:
        editing.sweep(owner)
        assert left.exists() or recovery.pending(owner), "the only copy of what was typed was deleted"
    finally:
        left.unlink(missing_ok=True)
