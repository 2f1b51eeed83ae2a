"""r43: a backup's audit trail, restored (with or without backup-keys.json), no longer verifies: the backup is
written with Django's JSON serializer, which keeps an event's time to the millisecond, while its digest was made
over the time to the microsecond. The trail a restore brings back reads as altered ("reverie doctor" fails).

r44: the fix re-anchored such a trail (``restore-rounded``) whenever its links held, so an event altered in a /4
backup (its action, its time moved to another millisecond) restored and verified; now each digest is rechecked at the
1,000 times within the millisecond kept, and an event none of them matches is reported.

h53: that recheck ran again at every full verify (25.7 s for 10,000 events); now the restore finds each time once
and writes it back, so the restored trail is the original and verifies exactly."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.core.management import call_command

from reverie.clinic.services import audit, backup, backup_keys
from totp_enable import enable_with_previous_code

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
    enable_with_previous_code(therapist, secret, PASSWORD)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    backup_keys.path().unlink()
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path, without_backup_keys=True)
    assert done.two_step_cleared == 1
    check = audit.verify()
    assert check.ok, check


def _cut_to_the_millisecond(path: Path, alter: Callable[[list[dict[str, Any]]], None] | None = None) -> None:
    """Rewrite a backup as ``reverie.backup/4`` wrote it: Django's JSON serializer, times to the millisecond;
    ``alter`` (given the backup's audit events, times already cut) rewrites some of them as a tamperer would."""
    doc = json.loads(gzip.decompress(path.read_bytes()))
    doc["format"] = "reverie.backup/4"
    doc = json.loads(re.sub(r'"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d{3}', r'"\1', json.dumps(doc)))
    if alter is not None:
        alter([o for o in doc["objects"] if o["model"] == "clinic.auditevent"])
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))


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


def test_an_older_backup_with_times_cut_gets_its_microseconds_back_and_verifies_exactly(
    make_user: Any, tmp_path: Path
) -> None:
    """h53: a reverie.backup/4 (times cut to the millisecond) restores with each audit time found again to the
    microsecond and written back: the restored trail is the original one (the same times as the database the backup
    was taken from), verifies exactly with nothing re-anchored, and the checkpoint stored at the restore makes the
    first page view check nothing again."""
    from reverie.clinic.models import AuditCheckpoint, AuditEvent, User

    make_user("rounded")
    make_user("rounded-too")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    times = list(AuditEvent.objects.order_by("id").values_list("id", "at"))
    assert any(at.microsecond % 1000 for _id, at in times)
    _cut_to_the_millisecond(path)
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    assert done.audit_restored == 0 and done.audit_altered is None
    assert list(AuditEvent.objects.order_by("id").values_list("id", "at")) == times
    assert not AuditEvent.objects.filter(action=audit.REANCHORED).exists()
    assert audit.restore_mark() is None
    newest = AuditCheckpoint.objects.order_by("-event_id").first()
    assert newest is not None and newest.event_id == times[-1][0]
    incremental = audit.verify_incremental()
    assert incremental.ok and incremental.checked == 0, incremental
    check = audit.verify()
    assert check.ok and not check.restored and not check.restored_rounded, check
    from web_client import signed_in

    page = signed_in(User.objects.get(username="rounded")).get("/account/audit/")
    assert page.context["chain_ok"]
    assert "restored from a backup" not in page.content.decode()


