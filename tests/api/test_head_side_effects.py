"""A HEAD request delivers no body, so it changes nothing: not the one full showing of a check-in (review r49,
h47 x h46), not the audit log."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
FULL = 'class="check-in-lines"'


def _risky(user: Any) -> None:
    journal.create_entry(user, EntryDraft(kind="reflection", body=RISKY))
    assert alerts.unseen_check_ins(user)


def test_head_on_a_web_page_does_not_use_up_the_full_check_in_showing(make_user: Any, web_as: Any) -> None:
    """A HEAD of any page (a link preview, a prefetch) leaves the check-in unseen: the next GET shows the crisis lines."""
    alice = make_user()
    _risky(alice)
    web = web_as(alice)
    head = web.head("/journal/")
    assert head.status_code == 200 and head.content == b""
    assert alerts.unseen_check_ins(alice)
    assert not AuditEvent.objects.filter(action="check_in.show", actor_id=alice.pk).exists()
    assert FULL in web.get("/journal/").content.decode()


def test_head_on_the_api_check_in_does_not_use_up_the_full_showing(make_user: Any) -> None:
    """HEAD /api/v1/check-in returns no body, so the crisis lines were not delivered: the check-in stays unseen."""
    from reverie.api import tokens

    alice = make_user()
    _risky(alice)
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(alice, 'test').secret}"})
    head = api.head("/api/v1/check-in")
    assert head.status_code == 200 and head.content == b""
    assert alerts.unseen_check_ins(alice)
    assert not AuditEvent.objects.filter(action="check_in.show", actor_id=alice.pk).exists()


def test_head_records_nothing_the_get_would(paired: Any, web_as: Any) -> None:
    """One mechanism, not a rule per view: a therapist's HEAD of a shared entry, its API answer and the journal adds
    no audit line and no session row, where the same GETs do add lines."""
    from reverie.api import tokens
    from reverie.clinic.services import audit

    client, therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal.set_shared(client, entry.id, True)
    web = web_as(therapist)
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(therapist, 'head').secret}"})
    audit.flush_refused()
    pages = (f"/journal/{entry.id}/", f"/clients/{client.username}/")
    before = AuditEvent.objects.count()
    sessions = Session.objects.count()
    for url in pages:
        assert web.head(url).status_code in (200, 302, 404)
    assert api.head(f"/api/v1/entries/{entry.id}").status_code == 200
    assert AuditEvent.objects.count() == before and Session.objects.count() == sessions
    assert api.get(f"/api/v1/entries/{entry.id}").status_code == 200
    assert AuditEvent.objects.count() > before  # the GET is audited: the HEAD above would have been too


@pytest.mark.django_db(transaction=True)
def test_a_real_head_rolls_back_yet_audits_a_refusal(make_user: Any, web_as: Any) -> None:
    """Outside a test's own transaction (as served): a HEAD commits nothing, the audit chain and its anchor stay
    whole, and a refused HEAD (someone else's entry) is audited like the refused GET, the attempt being recorded."""
    from reverie.clinic.services import audit

    alice, bob = make_user(), make_user()
    _risky(alice)
    theirs = journal.create_entry(bob, EntryDraft(kind="reflection", body="the garden"))
    web = web_as(alice)
    before = AuditEvent.objects.count()
    assert web.head("/journal/").status_code == 200
    assert alerts.unseen_check_ins(alice) and AuditEvent.objects.count() == before
    web.head(f"/journal/{theirs.id}/")
    refusals = AuditEvent.objects.filter(actor_id=alice.pk, outcome="refused").count()
    web.get(f"/journal/{theirs.id}/")
    assert refusals >= 1
    assert AuditEvent.objects.filter(actor_id=alice.pk, outcome="refused").count() == 2 * refusals
    assert audit.verify().ok
