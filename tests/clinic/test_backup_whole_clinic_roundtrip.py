"""Review r101 (kept as a regression check): ``reverie backup`` then ``reverie restore`` of a whole clinic (two therapists, three clients, the
demo's story, files, shared and trashed entries, entries deleted for good) gives back every row as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core import serializers
from django.core.management import call_command

from reverie.clinic.models import Entry, Pair, User
from reverie.clinic.services import attachments, demo, journal
from reverie.clinic.services.backup import _models, create_backup, restore_backup
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]

OGG = b"OggS\x00" + bytes(40)
# Rows a restore writes itself: the audit head and checkpoints (rebuilt), and the events it appends.
REBUILT = {"clinic.audithead", "clinic.auditcheckpoint"}


def _rows() -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for model in _models():
        label = model._meta.label_lower
        if label in REBUILT:
            continue
        rows = json.loads(serializers.serialize("json", model.objects.order_by("pk")))
        for row in rows:
            row["fields"].pop("wrapped", None)  # a data key is re-wrapped by the restore (fresh nonce)
        out[label] = rows
    return out


def _clinic(make_user: Any) -> dict[str, Any]:
    accounts = demo.load_demo(n_entries=4)
    second = make_user("second-therapist", role="therapist")
    made: dict[str, Any] = {"purge_after": []}
    for n in range(3):
        client = make_user(f"client-{n}")
        Pair.objects.create(client=client, therapist=second if n else accounts.therapist)
        kept = journal.create_entry(client, EntryDraft(kind="music", body=f"kept words {n}"))
        journal.set_shared(client, kept.id, True)
        attachments.add_attachment(client, kept.id, AttachmentDraft(f"tune{n}.ogg", "", OGG))
        trashed = journal.create_entry(client, EntryDraft(kind="dream", body=f"trashed dream {n}"))
        journal.trash_entry(client, trashed.id)
        early = journal.create_entry(client, EntryDraft(kind="reflection", body=f"deleted before {n}"))
        journal.trash_entry(client, early.id)
        journal.purge_entry(client, early.id)
        late = journal.create_entry(client, EntryDraft(kind="reflection", body=f"deleted after {n}"))
        made["purge_after"].append((client, late.id))
    return made


def test_a_backup_of_a_whole_clinic_restores_every_row_as_it_was(make_user: Any, tmp_path: Path) -> None:
    """An admin who backs up a clinic and restores it (a new server) should get back every account, entry, file,
    note, alert and audit event exactly as they were, and no entry deleted for good. Compared row by row."""
    made = _clinic(make_user)
    path = tmp_path / "clinic.json.gz"
    create_backup(path)
    before = _rows()
    for client, entry_id in made["purge_after"]:
        journal.trash_entry(client, entry_id)
        journal.purge_entry(client, entry_id)
    gone = {str(entry_id) for _, entry_id in made["purge_after"]}
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()

    restored = restore_backup(path)

    assert restored.purged_entries == 3
    assert not Entry.objects.filter(pk__in=gone).exists()
    after = _rows()
    # What the backup held, less the three entries deleted for good since (and what hangs off them).
    expected = {
        label: [
            r
            for r in rows
            if not (label == "clinic.entry" and r["pk"] in gone) and r["fields"].get("entry") not in gone
        ]
        for label, rows in before.items()
    }
    expected["clinic.deletedforgood"] = after.get("clinic.deletedforgood", [])  # rewritten by the restore
    new_events = [
        e for e in after["clinic.auditevent"] if e["pk"] not in {b["pk"] for b in before["clinic.auditevent"]}
    ]
    after["clinic.auditevent"] = [e for e in after["clinic.auditevent"] if e not in new_events]
    differing = {label for label in expected if expected[label] != after.get(label)}
    assert not differing, {
        label: (len(expected[label]), len(after.get(label) or [])) for label in sorted(differing)
    }
    assert {r["pk"] for r in after["clinic.deletedforgood"]} >= gone
