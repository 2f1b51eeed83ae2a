"""h46: a check-in is shown to its client in full once, whichever path shows it first (the API's ``GET /check-in``
or a save's answer, the web's banner or check-in page, the command line), then only recalled; a new reading of its
alert shows it in full again everywhere. One service function shows it (``alerts.show_check_in``), audited."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token
from django.db import transaction

from reverie.care.models import CheckIn
from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
FULL = 'class="check-in-lines"'  # the banner's crisis lines: the full showing


def _banner(web: Any) -> str:
    page = web.get("/journal/").content.decode()
    assert 'id="check-in"' in page  # the check-in is at the top of the page either way
    return page


def _risky(user: Any) -> CheckIn:
    journal.create_entry(user, EntryDraft(kind="reflection", body=RISKY))
    pending = alerts.pending_check_in(user)
    assert pending is not None and pending.shown_at is None
    return pending


def test_read_through_the_api_the_web_banner_only_recalls_it(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    pending = _risky(alice)
    got = as_token(alice).get("check-in").json()["pending"]
    assert got["id"] == str(pending.id) and got["crisis_lines"]  # the API's answer is the full showing

    page = _banner(web_as(alice))
    assert FULL not in page and 'class="check-in reminder"' in page
    assert not alerts.unseen_check_ins(alice)
    assert AuditEvent.objects.filter(action="check_in.show", actor_id=alice.pk).count() == 1


def test_the_banner_shows_it_in_full_once_then_recalls_it(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    _risky(alice)
    web = web_as(alice)
    first = _banner(web)
    assert FULL in first and "tel:988" in first  # dialable crisis lines with the question, once
    assert not alerts.unseen_check_ins(alice)  # the banner's full showing counts: the CLI only recalls it
    assert FULL not in _banner(web)
    assert AuditEvent.objects.filter(action="check_in.show", actor_id=alice.pk).count() == 1


def test_a_new_reading_is_shown_in_full_again_everywhere(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    pending = _risky(alice)
    assert pending.alert is not None and pending.alert.level == "ideation"
    web = web_as(alice)
    assert FULL in _banner(web)
    with transaction.atomic():
        alerts._upgrade(pending.alert, "behavior")  # a later reading rates it higher: shown_at is cleared
    assert alerts.unseen_check_ins(alice)
    assert FULL in _banner(web)  # in full again on the web, then recalled
    assert FULL not in _banner(web)

    with transaction.atomic():
        alerts._upgrade(pending.alert, "attempt")
    assert alerts.unseen_check_ins(alice)
    assert as_token(alice).get("check-in").json()["pending"]["crisis_lines"]  # in full again through the API
    assert not alerts.unseen_check_ins(alice) and FULL not in _banner(web)
    assert AuditEvent.objects.filter(action="check_in.show", actor_id=alice.pk).count() == 3


def test_the_check_in_page_is_the_full_showing(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    _risky(alice)
    web = web_as(alice)
    assert web.get("/check-in/").status_code == 200
    assert FULL not in _banner(web) and not alerts.unseen_check_ins(alice)
