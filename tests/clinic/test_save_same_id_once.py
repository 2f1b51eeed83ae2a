"""A save with the same client-chosen id is idempotent (review r58): the form's token (web), a recovery copy's id
(CLI). Two requests of one double tap can both pass ``journal.already_saved`` before either commits; the slower one
then meets the first one's primary key in ``journal.create_entry``. The service recognises its own duplicate (the same
writer, the same id) and answers :class:`AlreadySaved`, never a database failure; and an ``IntegrityError`` that does
reach a door is a conflict (409, exit 6), never "could not reach the database / busy".

Real transactions (``transaction=True``), run on SQLite and again on PostgreSQL (``db``)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from django.db import IntegrityError as DbIntegrityError
from django.db import connection, transaction
from django.test import RequestFactory

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.errors import AlreadySaved, Conflict, DatabaseBusy, NotFound, failure_of
from web_client import signed_in

pytestmark = pytest.mark.django_db(transaction=True)


def _draft(words: str = "the song at two") -> journal.EntryDraft:
    return journal.EntryDraft(kind="music", body=words)


def test_the_same_id_saved_twice_is_already_saved_not_a_database_error(make_user: Any) -> None:
    """The second save of one id (past the early check, as the slower request of a double tap) writes nothing and
    says the entry is already saved, naming it."""
    user = make_user("cy")
    entry_id = uuid.uuid4()
    first = journal.create_entry(user, _draft(), entry_id=entry_id)
    with pytest.raises(AlreadySaved) as said:
        journal.create_entry(user, _draft(), entry_id=entry_id)
    assert said.value.entry_id == str(first.id) and not said.value.in_trash
    assert journal.saved_at(said.value) == f"/journal/{first.id}/"
    assert Entry.objects.filter(pk=entry_id).count() == 1


def test_an_id_someone_else_holds_is_never_said_to_be_saved(make_user: Any) -> None:
    """Only the writer's own duplicate is "already saved": another person's entry with that id answers as a missing
    entry does (no existence oracle), and nothing is written."""
    ana, bo = make_user("ana"), make_user("bo")
    entry_id = uuid.uuid4()
    journal.create_entry(ana, _draft(), entry_id=entry_id)
    with pytest.raises(NotFound):
        journal.create_entry(bo, _draft(), entry_id=entry_id)
    assert list(Entry.objects.filter(pk=entry_id).values_list("client__username", flat=True)) == ["ana"]


def test_two_saves_of_one_id_at_once_make_one_entry_and_both_say_saved(make_user: Any) -> None:
    """Two threads, each on its own connection as two requests are, save the same id at the same moment: one entry;
    one says saved, the other already saved; neither fails."""
    user = make_user("cy")
    entry_id = uuid.uuid4()
    both = threading.Barrier(2)
    outcomes: list[str] = []

    def save() -> None:
        try:
            both.wait(timeout=10)
            journal.create_entry(user, _draft(), entry_id=entry_id)
            outcomes.append("saved")
        except AlreadySaved:
            outcomes.append("already saved")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=save) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["already saved", "saved"]
    assert Entry.objects.filter(client=user).count() == 1


def test_a_double_tap_on_the_write_page_lands_both_requests_on_the_one_entry(
    make_user: Any, monkeypatch: Any
) -> None:
    """The web: the same form (one token) posted twice at once, both past ``already_saved`` before either saves (the
    slow first save of a large recording): both answers send the person to the one entry, neither says "not saved"."""
    user = make_user("cy")
    token = str(uuid.uuid4())
    checked = threading.Barrier(2)
    real_check = journal.already_saved

    def check_then_wait(actor: Any, entry_id: uuid.UUID) -> str | None:
        found = real_check(actor, entry_id)
        checked.wait(timeout=10)  # both requests have checked: neither has saved yet
        return found

    monkeypatch.setattr(journal, "already_saved", check_then_wait)
    answers: list[tuple[int, str]] = []

    def post() -> None:
        try:
            response = signed_in(user).post(
                "/write/", {"entry_id": token, "kind": "reflection", "body": "the song at two"}
            )
            answers.append((response.status_code, response.headers.get("Location", "")))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    entries = list(Entry.objects.filter(client=user).values_list("id", flat=True))
    assert len(entries) == 1
    assert answers == [(302, f"/journal/{entries[0]}/")] * 2, answers


def _real_integrity_error(make_user: Any) -> DbIntegrityError:
    """The database's own refusal of a duplicate primary key (not made up: raised by the database)."""
    user = make_user("dee")
    entry = Entry.objects.get(pk=journal.create_entry(user, _draft()).id)
    try:
        with transaction.atomic():
            Entry(
                id=entry.id,
                client=user,
                kind="music",
                happened_at=entry.happened_at,
                written_at=entry.written_at,
                updated_at=entry.updated_at,
                payload=entry.payload,
            ).save(force_insert=True)
    except DbIntegrityError as exc:
        return exc
    raise AssertionError("the duplicate key was not refused")


def test_an_integrity_error_is_a_conflict_never_a_busy_database(make_user: Any) -> None:
    """The one classification (command line, web, API): a constraint the database refused is a conflict (409, exit
    6), never "the database is busy / could not reach it"."""
    from reverie.api.handlers import respond
    from reverie.clinic.web.middleware import BUSY, failure_answer

    exc = _real_integrity_error(make_user)
    said = failure_of(exc)
    assert isinstance(said, Conflict) and not isinstance(said, DatabaseBusy)
    assert (said.http_status, said.exit_code) == (409, 6)
    answered = failure_answer(exc)
    assert answered is not None and answered[0] == 409 and answered[2] != BUSY, answered
    api = respond(RequestFactory().post("/api/v1/entries"), exc)
    assert api.status_code == 409 and "Retry-After" not in api
