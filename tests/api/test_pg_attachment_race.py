"""On PostgreSQL: a file removed from an entry while the entry is being edited (or while another file
of it is removed) waits for that save and moves the revision on from it: unique revision numbers, the edit's words
kept, no IntegrityError to the person, one audit line each."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import connection, transaction

from reverie.clinic.models import AuditEvent, Entry, EntryRevision
from reverie.clinic.services import attachments, journal

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f5d8"
    "e6a50000000049454e44ae426082"
)


def _drawing(client: Any) -> Any:
    files = [journal.AttachmentDraft(f"pic{n}.png", "image/png", PNG) for n in (1, 2)]
    return journal.create_entry(
        client, journal.EntryDraft(kind="art", body="A drawing.", title="Lake"), files
    )


def _while_held(entry_id: Any, hold: Any, other: Any) -> tuple[list[str], list[str]]:
    """``hold`` runs in a transaction that keeps the entry locked a second after its change; ``other`` starts on
    its own connection once the change is made. Each outcome is kept as "done" or the error's name."""
    changed = threading.Event()
    held: list[str] = []
    second: list[str] = []

    def first() -> None:
        try:
            with transaction.atomic():
                hold()
                changed.set()
                time.sleep(1.0)
            held.append("done")
        except Exception as exc:
            held.append(type(exc).__name__)
        finally:
            changed.set()
            connection.close()

    def then() -> None:
        changed.wait(10)
        try:
            other()
            second.append("done")
        except Exception as exc:
            second.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=then)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return held, second


def test_a_file_removed_while_the_entry_is_edited(make_user: Any) -> None:
    """The removal waits for the edit: no IntegrityError, the edit's words stay, revisions 1, 2, 3 each once."""
    client = make_user(role="client")
    entry = _drawing(client)
    first_file = attachments.list_attachments(client, entry.id)[0].id
    edit = journal.EntryDraft(kind="art", body="A drawing of the lake at dusk.", title="Lake")
    held, second = _while_held(
        entry.id,
        lambda: journal.update_entry(client, entry.id, edit, base_revision=1),
        lambda: attachments.delete_attachment(client, first_file),
    )
    assert held == ["done"] and second == ["done"], (held, second)
    stored = Entry.objects.get(pk=entry.id)
    assert stored.revision == 3
    assert sorted(EntryRevision.objects.filter(entry=stored).values_list("number", flat=True)) == [1, 2]
    assert journal.get_entry(client, entry.id).body == "A drawing of the lake at dusk."
    assert AuditEvent.objects.filter(action="attachment.delete").count() == 1


def test_two_files_removed_at_once(make_user: Any) -> None:
    """Two files of one entry removed at once (two tabs, the API): both removals succeed, one after the other."""
    client = make_user(role="client")
    entry = _drawing(client)
    a, b = (info.id for info in attachments.list_attachments(client, entry.id))
    held, second = _while_held(
        entry.id,
        lambda: attachments.delete_attachment(client, a),
        lambda: attachments.delete_attachment(client, b),
    )
    assert held == ["done"] and second == ["done"], (held, second)
    stored = Entry.objects.get(pk=entry.id)
    assert stored.revision == 3 and stored.attachments.count() == 0
    assert sorted(EntryRevision.objects.filter(entry=stored).values_list("number", flat=True)) == [1, 2]
