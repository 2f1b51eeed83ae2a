"""Review r97: a therapist who leaves the clinic is deactivated (``is_active = False``: the account is kept for the
records, it can no longer sign in, its API tokens stop at once, docs/api.md; its pair codes link no one,
``people.accept_invitation_once``). Every reading rule of the one policy then denies that therapist
(``policy._reads_entry`` asks ``actor.is_active``), but the client's link to them stays open."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft
from reverie.clinic.services.policy import Action, allows
from reverie.errors import ReverieError

pytestmark = pytest.mark.django_db


def _deactivate(therapist: User) -> None:
    therapist.is_active = False
    therapist.save(update_fields=["is_active"])


def test_share_with_only_a_deactivated_therapist_linked_does_not_say_shared(make_user: Any) -> None:
    """A client whose only therapist has left the clinic (account deactivated) shares an entry "with my therapist":
    today the share is accepted and the entry says "shared", yet no one can ever read it (the departed therapist is
    denied by the policy, a later therapist never reaches a share made before their link). The client should be
    told, as with no link open (r23), that there is no one to share with, or at least not be shown "shared"."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    _deactivate(therapist)
    entry = journal.create_entry(
        client, EntryDraft(kind="reflection", body="For my therapist, who has left.")
    )
    try:
        journal.set_shared(client, entry.id, True)
    except ReverieError:
        return  # refusing a share no one can receive is one correct answer
    stored = Entry.objects.get(pk=entry.id)
    reads = allows(User.objects.get(pk=therapist.pk), Action.READ, stored)
    assert not reads  # the departed therapist reads nothing …
    assert journal.get_entry(client, entry.id).shared == reads  # … yet the client's entry says "shared"


def test_client_link_list_does_not_show_a_deactivated_therapist_as_linked(make_user: Any) -> None:
    """The client's list of links (web /pair/, `reverie pair list`, the API) still shows the departed therapist as
    their active link, so the client believes someone reads their shares and sees their risk alerts, while that
    account can read nothing. A deactivated account's link should not be listed as active (or should be ended)."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    assert [p.therapist_id for p in people.active_pairs(client)] == [therapist.pk]
    _deactivate(therapist)
    listed = [p.therapist_id for p in people.active_pairs(client)]
    assert therapist.pk not in listed


def test_deactivating_a_therapist_ends_their_links_as_an_unlink_does(make_user: Any) -> None:
    """``reverie user deactivate`` (``people.deactivate_user``): the therapist's open link ends as if ended by a
    side (the share made in it is taken back, audited), their unused pairing code and API token stop, the account is
    off, and the client is told in plain words, on their link list and when a share is refused. Turning the account
    back on re-opens nothing."""
    from reverie.api.models import ApiToken
    from reverie.api.tokens import issue
    from reverie.clinic.models import AuditEvent, Invitation, Pair
    from reverie.errors import Conflict

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="Shared while linked."))
    journal.set_shared(client, entry.id, True)
    people.issue_invitation(therapist)  # a code not used yet
    issue(therapist, "phone")
    assert people.departed_notice(client) == ""

    assert people.deactivate_user(therapist.username.upper()) == 1

    therapist.refresh_from_db()
    assert not therapist.is_active
    assert not Pair.objects.filter(therapist=therapist, ended_at__isnull=True).exists()
    assert not journal.get_entry(client, entry.id).shared  # taken back: it reaches no one now
    assert not Invitation.objects.filter(issued_by=therapist, used_at__isnull=True).exists()
    assert not ApiToken.objects.filter(user=therapist).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"user.deactivate", "pair.end", "entry.unshare"} <= actions
    assert people.departed_notice(client) == people.DEPARTED_THERAPIST
    with pytest.raises(Conflict) as refused:
        journal.set_shared(client, entry.id, True)
    assert people.DEPARTED_THERAPIST in refused.value.message

    therapist.is_active = True  # turned back on by other means: the ended link stays ended
    therapist.save(update_fields=["is_active"])
    assert people.active_pairs(client) == []
    assert people.departed_notice(client) == ""  # a departed therapist no more, and no link either


def test_a_therapist_turned_off_in_the_database_links_no_one_for_alerts_and_pages(make_user: Any) -> None:
    """An account turned off by other means than the command (Django's admin, the database) counts as no link
    everywhere that asks who is linked (``Pair.objects.open()``): shares, the link lists, the therapist's side."""
    from reverie.care.policy import linked_clients
    from reverie.clinic.services.policy import active_pair

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    _deactivate(therapist)
    assert not journal.can_share(client)
    assert not active_pair(client, therapist)
    assert people.active_pairs(therapist) == []
    assert list(linked_clients(therapist)) == []
    assert people.departed_notice(client) == people.DEPARTED_THERAPIST


def test_the_check_in_promises_no_therapist_when_the_only_one_has_left(make_user: Any) -> None:
    """A risk signal of a client whose only therapist's account is off: the check-in must not say a linked
    therapist sees it (no one does); with an active therapist linked it still does."""
    from django.utils import timezone

    from reverie.care.services import alerts

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    alerts.signal(client, "journal", "ideation", "entry-1", written_at=timezone.now())
    linked = alerts.check_in_told(alerts.pending_check_in(client))
    assert "a linked therapist sees" in str(linked)
    _deactivate(therapist)
    told = alerts.check_in_told(alerts.pending_check_in(client))
    assert "a linked therapist sees" not in str(told) and "no one sees it" in str(told)
    assert told.saved == linked.saved


def test_cli_user_deactivate_and_the_clients_link_list(cli: Any) -> None:
    """``reverie user deactivate NAME`` ends the link; ``reverie pair list`` then tells the client in plain words."""
    import re

    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    issued = cli("pair", "invite", "--user", "theo")[1]
    code = re.search(r"[0-9A-Z]{5}(-[0-9A-Z]{5}){3}", issued)
    assert code is not None
    cli("pair", "accept", code.group(0), "--user", "cara")
    assert "1 open link ended" in cli("user", "deactivate", "theo")[1]
    listed = cli("pair", "list", "--user", "cara")[1]
    assert "account at this clinic has been closed" in listed and "theo" not in listed


def test_the_web_link_page_tells_the_client_their_therapist_left(make_user: Any) -> None:
    """The client's *My therapist* page (``/pair/``) no longer lists the departed therapist and says why."""
    from web_client import signed_in

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(client, people.issue_invitation(therapist))
    people.deactivate_user(therapist.username)
    page = signed_in(client).get("/pair/").content.decode().replace("&#x27;", "'")
    assert people.DEPARTED_THERAPIST in page
    assert "No one linked yet." in page
