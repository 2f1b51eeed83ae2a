"""Restore knows versions (review r29 faults 1, 2, 3, 6; the tests keep r29's names).

A backup made by a newer Reverie is refused plainly, before anything changes; one made by an older Reverie is loaded
at its own version and migrated forward, so the data migrations since then run on its records; entries that were
waiting for analysis when the backup was taken are queued again. A restore here goes into the same (emptied) test
database: ``_emptied`` deletes every row, as a fresh data folder after ``migrate`` would hold, while the key files of
this test stay (they are what a restore needs).
"""

from __future__ import annotations

import gzip
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from reverie.care.models import AlertAcknowledgement, RiskAlert
from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import InvalidInput, ReverieError

pytestmark = pytest.mark.db


def _emptied() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()


def _rewrite(path: Path, change: Any) -> None:
    doc = json.loads(gzip.decompress(path.read_bytes()))
    change(doc)
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))


def _at_today() -> bool:
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


# Real commits: on PostgreSQL a backup sets its isolation level, allowed at a transaction's start only.
@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_backup_made_by_a_newer_reverie(make_user: Any, tmp_path: Path) -> None:
    """A backup whose recorded migrations are newer than this code is refused with a plain message, not restored."""
    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="written under a later version"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    _rewrite(path, lambda doc: doc["migration"].update(care="0099_from_a_later_version"))
    _emptied()
    with pytest.raises(ReverieError) as refused:
        restore_backup(path)
    assert "newer" in str(refused.value) or "version" in str(refused.value)
    assert not User.objects.exists()
    assert refused.value.message == (
        "This backup was made by a newer Reverie (its migrations care 0099_from_a_later_version are not known"
        " here); upgrade Reverie, then restore. Nothing was changed."
    )
    assert _at_today()


# Real commits: on PostgreSQL a backup sets its isolation level, allowed at a transaction's start only.
@pytest.mark.django_db(transaction=True)
def test_restore_names_a_newer_version_when_the_backup_has_columns_this_code_lacks(
    make_user: Any, tmp_path: Path
) -> None:
    """A newer backup with a column this code does not know is refused as newer, not as "could not be read"."""
    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="a later column"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)

    def later(doc: Any) -> None:
        doc["migration"].update(clinic="0099_from_a_later_version")
        for obj in doc["objects"]:
            if obj["model"] == "clinic.entry":
                obj["fields"]["added_later"] = "x"

    _rewrite(path, later)
    _emptied()
    with pytest.raises(ReverieError) as refused:
        restore_backup(path)
    assert "newer" in str(refused.value)
    assert "could not be read" not in str(refused.value)


def _taken_at_care_0011(
    doc: Any,
) -> None:  # what care 0011's schema wrote: no per-therapist acknowledgements yet
    target = ("care", "0011_check_in_question_kind")
    doc["migration"]["care"] = target[1]
    # every care model and field as care 0011 had them, read from the migrations themselves (a hand list of the
    # fields added since went stale when care 0018 added one)
    then = MigrationExecutor(connection).loader.project_state([target]).apps
    known = {
        f"care.{m._meta.model_name}": {f.name for f in m._meta.get_fields()}
        for m in then.get_app_config("care").get_models()
    }
    doc["objects"] = [o for o in doc["objects"] if not o["model"].startswith("care.") or o["model"] in known]
    for obj in doc["objects"]:
        if obj["model"] in known:
            obj["fields"] = {k: v for k, v in obj["fields"].items() if k in known[obj["model"]]}


# Real commits: the restore migrates the schema back and forth, which SQLite allows outside a test's transaction only.
@pytest.mark.django_db(transaction=True)
def test_restore_of_a_backup_from_before_care_0012_keeps_old_acknowledgements(
    paired: tuple[Any, Any], tmp_path: Path
) -> None:
    """A backup taken at care 0011 gets care 0012's data migration: acknowledged alerts stay closed. A damaged one
    is refused and leaves nothing half-restored."""
    client, therapist = paired
    now = timezone.now()
    alert = RiskAlert.objects.create(
        client=client,
        source="entry",
        level="high",
        record_id=str(uuid.uuid4()),
        created_at=now,
        written_at=now,
        acknowledged_at=now,
        acknowledged_by=therapist,
    )
    path, damaged = tmp_path / "backup.json.gz", tmp_path / "damaged.json.gz"
    create_backup(path)
    _rewrite(path, _taken_at_care_0011)
    damaged.write_bytes(path.read_bytes())

    def a_record_damaged(doc: Any) -> None:
        next(o for o in doc["objects"] if o["model"] == "clinic.user")["fields"]["not_a_column"] = "x"

    _rewrite(damaged, a_record_damaged)
    _emptied()
    # Nothing half-restored: a damaged older backup is refused as before, and the empty database is at today's
    # version again (it was migrated back to care 0011 to load it).
    with pytest.raises(InvalidInput) as refused:
        restore_backup(damaged)
    assert refused.value.message == "The backup's records could not be read; nothing was restored."
    assert _at_today()
    assert not User.objects.exists()
    restore_backup(path)  # not refused: an older backup is migrated forward
    from reverie.care.services.alerts import open_alerts

    assert RiskAlert.objects.filter(pk=alert.pk).exists()
    assert alert.pk not in {a.pk for a in open_alerts(User.objects.get(pk=therapist.pk))}
    assert AlertAcknowledgement.objects.filter(alert_id=alert.pk, therapist=therapist).exists()
    assert _at_today()


@pytest.mark.django_db(
    transaction=True
)  # real commits: the save's after-commit hook enqueues as in production
def test_an_entry_awaiting_analysis_at_backup_time_is_analysed_after_restore(
    make_user: Any, tmp_path: Path
) -> None:
    """An entry whose analysis was still queued when the backup was taken is queued again (or analysed) on restore."""
    from django.conf import settings
    from django_tasks_db.models import DBTaskResult

    from reverie import settings as reverie_settings
    from reverie.clinic.models import StoredAnalysis

    values = dict(settings.REVERIE.values)
    values["REVERIE_ANALYSIS"] = "background"
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config(values)
    try:
        client = make_user()
        saved = journal.create_entry(
            client, journal.EntryDraft(kind="reflection", body="not read by the worker yet")
        )
        trashed = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="in the trash"))
        journal.trash_entry(client, trashed.id)

        def queued() -> bool:
            return any(str(saved.id) in json.dumps(t.args_kwargs) for t in DBTaskResult.objects.all())

        assert queued()
        path = tmp_path / "backup.json.gz"
        create_backup(path)
        _emptied()
        done = restore_backup(path)
        assert queued() or StoredAnalysis.objects.filter(entry_id=saved.id).exists()
        assert done.queued == 1  # the entry in the trash waits for nothing
        assert Entry.objects.count() == 2
    finally:
        settings.REVERIE = original
