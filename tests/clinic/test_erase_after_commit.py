"""r14 (moved from tests/review_r14): what erase_client does once the erasure has committed."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import User
from reverie.clinic.services import backup_keys, erasure_owed, journal, keys, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import KeyUnavailable, ReverieError

PASSWORD = "a long test password"


@pytest.mark.django_db(transaction=True)
def test_a_failing_after_commit_step_neither_reports_failure_nor_skips_the_others(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """f808f4b moved ``backup_keys.forget`` into ``transaction.on_commit``. Django runs the callbacks in order and
    stops at the first that raises: a backup-keys.json that cannot be read or written (KeyUnavailable, OSError:
    disk full, a read-only mount) now raises out of ``erase_client`` AFTER the account is gone. The person is shown
    an error (and may think nothing was erased), the backup key is still there (every backup can still give the
    "erased" journal back) with nothing recording that it is owed, and the WAL checkpoint registered after it never
    runs. Before, the same failure rolled the erasure back. Callbacks should be ``robust=True`` (or one callback
    that logs/records each failure), and the result told truthfully."""
    ann = make_user("r14-erase-after")
    journal.create_entry(ann, EntryDraft(kind="dream", body="words to erase"))
    owner = ann.pk

    def unreadable(client_id: int) -> None:
        raise KeyUnavailable("The backup key file cannot be read.")

    emptied: list[bool] = []
    monkeypatch.setattr(backup_keys, "forget", unreadable)
    monkeypatch.setattr(keys, "empty_the_wal", lambda: emptied.append(True) or True)
    raised: ReverieError | None = None
    try:
        portability.erase_client(ann, "r14-erase-after", PASSWORD)
    except ReverieError as exc:
        raised = exc
    gone = not User.objects.filter(pk=owner).exists()
    assert not (raised is not None and gone), f"erased, yet the person was told: {raised}"
    assert emptied, "the WAL checkpoint registered after the failing step never ran"
    assert erasure_owed.current().backup_keys == {owner}, "the backup key still owed is not recorded"
    monkeypatch.undo()
    assert not erasure_owed.settle(), "the retry did not finish what was owed"
    assert not erasure_owed.path().exists()
