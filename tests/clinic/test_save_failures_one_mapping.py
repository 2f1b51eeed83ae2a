"""One classification of a failed save for the command line and the web (review r47): a locked database, a full
disk and a damaged file are told apart by :func:`reverie.errors.failure_of`, and a master-key wrap that fails at a
person's first save gives the form back (503) as every other failed save does, not a 500."""

from __future__ import annotations

import errno
from typing import Any

import pytest
from django.db import DatabaseError, OperationalError

from reverie.clinic.models import ClientKey, Entry
from reverie.clinic.services import journal
from reverie.errors import DatabaseBusy, DatabaseDamaged, StorageFull, failure_of
from reverie.vault.keys import MasterKeyring

WORDS = "the first thing I ever wrote here, about the lake"


def test_the_one_classification() -> None:
    busy = failure_of(OperationalError("database is locked"))
    assert isinstance(busy, DatabaseBusy) and busy.exit_code == 13 and busy.http_status == 503
    assert "try again in a moment" in busy.message and "OperationalError" not in str(busy)
    assert isinstance(failure_of(OSError(errno.ENOSPC, "No space left on device")), StorageFull)
    assert isinstance(failure_of(OperationalError("database or disk is full")), StorageFull)
    assert isinstance(failure_of(DatabaseError("file is not a database")), DatabaseDamaged)
    assert failure_of(RuntimeError("database is locked")) is None  # words alone are not a database's failure
    assert failure_of(OSError(errno.EACCES, "Permission denied")) is None


@pytest.mark.django_db
def test_a_wrap_that_fails_at_a_first_save_gives_the_form_back(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ida = make_user("wrap-ida")
    assert not ClientKey.objects.filter(client=ida).exists()
    web = web_as(ida)

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("no randomness")

    monkeypatch.setattr(MasterKeyring, "wrap", broken)
    response = web.post("/write/", {"kind": "dream", "body": WORDS})
    assert response.status_code == 503 and WORDS.encode() in response.content
    assert b"could not save this just now" in response.content
    assert Entry.objects.filter(client=ida).count() == 0


@pytest.mark.django_db
def test_a_full_disk_on_the_web_is_said_plainly(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    jo = make_user("full-jo")
    web = web_as(jo)

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal, "entries_page", full)
    response = web.get("/journal/")
    assert response.status_code == 507 and b"the disk is full" in response.content
