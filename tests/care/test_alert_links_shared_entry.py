"""An alert whose entry the client shared links to it; never one not shared (review r133, fault 3).

maya's urgent alert ("asked for help now", the entry shared) linked only "Their safety plan": the shared entry that
raised it was findable only under "Recently shared". The alert line now links "Read the entry (shared with you)"
when, and only when, the one policy lets this therapist read that entry (``policy.visible_entries``): not before it
is shared, not after the share is taken back, not for another therapist it was never shared with, and never on a
line about words written before the link. Only process edges are real."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I can't do this anymore. I've been thinking about killing myself."
LINK = "Read the entry (shared with you)"


def test_the_alert_links_its_entry_only_while_it_is_shared_with_this_therapist(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    client, therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    alert = RiskAlert.objects.get(client=client)
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")
    web = web_as(therapist)
    url = reverse("entry", args=[entry.id])

    unshared = web.get(reverse("care:alerts")).content.decode()
    assert str(alert.id) in unshared and LINK not in unshared and url not in unshared
    assert web.get(url).status_code == 404  # the policy: not shared, not readable

    journal.set_shared(client, entry.id, True)
    for page in (reverse("care:alerts"), reverse("home")):
        shown = web.get(page).content.decode()
        assert LINK in shown and f'href="{url}"' in shown, page
    opened = web.get(url)
    assert opened.status_code == 200 and "thinking about killing myself" in opened.content.decode()

    later = make_user(role="therapist")  # linked after the share: the share never reached them
    people.accept_invitation(later, people.issue_invitation(client))
    assert LINK not in web_as(later).get(reverse("care:alerts")).content.decode()

    journal.set_shared(client, entry.id, False)
    assert LINK not in web.get(reverse("care:alerts")).content.decode()


def test_a_line_about_words_written_before_the_link_never_links_them(make_user: Any, web_as: Any) -> None:
    client, therapist = make_user(role="client"), make_user(role="therapist")
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))  # before any link
    people.accept_invitation(therapist, people.issue_invitation(client))
    journal.set_shared(client, entry.id, True)  # shared while linked: the therapist may read it
    check_in = alerts.pending_check_in(client)
    assert check_in is not None
    alerts.answer_check_in(client, check_in.id, "need_help")  # shown only for this answer
    (row,) = alerts.open_alerts(therapist)
    assert row.before_link and row.shared_entry is None
    assert LINK not in web_as(therapist).get(reverse("care:alerts")).content.decode()
