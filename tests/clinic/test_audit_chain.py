"""Issue 11, items 6 and 7: one keyed audit chain under concurrency; edits, cuts and forged rows are detected.

The tests commit for real (``transaction=True``) so the anchor file is written as in a running server; they run
on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from reverie.clinic.models import AuditCheckpoint, AuditEvent, AuditHead
from reverie.clinic.services import audit, journal, keys
from reverie.clinic.services.journal import EntryDraft
from reverie.vault.keys import retire_key, rotate_key_file

pytestmark = pytest.mark.django_db(transaction=True)


def _events(n: int) -> None:
    for i in range(n):
        audit.record(None, "test.event", "test", i)


def _recompute_unkeyed(event: AuditEvent) -> str:
    """What someone with the database but without the master key can do: recompute the old unkeyed digest."""
    h = hashlib.sha256(event.prev_hash.encode())
    for field in audit._event_fields(event):
        h.update(b"\x1f" + field.encode())
    return h.hexdigest()


def test_audit_chain_is_keyed_and_anchored(db: Any) -> None:
    _events(3)
    check = audit.verify()
    assert check.ok and check.events == 3 and check.anchored and check.legacy == 0
    assert set(AuditEvent.objects.values_list("digest_version", flat=True)) == {audit.KEYED}
    anchor = json.loads(audit.anchor_path().read_text())
    assert anchor["format"] == "reverie.audit-anchor/1" and anchor["count"] == 3
    assert oct(audit.anchor_path().stat().st_mode & 0o777) == "0o600"


def test_audit_chain_edit_a_row_and_recompute_the_unkeyed_hash_is_detected(db: Any) -> None:
    _events(4)
    victim = AuditEvent.objects.order_by("id")[2]
    victim.action = "entry.read"
    victim.hash = _recompute_unkeyed(victim)
    AuditEvent.objects.filter(pk=victim.pk).update(action=victim.action, hash=victim.hash)
    check = audit.verify()
    assert not check.ok and check.first_bad_id == victim.pk


def test_audit_chain_rewriting_the_newest_event_as_legacy_is_detected(db: Any) -> None:
    _events(3)
    last = AuditEvent.objects.order_by("-id")[0]
    last.action = "entry.read"
    new_hash = _recompute_unkeyed(last)
    AuditEvent.objects.filter(pk=last.pk).update(
        action="entry.read", hash=new_hash, digest_version=1, key_id=""
    )
    AuditHead.objects.filter(pk=1).update(hash=new_hash)
    check = audit.verify()
    assert not check.ok and check.first_bad_id == last.pk and "legacy" in check.problem


def test_audit_chain_deleting_the_newest_rows_is_detected(db: Any) -> None:
    _events(6)
    newest = list(AuditEvent.objects.order_by("-id")[:2])
    AuditEvent.objects.filter(pk__in=[e.pk for e in newest]).delete()
    check = audit.verify()
    assert not check.ok and "newest" in check.problem  # the head row still counts 6
    # Someone who also rewrites the head row: the anchor outside the database still holds 6.
    survivor = AuditEvent.objects.order_by("-id")[0]
    AuditHead.objects.filter(pk=1).update(count=4, last_id=survivor.pk, hash=survivor.hash)
    check = audit.verify()
    assert not check.ok and check.anchored and "anchored" in check.problem


def test_audit_chain_legacy_events_verify_up_to_the_first_keyed_one(db: Any) -> None:
    prev = audit.GENESIS
    for i in range(3):  # written by an earlier Reverie: unkeyed
        event = AuditEvent(
            at=datetime(2026, 1, 1, 9, i, tzinfo=UTC),
            actor_id=None,
            subject_id=None,
            action="old.event",
            record_type="test",
            record_id=str(i),
            outcome="ok",
            prev_hash=prev,
            digest_version=1,
        )
        event.hash = _recompute_unkeyed(event)
        event.save()
        prev = event.hash
    AuditHead.objects.create(pk=1, count=3, last_id=event.pk, hash=prev)  # what migration 0008 does
    _events(2)
    check = audit.verify()
    assert check.ok and check.events == 5 and check.legacy == 3


def test_audit_chain_survives_rotation_and_retirement_and_names_a_missing_key(db: Any) -> None:
    _events(2)
    old = keys.keyring().active
    rotate_key_file(settings.REVERIE.key_file)
    keys.forget_cached_keys()
    _events(2)
    assert audit.verify().ok
    assert {e.key_id for e in AuditEvent.objects.all()} == {old, keys.keyring().active}
    retire_key(settings.REVERIE.key_file, old)  # leaves the old key's chain key in the key file
    keys.forget_cached_keys()
    assert old not in keys.keyring().keys
    assert audit.verify().ok
    # A key file that lost the chain key too (removed by hand, or an older Reverie's retire) names the key.
    document = json.loads(settings.REVERIE.key_file.read_text())
    del document["retired_chain_keys"]
    settings.REVERIE.key_file.write_text(json.dumps(document))
    keys.forget_cached_keys()
    check = audit.verify()
    assert not check.ok and check.unverifiable_key == old


def test_audit_chain_page_view_verifies_incrementally(db: Any) -> None:
    _events(50)
    assert audit.verify().ok and AuditCheckpoint.objects.count() == 1
    _events(3)
    check = audit.verify_incremental()
    assert check.ok and check.events == 53 and check.checked == 3
    assert audit.verify_incremental().checked == 0
    # An edit after the newest checkpoint is seen by the next page view.
    _events(2)
    newest = AuditEvent.objects.order_by("-id")[0]
    AuditEvent.objects.filter(pk=newest.pk).update(outcome="refused")
    assert not audit.verify_incremental().ok
    AuditEvent.objects.filter(pk=newest.pk).update(outcome="ok")
    # A forged checkpoint is not trusted: the page view falls back to checking everything.
    AuditCheckpoint.objects.update(mac="0" * 64)
    assert audit.verify_incremental().checked == 55


def test_audit_chain_eight_concurrent_writers_make_one_chain(db: Any) -> None:
    per_writer = 25
    start = threading.Barrier(8)
    failures: list[str] = []

    def write(n: int) -> None:
        try:
            start.wait(10)
            for i in range(per_writer):
                audit.record(None, "concurrent.event", "test", f"{n}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert failures == []
    hashes = set(AuditEvent.objects.values_list("hash", flat=True))
    prevs = set(AuditEvent.objects.values_list("prev_hash", flat=True))
    assert len(hashes - prevs) == 1  # one head: the chain did not fork
    check = audit.verify()
    assert check.ok and check.events == 8 * per_writer and check.anchored


def test_audit_chain_refused_requests_and_failed_sign_ins_are_audited(make_user: Any, web_as: Any) -> None:
    owner, other = make_user("ria"), make_user("sol")
    entry = journal.create_entry(owner, EntryDraft(kind="dream", body="private dream"))
    web = Client()
    web.force_login(other)
    assert web.get(f"/journal/{entry.id}/").status_code == 404
    assert web.post(f"/journal/{entry.id}/edit/", {"kind": "dream", "body": "x"}).status_code == 404
    assert web.get(f"/api/v1/entries/{entry.id}").status_code == 404  # the API, under the same policy
    refused = AuditEvent.objects.filter(outcome="refused", actor_id=other.pk)
    assert {e.record_id for e in refused} == {str(entry.id)} and refused.count() >= 3
    therapist = make_user("tom", role="therapist")
    assert web_as(therapist).post("/export/", {"format": "json"}).status_code == 403  # a refused action
    assert AuditEvent.objects.filter(
        actor_id=therapist.pk, action="request.refused", record_id="/export/"
    ).exists()
    assert Client().post("/login/", {"username": "ria", "password": "not her password"}).status_code in (
        200,
        401,
    )
    failed = AuditEvent.objects.get(action="signin.password.failed")
    assert failed.subject_id == owner.pk and failed.outcome == "refused" and failed.actor_id is None
    assert not AuditEvent.objects.filter(record_id__contains="not her").exists()
    assert audit.verify().ok


def test_audit_chain_the_client_does_not_see_therapist_only_notes_in_their_log(paired: Any) -> None:
    from reverie.care.services import notes
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = timezone.make_aware(datetime(2026, 1, 5, 10, 0))
    course = create_course(therapist, CourseDraft(client=client.username, programme="dit", start=start))
    notes.write_progress_note(therapist, course.id, 1, "Progress of session one.")
    notes.add_therapist_note(therapist, course.id, "process", "a process note", slot=1)
    notes.therapist_notes(therapist, course.id)
    assert AuditEvent.objects.filter(subject_id=client.pk, record_type="therapist_note").exists()
    web = Client()
    web.force_login(client)
    page = web.get("/account/audit/").content.decode()
    assert "wrote a progress note about a session." in page and "note.progress.write" not in page
    assert "therapist_note" not in page and "note.process" not in page
    assert "checksums do not match" not in page


def test_audit_chain_page_view_sees_an_older_event_removed(db: Any) -> None:
    _events(20)
    assert audit.verify().ok  # checkpoint at 20
    _events(2)
    old = AuditEvent.objects.order_by("id")[5]
    AuditEvent.objects.filter(pk=old.pk).delete()
    check = audit.verify_incremental()
    assert not check.ok and check.checked == 2


def test_audit_chain_events_restored_under_a_fresh_head_are_adopted_not_forked(db: Any) -> None:
    _events(3)
    AuditHead.objects.filter(pk=1).update(count=0, last_id=0, hash=audit.GENESIS)  # migrate, then old backup
    assert audit.verify(check_anchor=False).ok
    _events(1)
    check = audit.verify(check_anchor=False)
    assert check.ok and check.events == 4


def test_audit_chain_restored_under_another_master_key_is_reanchored_and_a_cut_before_it_is_seen(
    db: Any,
) -> None:
    """r29 fault 9: events keyed under a master key this ring lacks (a backup from another installation) are
    re-anchored by the restore with one keyed event; the chain then verifies, and removing a restored event is seen."""
    _events(4)
    AuditEvent.objects.update(key_id="mk-of-another-installation")  # as restored under another keys.json
    assert not audit.verify().ok
    assert audit.reanchor_after_restore() == 4
    marker = AuditEvent.objects.order_by("-id").first()
    assert marker is not None and marker.action == audit.REANCHORED and marker.outcome == "restore"
    check = audit.verify()
    assert check.ok and check.restored == 4 and check.events == 5 and check.anchored
    _events(1)
    assert audit.verify().ok and audit.reanchor_after_restore() == 0  # nothing more to re-anchor
    AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("id").first().pk).delete()  # type: ignore[union-attr]
    assert not audit.verify().ok


def test_r33_reanchoring_at_restore_does_not_hide_an_edited_event_of_this_installation(db: Any) -> None:
    """An event of this key ring edited and given an unknown key id is still caught: no re-anchoring hides it."""
    for i in range(4):
        audit.record(None, "test.event", "test", i)
    assert audit.verify().ok
    edited = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=edited.pk).update(action="entry.read", key_id="mk-nobody-has")
    assert not audit.verify().ok
    audit.reanchor_after_restore()  # what every restore now runs
    assert not audit.verify().ok, "an edit to this installation's own audit trail was re-anchored away"


def test_audit_chain_a_trail_partly_under_this_key_ring_is_reported_never_reanchored(db: Any) -> None:
    """r33: a restored trail partly under another installation's key and partly under this one's is not wholly
    foreign: nothing is recorded, and verification names the unknown key."""
    _events(4)
    first = AuditEvent.objects.order_by("id").first()
    assert first is not None
    AuditEvent.objects.filter(pk=first.pk).update(key_id="mk-of-another-installation")
    assert not audit.wholly_foreign()
    assert audit.reanchor_after_restore() == 0
    assert not AuditEvent.objects.filter(action=audit.REANCHORED).exists()
    check = audit.verify()
    assert not check.ok and check.unverifiable_key == "mk-of-another-installation"


def test_audit_chain_an_event_of_this_ring_before_a_reanchoring_is_still_checked(db: Any) -> None:
    """r33: after a restore's re-anchoring, `audit verify` checks every event whose key is known, before the
    boundary too: one given this ring's key id (and rewritten) is caught; a foreign one's link is checked."""
    _events(4)
    AuditEvent.objects.update(key_id="mk-of-another-installation")
    assert audit.reanchor_after_restore() == 4
    check = audit.verify()
    assert check.ok and check.restored == 4 and check.checked == 5
    own_key = AuditEvent.objects.filter(action=audit.REANCHORED).values_list("key_id", flat=True).get()
    second = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=second.pk).update(key_id=own_key, action="entry.read")
    check = audit.verify()
    assert not check.ok and check.first_bad_id == second.pk
    AuditEvent.objects.filter(pk=second.pk).update(
        key_id="mk-of-another-installation", action="test.event", prev_hash="f" * 64
    )
    check = audit.verify()
    assert not check.ok and check.first_bad_id == second.pk
