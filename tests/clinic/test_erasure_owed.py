"""r16 (moved from tests/review_r16): what a committed erasure still owes must never be forgotten (erasure_owed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.clinic.services import backup_keys, erasure_owed, worker


@pytest.mark.django_db
def test_an_unreadable_owed_record_is_overwritten_and_the_erased_persons_backup_key_is_forgotten_for_good(
    make_user: Any,
) -> None:
    """``_read`` answers a record it cannot read (a file left by a newer Reverie after a downgrade,
    ``reverie.erasure-owed/99``; one written by ``sudo reverie doctor`` that the server cannot read; a damaged one) with
    ``Owed(wal_truncation=True)`` and logs "every step is retried". It is not: the ids of the people whose backup key
    removal is owed are dropped, and ``settle`` then deletes (or overwrites) the record. The erased person's backup
    key stays in backup-keys.json for good (every backup can give their journal back) and ``reverie doctor`` says
    "Finished what an earlier erasure still owed (nothing of the erased person is left to remove)"."""
    ann = make_user("r16-owed-unreadable")
    backup_keys.keys_for([ann.pk], create=True)  # ann's backup key, as any sign-up's
    erased = ann.pk
    ann.delete()  # erased; removing her backup key failed and was recorded as owed, by a newer Reverie
    target = erasure_owed.path()
    target.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "format": "reverie.erasure-owed/99",
        "backup_keys": [erased],
        "recovery": [],
        "wal": {"owed": False},
    }
    target.write_text(json.dumps(record))
    assert str(erased) in backup_keys._read(backup_keys.path())
    left = erasure_owed.settle()
    still_recorded = target.exists() and str(erased) in str(json.loads(target.read_text()).get("backup_keys"))
    key_gone = str(erased) not in backup_keys._read(backup_keys.path())
    kept_aside = any(target.parent.glob("erasure-owed.json.unreadable-*")) and bool(left.unreadable)
    assert key_gone or still_recorded or bool(left.backup_keys) or kept_aside, (
        "the record was replaced, the erased person's backup key is still in backup-keys.json, and nothing says so"
    )
    aside = list(target.parent.glob("erasure-owed.json.unreadable-*"))
    assert len(aside) == 1 and json.loads(aside[0].read_text()) == record, (
        "the unreadable record was not kept"
    )
    assert left.unreadable == [aside[0].name] and bool(left), "the record moved aside is not reported"


@pytest.mark.django_db(transaction=True)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_malformed_owed_record_stops_the_workers_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_read`` converts ids with ``int(i)`` outside its try: a record with a non-number id (a hand edit, a bit
    flip) raises ValueError. The worker's heartbeat catches OSError around ``settle`` and DatabaseError around the
    beat, so the ValueError ends the heartbeat thread: the lease is never renewed again (other workers requeue and
    re-run this worker's tasks), and a worker whose server died is no longer stopped. ``reverie doctor`` crashes too."""
    target = erasure_owed.path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format": "reverie.erasure-owed/1", "backup_keys": ["7 "], "recovery": ["x"]}')
    monkeypatch.setattr(worker, "lease_seconds", lambda: 3)
    monkeypatch.setattr(worker, "renew_lease", lambda worker_id: None)
    monkeypatch.setattr(worker, "requeue_expired", lambda: None)
    beat = worker._Heartbeat("r16-worker", None)
    upkeep = (
        worker._Upkeep()
    )  # the thread that retries what erasures owe (the heartbeat only renews the lease)
    beat.start()
    upkeep.start()
    beat.join(timeout=4)  # a beat (and an upkeep round) is due after max(1, 3 / 3) s
    alive = beat.is_alive() and upkeep.is_alive()
    beat.stopping.set()
    upkeep.stopping.set()
    beat.join(timeout=2)
    upkeep.join(timeout=2)
    assert alive, "one malformed erasure-owed.json stopped the worker's heartbeat for good"


