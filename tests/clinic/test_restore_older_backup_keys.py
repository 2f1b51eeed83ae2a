"""r43: a restore with a backup-keys.json older than the therapist's data key (the therapist's key is not in it)
treats the therapist as erased; deleting that account cascades to the courses they hold, so the client's course
(sessions, formulation, notes) is lost too, though the client's own key is in the file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.core.management import call_command

from reverie.clinic.services import backup, backup_keys
from totp_enable import enable_with_previous_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
PASSWORD = "a long test password"


def test_an_older_backup_keys_file_does_not_delete_the_clients_course(make_user: Any, tmp_path: Path) -> None:
    """A client whose key is in backup-keys.json keeps their course when the therapist's key is not in it."""
    from course_clock import START
    from reverie.care.models import Course
    from reverie.care.services.course import CourseDraft, create_course
    from reverie.clinic.services import people

    client = make_user("kept-client")
    older = tmp_path / "backup-keys-older.json"
    backup_keys.keys_for([client.pk], create=True)
    backup_keys.mark_for_backup()  # as the earlier backup that made the file marked it (r130)
    shutil.copy(backup_keys.path(), older)  # the operator's copy, taken before the therapist joined
    therapist = make_user("dr-later", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    people.accept_invitation(therapist, people.issue_invitation(client))
    create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London"),
    )
    assert str(therapist.pk) not in backup_keys._read(older)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    shutil.copy(older, backup_keys.path())
    call_command("flush", interactive=False, verbosity=0)
    done = backup.restore_backup(path)
    assert Course.objects.filter(client__username="kept-client").exists(), (
        f"the client's course went with the therapist left out ({done})"
    )


def test_a_restore_that_would_take_anothers_course_with_a_left_out_person_is_refused(
    make_user: Any, tmp_path: Path
) -> None:
    """Whoever is left out for lack of a key goes with their own records only: when leaving them out would delete a
    course of a client who is restored, the restore is refused plainly and nothing is restored."""
    import gzip
    import json

    from course_clock import START
    from reverie.care.services.course import CourseDraft, create_course
    from reverie.clinic.models import User
    from reverie.clinic.services import people
    from reverie.errors import KeyUnavailable

    client = make_user("course-client")
    older = tmp_path / "backup-keys-older.json"
    backup_keys.keys_for([client.pk], create=True)
    backup_keys.mark_for_backup()  # as the earlier backup that made the file marked it (r130)
    shutil.copy(backup_keys.path(), older)
    therapist = make_user("dr-odd", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    people.accept_invitation(therapist, people.issue_invitation(client))
    create_course(
        therapist,
        CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London"),
    )
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    doc = json.loads(gzip.decompress(path.read_bytes()))
    for obj in doc["objects"]:  # the therapist's account read as a client's: left out, as an erasure would be
        if obj["model"] == "clinic.user" and obj["pk"] == therapist.pk:
            obj["fields"]["role"] = "client"
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    shutil.copy(older, backup_keys.path())
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(KeyUnavailable) as refused:
        backup.restore_backup(path)
    assert "other people's records" in refused.value.message
    assert not User.objects.exists()
