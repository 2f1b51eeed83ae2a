"""An account erased while its person is writing keeps none of their words (review r124). One rule decides
(``people.account_erased``), asked by the journal's saves (web, API, command line), the command line's recovery
copy and the web's forms sent after the erasure; the writer is told plainly (``AccountErased``, E410) that the
account was erased and nothing was kept. Real transactions: an erasure's steps after its commit run, and the
database's foreign keys are checked at a real commit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.db import connections

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability, recovery
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import AccountErased
from web_client import signed_in

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password"
WORDS = "Words written just before I erased my account."


def _erase(person: Any) -> None:
    """The erasure as its own door makes it; ``person`` stays what a process that signed them in before holds."""
    from reverie.clinic.models import User

    portability.erase_client(User.objects.get(pk=person.pk), person.username, PASSWORD)


def test_a_save_after_the_erasure_is_refused_as_erased_not_as_a_clash(make_user: Any) -> None:
    """A save made by a process that signed its person in before the erasure (a `journal write` waiting for its
    text, a web or API request under way) reached the database after it: the rows it names were gone, and the
    person was told "this clashed with a change saved at the same moment" (E409, a foreign key refused at the
    commit) or that their data key could not be made. Nothing is saved either way; the words say why."""
    wren = make_user("wren-save")
    kept = journal.create_entry(wren, EntryDraft(kind="dream", body="An older entry."))
    _erase(wren)
    with pytest.raises(AccountErased) as created:
        journal.create_entry(wren, EntryDraft(kind="dream", body=WORDS))
    with pytest.raises(AccountErased):
        journal.update_entry(wren, kept.id, EntryDraft(kind="dream", body=WORDS), base_revision=1)
    assert created.value.code == "E410" and "erased" in created.value.message
    assert WORDS not in created.value.message
    assert not Entry.objects.exists()
    connections.close_all()


def test_a_recovery_copy_is_never_made_for_an_erased_account(make_user: Any) -> None:
    """``recovery.keep`` after the erasure sealed the words under a key derived from the master key (the person's
    own was destroyed) into ``recovery/<id>/``, readable with keys.json alone for good: crypto-shredding undone,
    and the writer was told `reverie journal recover` would save it, which no one can."""
    wren = make_user("wren-copy")
    journal.create_entry(wren, EntryDraft(kind="dream", body="An older entry."))
    _erase(wren)
    with pytest.raises(AccountErased):
        recovery.keep(wren, EntryDraft(kind="dream", body=WORDS))
    assert not recovery.folder_of(wren.pk).exists()
    assert not list((settings.REVERIE.data_dir / "recovery").glob(f"{wren.pk}/*"))
    connections.close_all()


def test_a_form_sent_after_its_writers_erasure_carries_the_words_nowhere(make_user: Any) -> None:
    """The write page loaded, the account erased (in another tab), then Save: the session's account is gone, so
    the POST came signed out and got the sign-in page carrying the words "safe in this page: sign in and it will be
    saved", for an account no one can sign in to. It is told plainly that the account was erased and nothing was
    kept, with the words nowhere in the page."""
    wren = make_user("wren-web")
    web = signed_in(wren)
    page = web.get("/write/")
    mark = re.search(rb'name="writer" value="([^"]+)"', page.content)
    assert mark is not None
    _erase(wren)
    sent = web.post(
        "/write/", {"writer": mark.group(1).decode(), "kind": "dream", "body": WORDS, "happened_at": ""}
    )
    assert sent.status_code == 410
    assert WORDS.encode() not in sent.content
    assert b"has been erased" in sent.content or b"account was erased" in sent.content
    assert not Entry.objects.exists()
    connections.close_all()
