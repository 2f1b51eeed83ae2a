"""h132: the gaps stop 46 left around a departed account (the clinic ends its links, not the person; a share made
before an account was turned off elsewhere; the API's link list says why it is empty), the refused form's "Save
again" naming its hidden choices, and a search by an attachment's file name."""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from reverie.clinic.models import AuditEvent, Entry, User
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_deactivation_names_the_clinic_not_the_departing_therapist(make_user: Any) -> None:
    """The course's end and its cancelled sessions were recorded as the departing therapist's own doing."""
    from reverie.care.models import CourseSession
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    start = (timezone.now() + timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="UTC")
    )
    people.deactivate_user(therapist.username)
    ended = AuditEvent.objects.filter(action__in=("course.end", "pair.end"))
    assert ended.count() == 2
    assert not ended.filter(actor_id=therapist.pk).exists()
    states = set(CourseSession.objects.filter(course=course).values_list("attendance", flat=True))
    assert states == {"cancelled_by_clinic"}


def test_a_share_says_shared_no_more_once_its_therapist_is_switched_off_elsewhere(make_user: Any) -> None:
    """A therapist turned off in Django's admin (a save of the account): the client's old share kept saying
    "shared" though it reaches no one; the account's save now ends its links as the command does."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="Shared while linked."))
    journal.set_shared(client, entry.id, True)
    account = User.objects.get(pk=therapist.pk)
    account.is_active = False
    account.save()  # as Django's admin saves it
    assert not journal.get_entry(client, entry.id).shared
    assert not Entry.objects.get(pk=entry.id).shared
    assert people.departed_notice(client) == people.DEPARTED_THERAPIST


def test_save_again_names_the_kind_and_feelings_it_carries(make_user: Any) -> None:
    client = make_user()
    web = Client(enforce_csrf_checks=True)
    web.force_login(client)
    refused = web.post(
        "/write/",
        {"kind": "dream", "body": "The house again.", "feel_fear": "1", "int_fear": "4", "feel_joy": "1"},
    )
    assert refused.status_code == 403
    page = html.unescape(refused.content.decode())
    assert "Save again" in page
    assert "Kind of entry" in page and "Dream" in page
    assert "fear 4 of 5" in page and "joy (no strength chosen: 3 of 5)" in page


def test_search_finds_an_entry_by_its_attachments_file_name(make_user: Any) -> None:
    client = make_user()
    entry = journal.create_entry(
        client,
        EntryDraft(kind="art", body="A drawing"),
        [AttachmentDraft("harbour-at-night.png", "image/png", PNG)],
    )
    journal.create_entry(client, EntryDraft(kind="reflection", body="Nothing of boats."))
    found = journal.list_entries(client, query="Harbour-at-night")
    assert [v.id for v in found] == [entry.id]
