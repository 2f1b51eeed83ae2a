"""h109: the crisis page (``/safety/``) is answered a second time, without the session, only when its first answer
failed because the database did; a bug is answered once, as the bug it is, and nothing the failed first answer
recorded is kept (a check-in banner's full showing included). Real SQLite; a bug made by breaking the function the
page calls (``plan_for_page``), checked to have been called."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.db import connections

from reverie.care.services import alerts
from reverie.care.services import safety as safety_service
from reverie.clinic.models import AuditEvent
from web_client import signed_in

UNAVAILABLE = b"Your own safety plan cannot be shown just now"
CRISIS = b"<h1>If you are not safe right now</h1>"


class Broken:
    """``plan_for_page`` with a bug: raises for a signed-in person (or for anyone), counting its calls."""

    def __init__(self, *, anyone: bool) -> None:
        self.anyone = anyone
        self.calls = 0

    def __call__(self, user: Any) -> dict[str, Any]:
        self.calls += 1
        if self.anyone or user.is_authenticated:
            raise RuntimeError("a bug in the safety plan's page")
        return {}


@pytest.mark.django_db(transaction=True)
def test_a_bug_on_the_crisis_page_is_answered_and_logged_once(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    web = signed_in(make_user("ana"))
    broken = Broken(anyone=True)
    monkeypatch.setattr(safety_service, "plan_for_page", broken)
    web.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="reverie.web"):
        page = web.get("/safety/")
    incidents = [r for r in caplog.records if r.getMessage().startswith("incident ")]
    assert page.status_code == 500, page.status_code
    assert broken.calls == 1, broken.calls  # rendered once, not again without the session
    assert len(incidents) == 1, [r.getMessage() for r in incidents]


@pytest.mark.django_db(transaction=True)
def test_a_bug_for_the_signed_in_person_is_not_hidden_behind_a_page_without_them(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = signed_in(make_user("ben"))
    broken = Broken(anyone=False)
    monkeypatch.setattr(safety_service, "plan_for_page", broken)
    web.raise_request_exception = False
    page = web.get("/safety/")
    assert broken.calls >= 1
    assert page.status_code == 500, page.status_code  # before h109: 200, the page as for no one
    assert UNAVAILABLE not in page.content  # not "the database is down": it is not


@pytest.mark.django_db(transaction=True)
def test_a_check_in_drawn_on_a_failed_answer_is_not_recorded_as_shown(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_user("cleo", role="client")
    check_in = alerts.request_check_in(client, None)
    web = signed_in(client)
    broken = Broken(anyone=False)
    monkeypatch.setattr(safety_service, "plan_for_page", broken)
    web.raise_request_exception = False
    page = web.get("/safety/")
    assert broken.calls >= 1  # the banner above it was drawn before the bug
    check_in.refresh_from_db()
    assert check_in.shown_at is None  # the banner was drawn on a page never delivered: still unseen
    assert not AuditEvent.objects.filter(action="check_in.show").exists()
    assert page.status_code == 500
    monkeypatch.undo()
    shown = web.get("/safety/")  # the next page that opens shows it in full, and records it
    assert shown.status_code == 200 and CRISIS in shown.content
    check_in.refresh_from_db()
    assert check_in.shown_at is not None
    for conn in connections.all():
        conn.close()
