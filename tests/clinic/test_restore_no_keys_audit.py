"""r43: a backup's audit trail, restored (with or without backup-keys.json), no longer verifies: the backup is
written with Django's JSON serializer, which keeps an event's time to the millisecond, while its digest was made
over the time to the microsecond. The trail a restore brings back reads as altered ("reverie doctor" fails)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.core.management import call_command

from reverie.clinic.services import audit, backup, backup_keys, signin

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
PASSWORD = "a long test password"


def test_a_restored_audit_trail_verifies(make_user: Any, tmp_path: Path) -> None:
    """The audit chain a plain restore brings back verifies, as it did when the backup was taken."""
    make_user("audited")
    assert audit.verify().ok
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    call_command("flush", interactive=False, verbosity=0)
    backup.restore_backup(path)
    check = audit.verify()
    assert check.ok, check


def test_the_audit_chain_verifies_after_a_restore_that_cleared_two_step(
    make_user: Any, tmp_path: Path
) -> None:
    """After a restore without backup-keys.json that cleared a therapist's secret, the chain verifies."""
    therapist = make_user("dr-audit", role="therapist")
    secret = pyotp.random_base32()
    signin.enable_totp(therapist, secret, pyotp.TOTP(secret).at(time.time() - 30), password=PASSWORD)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    backup_keys.path().unlink()
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path, without_backup_keys=True)
    assert done.two_step_cleared == 1
    check = audit.verify()
    assert check.ok, check


def _cut_to_the_millisecond(path: Path) -> None:
    """Rewrite a backup as ``reverie.backup/4`` wrote it: Django's JSON serializer, times to the millisecond."""
    import gzip
    import json
    import re

    doc = json.loads(gzip.decompress(path.read_bytes()))
    doc["format"] = "reverie.backup/4"
    text = re.sub(r'"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d{3}', r'"\1', json.dumps(doc))
    path.write_bytes(gzip.compress(text.encode()))


def test_a_new_backup_keeps_times_to_the_microsecond_and_its_trail_is_not_reanchored(
    make_user: Any, tmp_path: Path
) -> None:
    """A reverie.backup/5 keeps every audit time in full: restored, the trail verifies with no re-anchoring."""
    from reverie.clinic.models import AuditEvent

    make_user("precise")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    times = list(AuditEvent.objects.order_by("id").values_list("at", flat=True))
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    assert done.audit_restored == 0
    assert list(AuditEvent.objects.order_by("id").values_list("at", flat=True))[: len(times)] == times
    assert not AuditEvent.objects.filter(action=audit.REANCHORED).exists()
    check = audit.verify()
    assert check.ok and not check.restored, check


def test_an_older_backup_with_times_cut_is_reanchored_with_its_reason_and_verifies(
    make_user: Any, tmp_path: Path
) -> None:
    """A reverie.backup/4 (times cut to the millisecond) restores with a recorded re-anchoring that says why; the
    trail verifies from there, the events before it counted as restored (links checked only)."""
    from reverie.clinic.models import AuditEvent, User

    make_user("rounded")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    events = AuditEvent.objects.count()
    _cut_to_the_millisecond(path)
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    assert done.audit_restored == events
    mark = AuditEvent.objects.get(action=audit.REANCHORED)
    assert mark.outcome == audit.REANCHOR_ROUNDED
    check = audit.verify()
    assert check.ok, check
    assert check.restored == events and check.restored_rounded
    assert audit.verify_incremental().ok
    from web_client import signed_in  # the privacy log page says plainly what it cannot check

    page = signed_in(User.objects.get(username="rounded")).get("/account/audit/")
    assert page.context["chain_ok"]
    assert "restored from a backup that kept their times" in page.content.decode()
    # An event after the re-anchoring is checked in full: rewriting it is found.
    AuditEvent.objects.filter(pk=mark.pk).update(record_type="changed")
    assert not audit.verify().ok
