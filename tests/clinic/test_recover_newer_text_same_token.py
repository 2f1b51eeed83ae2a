"""h109: `reverie journal recover` removed a recovery copy as "saved already" whenever an entry stood under its
token, without comparing the words: a newer text kept under the same token (typed after the first save, the second
save failed) was deleted unseen. Now a copy is removed as saved only when the stored entry holds exactly its words
and fields; otherwise it is left in place, said so, and the person chooses (NUMBER --as-new, or --discard). Real
copies written by ``recovery.keep``, real entries, the command run in process."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from reverie.cli import journal_cmds
from reverie.clinic.models import Entry
from reverie.clinic.services import journal, recovery
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
FIRST = EntryDraft(kind="reflection", body="a quiet day, nothing much", title="Tuesday")
NEWER = EntryDraft(kind="reflection", body="a quiet day, nothing much. Then the call came.", title="Tuesday")


def _bodies(owner: Any) -> list[str]:
    return sorted(journal.get_entry(owner, e.id).body for e in Entry.objects.filter(client=owner))


def test_a_newer_text_under_a_saved_token_is_kept_and_offered(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two copies whose saves both committed: one's entry holds its words (removed as saved, as before), the
    other's holds an earlier text (the copy is newer: left in place, said so, saved beside it when asked)."""
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    ana = make_user("ana-h109")
    done = recovery.keep(ana, FIRST)
    journal.create_entry(ana, FIRST, entry_id=recovery.entry_id_of(ana, done))  # committed, copy left behind
    newer = recovery.keep(ana, NEWER)
    journal.create_entry(
        ana, FIRST, entry_id=recovery.entry_id_of(ana, newer)
    )  # an earlier save, other words
    try:
        with pytest.raises(typer.Exit):
            journal_cmds.recover(user=ana.username)
        out, err = capsys.readouterr()
        assert newer.exists(), (out, err)  # the newer words are not deleted unseen
        assert "different words" in err and "--as-new" in err, err
        assert not done.exists() and "1 had been saved already" in out, out  # same words: removed as before
        journal_cmds.recover(1, user=ana.username, as_new=True)  # the person chooses: both kept
        assert not newer.exists()
        assert _bodies(ana) == sorted([FIRST.body, FIRST.body, NEWER.body])
    finally:
        recovery.forget(ana.pk)
