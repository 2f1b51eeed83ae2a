"""r130 faults 7 to 10, the words an administrator reads: ``reverie backup`` names only key files that exist; the
refusal of a restore over a database that is not empty says what to do on this database engine and counts in words
that read right; a restore into a fresh data folder writes the audit anchor from the trail it checked (``reverie
audit verify`` no longer says "No anchor file yet" after the documented restore); ``reverie doctor`` as the first
command says truthfully which commands create the key file."""

from __future__ import annotations

import base64
import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.models import User
from reverie.clinic.services import audit, backup
from reverie.errors import Conflict, KeyUnavailable
from reverie.text import counted


def _named_files(said: str) -> list[Path]:
    return [Path(found) for found in re.findall(r"(/\S+\.json)\.?(?:\s|$)", said)]


@pytest.mark.parametrize("master_key_from_environment", [False, True])
def test_backup_names_only_key_files_that_exist(
    cli: Any, tmp_path: Path, master_key_from_environment: bool
) -> None:
    """A fresh installation with one therapist who never set up two-step sign-in: no person has a data key. The key
    file named must exist, backup-keys.json too; with the key in REVERIE_MASTER_KEY no keys.json is named."""
    env = (
        {"REVERIE_MASTER_KEY": base64.b64encode(secrets.token_bytes(32)).decode()}
        if master_key_from_environment
        else {}
    )
    cli("user", "create", "thera", "--role", "therapist", **env)
    _, out, _ = cli("backup", str(tmp_path / "b1.json.gz"), **env)
    named = _named_files(out)
    assert named, out
    assert all(found.exists() for found in named), out
    if master_key_from_environment:
        assert "keys.json" not in out.replace("backup-keys.json", "") and "REVERIE_MASTER_KEY" in out


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_a_restore_over_a_database_not_empty_says_what_to_do_here_in_words_that_read_right(
    make_user: Any, tmp_path: Path
) -> None:
    make_user("only-one")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    with pytest.raises(Conflict) as refused:
        backup.restore_backup(path)
    said = refused.value.message
    assert "1 user," in said or "1 user)" in said or "1 user;" in said, said
    assert "1 users" not in said
    from django.db import connection

    if connection.vendor == "postgresql":
        assert "REVERIE_DATABASE_URL" in said and "fresh data folder" not in said, said
    else:
        assert "fresh data folder" in said, said


def test_the_plural_words_read_right() -> None:
    assert counted(1, "person", "people") == "1 person"
    assert counted(2, "person", "people") == "2 people"


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_a_restore_into_a_fresh_data_folder_writes_the_audit_anchor(make_user: Any, tmp_path: Path) -> None:
    make_user("anchored")
    audit.record(None, "test.event", "user", "1")
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    call_command("flush", interactive=False, verbosity=0)
    audit.anchor_path().unlink()  # a fresh data folder: keys.json and backup-keys.json only, as deploy.md lists
    backup.restore_backup(path)
    assert audit.anchor_path().exists()
    check = audit.verify()
    assert check.ok and check.anchored
    assert User.objects.filter(username="anchored").exists()


def test_doctor_as_the_first_command_says_which_commands_create_the_key_file(cli: Any) -> None:
    code, out, err = cli("doctor", check=False)
    said = out + err
    assert code == KeyUnavailable.exit_code, said
    assert "on first run" not in said
    assert "reverie serve" in said and "reverie user create" in said and "never creates it" in said, said
