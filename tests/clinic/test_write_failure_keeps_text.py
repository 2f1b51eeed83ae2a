"""A save that fails for a reason other than validation gives the person their words back (review r11)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pytest
from django.db import OperationalError

from reverie.clinic.models import Entry
from reverie.clinic.services import audit

pytestmark = pytest.mark.django_db


def test_words_come_back_when_the_database_refuses_the_save(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """/write/ catches only ``InvalidInput``. Any other failure of the save (SQLite's "database is locked" after its
    30 s wait under load, a PostgreSQL restart, a missing master key: ``KeyUnavailable``) becomes the generic error
    page "Nothing you saved is lost. Incident …" — and the text that was NOT saved is gone: the page does not carry
    it, and authenticated pages are ``no-store``, so Back fetches an empty form. The CLI keeps a recovery copy for
    exactly this; the web keeps nothing."""
    ana = make_user("locked")
    web = web_as(ana)
    real_record = audit.record

    def locked(actor: Any, action: str, *args: Any, **kwargs: Any) -> Any:
        if action == "entry.create":
            raise OperationalError("database is locked")
        return real_record(actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", locked)
    text = "Three pages about the night my brother left, written in one go"
    with caplog.at_level(logging.INFO):
        response = web.post("/write/", {"kind": "reflection", "body": text, "entry_id": str(uuid.uuid4())})
    assert Entry.objects.filter(client=ana).count() == 0
    assert text not in caplog.text  # the log stays free of the words (this part holds)
    assert text.encode() in response.content, (
        f"save failed with {response.status_code}; the unsaved text is not on the page, it is lost"
    )