@pytest.mark.django_db(transaction=True)
def test_a_process_stopped_between_the_commit_and_the_record_leaves_nothing_owed_and_nothing_found(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is owed is written only after the commit, by the after-commit callback itself (``after_erasure``). A
    server stopped in that window (a deploy's SIGTERM turned into SystemExit, which ``_step``'s ``except Exception``
    does not catch; a kill; a power cut) records nothing, and nothing else ever looks: ``settle`` and ``reverie
    doctor`` trust the record alone, though the state tells what is owed (a backup key or recovery folder whose
    person no longer exists; ids are never reused, AUTOINCREMENT on SQLite, a sequence on PostgreSQL). The erased
    person's backup key stays in backup-keys.json for good and doctor says nothing."""
    from reverie.clinic.services import portability, recovery

    ann = make_user("r16-owed-crash")
    erased = ann.pk
    backup_keys.keys_for([erased], create=True)

    def stopped(*_: object) -> None:
        raise SystemExit(143)  # SIGTERM while the erasure's steps ran

    monkeypatch.setattr(recovery, "forget", stopped)
    with pytest.raises(SystemExit):
        portability.erase_client(ann, "r16-owed-crash", "a long test password")
    monkeypatch.undo()
    from reverie.clinic.models import User

    assert not User.objects.filter(pk=erased).exists(), "the erasure committed"
    # the process restarts; the worker's heartbeat and `reverie doctor` retry what is owed
    left = erasure_owed.settle()
    key_gone = str(erased) not in backup_keys._read(backup_keys.path())
    assert key_gone or bool(left), (
        "the erased person's backup key is kept for good, and nothing says it is owed"
    )


def test_doctor_says_an_unreadable_record_was_moved_aside_and_fails_until_a_person_deals_with_it(
    cli: Any,
) -> None:
    """f5 (r16 item 1): doctor never says "Finished" for a record it could not read; it names the file moved
    aside and exits non-zero while it is there."""
    cli("user", "create", "ola")
    owed = cli.data_dir / "erasure-owed.json"
    owed.write_text(
        '{"format": "reverie.erasure-owed/1", "backup_keys": [true]}'
    )  # malformed: a bool, not an id
    code, out, err = cli("doctor", check=False)
    assert code != 0 and "Finished" not in out
    assert (
        "could not be read" in out
        and "moved aside, not deleted" in out
        and "an erasure is not finished" in err
    )
    aside = list(cli.data_dir.glob("erasure-owed.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].name in out and not owed.exists()
    code, out, _ = cli("doctor", check=False)
    assert code != 0 and aside[0].name in out, "a second doctor forgot the record moved aside"
    aside[0].unlink()  # a person looked at it and dealt with it
    code, out, _ = cli("doctor")
    assert code == 0 and "could not be read" not in out


@pytest.mark.django_db
def test_a_backup_key_or_recovery_copy_of_a_person_missing_for_another_reason_is_kept(make_user: Any) -> None:
    """Only a person written down before an erasure's commit (``intend``) is treated as erased. A person row missing
    for another reason (a restore under way, a mistake in the database) keeps its backup key and recovery copies:
    they may be the only way back to that journal (the lead's review of f5's first sweep, which removed them)."""
    from reverie.clinic.services import recovery

    ann = make_user("f5-owed-missing")
    missing = ann.pk
    future = missing + 1000  # a person of a backup about to be restored into this database
    backup_keys.keys_for([missing, future], create=True)
    folder = recovery.folder_of(missing)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "copy.json").write_text("{}")
    ann.delete()  # gone, but never erased through Reverie
    assert not erasure_owed.settle()
    kept = backup_keys._read(backup_keys.path())
    assert str(missing) in kept and str(future) in kept and folder.exists()


@pytest.mark.django_db
def test_a_pending_erasure_that_never_committed_is_dropped_after_the_grace(make_user: Any) -> None:
    from datetime import UTC, datetime, timedelta

    ann = make_user("f5-owed-rolled-back")
    backup_keys.keys_for([ann.pk], create=True)
    then = datetime(2026, 12, 5, 9, tzinfo=UTC)
    erasure_owed.intend(ann.pk, now=then)  # the erasure's transaction then rolled back: ann is still here
    erasure_owed.settle(now=then + timedelta(minutes=5))
    assert ann.pk in erasure_owed.current().pending  # may still be committing: kept
    erasure_owed.settle(now=then + erasure_owed.PENDING_GRACE + timedelta(minutes=1))
    assert not erasure_owed.path().exists() and str(ann.pk) in backup_keys._read(backup_keys.path())


@pytest.mark.django_db
def test_an_erased_persons_recovery_folder_is_removed_from_the_pending_record(make_user: Any) -> None:
    """r16 item 3 with the write-ahead record: the erasure was written down, committed, and the process stopped
    before its steps; the recovery folder is removed by the next settle."""
    from reverie.clinic.services import recovery

    ann = make_user("f5-owed-folder")
    bob = make_user("f5-owed-folder-bob")
    folder, kept = recovery.folder_of(ann.pk), recovery.folder_of(bob.pk)
    for f in (folder, kept):
        f.mkdir(parents=True, exist_ok=True)
        (f / "copy.json").write_text("{}")
    erasure_owed.intend(ann.pk)
    ann.delete()
    assert not erasure_owed.settle()
    assert not folder.exists() and kept.exists()