def test_an_older_backup_with_an_altered_audit_event_is_reported_not_reanchored(
    make_user: Any, tmp_path: Path
) -> None:
    """A /4 backup whose audit event was altered beyond its time (its action) is reported by verify, not hidden; the
    restore and verify both name that event (not the first event whose time was cut), never its text."""
    from reverie.clinic.models import AuditEvent

    for name in ("rounded", "rounded-too", "rounded-three"):
        make_user(name)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    doc = json.loads(gzip.decompress(path.read_bytes()))
    doc["format"] = "reverie.backup/4"
    events = [o for o in doc["objects"] if o["model"] == "clinic.auditevent"]
    assert len(events) >= 3
    altered = events[len(events) // 2]
    altered["fields"]["action"] = "user.deleted"  # what happened is rewritten; hash and links untouched
    text = re.sub(r'"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d{3}', r'"\1', json.dumps(doc))
    path.write_bytes(gzip.compress(text.encode()))
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    check = audit.verify()
    assert not check.ok, f"an altered event restored from a /4 backup verifies: {check}"
    assert check.first_bad_id == altered["pk"] and check.problem == audit.DIGEST_MISMATCH, check
    # The restore names the altered event by its number (never its text) and re-anchors nothing.
    assert done.audit_altered == altered["pk"] and done.audit_restored == 0
    assert audit.restore_mark() is None
    assert not AuditEvent.objects.filter(action=audit.REANCHORED).exists()
    assert not audit.verify_incremental().ok  # no checkpoint from the backup vouches for it


def _a_millisecond_later(events: list[dict[str, Any]]) -> None:
    """Move the newest event's time to the next millisecond (its digest, made over the old time, untouched)."""
    at = datetime.fromisoformat(events[-1]["fields"]["at"].replace("Z", "+00:00"))
    events[-1]["fields"]["at"] = (at + timedelta(milliseconds=1)).isoformat()


def test_an_older_backup_with_an_event_moved_to_another_millisecond_is_reported(
    make_user: Any, tmp_path: Path
) -> None:
    """A /4 backup whose audit event's time was moved out of its millisecond is reported: only the microseconds
    within the millisecond kept are unknown, and no time within the new one gives the event's digest."""
    from reverie.clinic.models import AuditEvent

    make_user("moved")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    newest = AuditEvent.objects.order_by("-id").values_list("id", flat=True)[0]
    _cut_to_the_millisecond(path, _a_millisecond_later)
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    assert done.audit_altered == newest and done.audit_restored == 0
    assert not AuditEvent.objects.filter(action=audit.REANCHORED).exists()
    check = audit.verify()
    assert not check.ok and check.first_bad_id == newest, check


def test_a_database_restored_before_h53_with_a_rounded_reanchoring_still_verifies(make_user: Any) -> None:
    """A database an older Reverie restored from a /4 backup keeps the cut times and a ``restore-rounded``
    re-anchoring (r44): it still verifies, each event before it rechecked within its millisecond, and an event from
    before it rewritten later is found and named; its microseconds alone may change (what the backup did not keep)."""
    from reverie.clinic.models import AuditCheckpoint, AuditEvent, AuditHead

    make_user("restored-long-ago")
    rows = list(AuditEvent.objects.order_by("id"))
    assert any(event.at.microsecond % 1000 for event in rows)
    for event in rows:  # what that restore left: the times as the backup kept them, then the re-anchoring
        AuditEvent.objects.filter(pk=event.pk).update(
            at=event.at.replace(microsecond=event.at.microsecond // 1000 * 1000)
        )
    head = AuditHead.objects.get(pk=1)
    audit.record(
        None, audit.REANCHORED, "audit", f"{head.count}:{head.last_id}", outcome=audit.REANCHOR_ROUNDED
    )
    AuditCheckpoint.objects.all().delete()
    check = audit.verify()
    assert check.ok and check.restored == len(rows) and check.restored_rounded, check
    assert audit.restore_mark() is not None
    first = AuditEvent.objects.order_by("id").first()
    assert first is not None and first.action != audit.REANCHORED
    AuditEvent.objects.filter(pk=first.pk).update(at=first.at.replace(microsecond=first.at.microsecond + 999))
    assert audit.verify().ok  # within the millisecond the backup kept: what it could not say
    AuditEvent.objects.filter(pk=first.pk).update(at=first.at, outcome="changed")
    check = audit.verify()
    assert not check.ok and check.first_bad_id == first.pk
    assert check.problem == audit.CUT_TIME_MISMATCH
    AuditEvent.objects.filter(pk=first.pk).update(
        outcome=first.outcome, at=first.at + timedelta(milliseconds=1)
    )
    assert not audit.verify().ok


def test_a_cut_time_is_matched_within_its_millisecond_for_keyed_and_unkeyed_digests() -> None:
    """The recheck finds the microseconds a /4 backup cut, for keyed (v2) and legacy (v1) digests alike, including
    a time whose microseconds were all cut (isoformat() then writes none), and nothing in another millisecond."""

    key, prev = bytes(range(32)), "ab" * 32
    for micro in (123_456, 5, 0, 999_999):
        at = datetime(2026, 1, 2, 3, 4, 5, micro, tzinfo=UTC)
        cut = at.replace(microsecond=micro - micro % 1000)
        rest = ("7", "None", "entry.read", "entry", "12", "ok")
        keyed = audit._digest_v2(key, prev, (at.isoformat(), *rest), "k1")
        legacy = audit._digest_v1(prev, at.isoformat(), *rest)
        assert audit._cut_time(audit.KEYED, key, prev, cut, rest, "k1", keyed) == at
        assert audit._cut_time(audit.LEGACY, None, prev, cut, rest, "", legacy) == at
        assert audit._matches_cut_time(audit.KEYED, key, prev, cut, rest, "k1", keyed)
        assert audit._matches_cut_time(audit.LEGACY, None, prev, cut, rest, "", legacy)
        later = cut + timedelta(milliseconds=1)
        assert not audit._matches_cut_time(audit.KEYED, key, prev, later, rest, "k1", keyed)
        assert not audit._matches_cut_time(audit.LEGACY, None, prev, later, rest, "", legacy)
        assert not audit._matches_cut_time(audit.KEYED, key, prev, cut, ("8", *rest[1:]), "k1", keyed)
