"""h63: the write page answers a failure of the disk or the database as every other web page does (one mapping,
``middleware.failure_answer``): a full disk 507 "the disk is full", not 503; a busy database 503 with
``Retry-After``. The typed words stay in the form either way."""

from __future__ import annotations

import errno
from typing import Any

import pytest
from django.db import OperationalError

from reverie.clinic.services import journal

WORDS = "the heron stood in the shallows all morning"

pytestmark = pytest.mark.django_db


def _failing(monkeypatch: pytest.MonkeyPatch, exc: Exception, where: str = "create_entry") -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(journal, where, fail)


def test_a_full_disk_on_the_write_page_is_507_with_the_words_kept(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = web_as(make_user("h63-full"))
    _failing(monkeypatch, OperationalError("database or disk is full"))  # SQLite's full disk
    response = web.post("/write/", {"kind": "dream", "body": WORDS})
    assert response.status_code == 507
    assert b"the disk is full" in response.content and WORDS.encode() in response.content
    _failing(monkeypatch, OSError(errno.ENOSPC, "No space left on device"), "entries_page")
    other = web.get("/journal/")  # another page, a full disk: the same status and words
    assert other.status_code == 507 and b"the disk is full" in other.content


def test_a_busy_database_on_the_write_page_is_503_with_retry_after(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = web_as(make_user("h63-busy"))
    _failing(monkeypatch, OperationalError("database is locked"))
    response = web.post("/write/", {"kind": "dream", "body": WORDS})
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert WORDS.encode() in response.content
