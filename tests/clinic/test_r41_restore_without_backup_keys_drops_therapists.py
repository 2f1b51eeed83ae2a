"""r41: since h35 seals every authenticator secret under a data key, every therapist (two-step sign-in is
mandatory for them) holds a data key; a restore with --without-backup-keys leaves out "every person whose journal
needs it", and now drops every therapist account too, though no journal of theirs needs that file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.core.management import call_command

from reverie.clinic.models import User
from reverie.clinic.services import backup, backup_keys, signin
from totp_enable import enable_with_previous_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
PASSWORD = "a long test password"


def test_a_restore_without_backup_keys_keeps_the_therapists(make_user: Any, tmp_path: Path) -> None:
    """A therapist with two-step sign-in on, who wrote no journal, is restored when backup-keys.json is missing."""
    therapist = make_user("dr-keep", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    backup_keys.path().unlink()  # the backup key file was not kept with the backup
    call_command("flush", interactive=False, verbosity=0)
    backup.restore_backup(path, without_backup_keys=True)
    assert User.objects.filter(username="dr-keep").exists(), "the therapist's account was left out"


def test_only_the_secret_is_lost_and_a_journal_still_needs_its_key(make_user: Any, tmp_path: Path) -> None:
    """Without backup-keys.json: the therapist and a client whose key seals only their two-step secret are kept,
    their secret and recovery codes cleared (set up again), audited and counted; a client with entries is left
    out as before."""
    from reverie.clinic.models import AuditEvent, RecoveryCode
    from reverie.clinic.services import journal

    therapist = make_user("dr-two", role="therapist")
    client = make_user("secret-only")
    writer = make_user("writer")
    for person in (therapist, client):
        secret = pyotp.random_base32()
        enable_with_previous_code(person, secret, PASSWORD)
    journal.create_entry(writer, journal.EntryDraft(kind="reflection", body="words that need my key"))
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    backup_keys.path().unlink()
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path, without_backup_keys=True)
    assert done.left_out_people == 1 and done.left_out_entries == 1 and done.two_step_cleared == 2
    assert not User.objects.filter(username="writer").exists()
    for name in ("dr-two", "secret-only"):
        user = User.objects.get(username=name)
        assert user.totp_secret == "" and not RecoveryCode.objects.filter(user=user).exists()
        assert AuditEvent.objects.filter(action="totp.reset", subject_id=user.pk, outcome="restore").exists()
    assert signin.needs_second_factor(User.objects.get(username="dr-two"))  # a therapist sets it up again


def test_the_restore_says_in_plain_words_that_two_step_is_set_up_again(
    make_user: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reverie restore --without-backup-keys` tells the operator whose two-step sign-in was turned off."""
    from reverie.cli.admin import restore

    therapist = make_user("dr-told", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    backup_keys.path().unlink()
    call_command("flush", interactive=False, verbosity=0)
    restore(path, without_backup_keys=True)
    out = capsys.readouterr().out
    assert "(1 person)" in out and "Not restored" not in out
    assert "Two-step sign-in was turned off for 1 person" in out and "sets two-step sign-in up again" in out
