"""The API answers a failure of the database or its disk by the one classification the command line and the web
ask (``reverie.errors.failure_of``): busy 503 E540 with Retry-After, a full disk 507 E520, damaged 503 E530 in
words that name no server path; never 500 E999 "unexpected"."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token
from django.db import DatabaseError, OperationalError

from reverie.clinic.services import journal


def _failing(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> None:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(journal, "list_entries", fail)


@pytest.mark.django_db
def test_a_busy_database_is_503_e540_with_retry_after(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = as_token(make_user(role="client"))
    _failing(monkeypatch, OperationalError("database is locked"))
    response = api.get("/api/v1/entries")
    assert response.status_code == 503 and response.json()["error"]["code"] == "E540"
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_a_full_disk_is_507_e520(make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    api = as_token(make_user(role="client"))
    _failing(monkeypatch, OperationalError("database or disk is full"))
    response = api.get("/api/v1/entries")
    assert response.status_code == 507 and response.json()["error"]["code"] == "E520"


@pytest.mark.django_db
def test_a_damaged_database_is_503_e530_without_a_path(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    api = as_token(make_user(role="client"))
    _failing(monkeypatch, DatabaseError("file is not a database"))
    response = api.get("/api/v1/entries")
    error = response.json()["error"]
    assert response.status_code == 503 and error["code"] == "E530"
    assert "/" not in error["message"] and str(settings.DATABASES["default"]["NAME"]) not in error["message"]
