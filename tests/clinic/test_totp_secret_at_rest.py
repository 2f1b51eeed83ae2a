"""Review r40: the authenticator's shared secret (the second factor) is not kept in plain text at rest: not in the
database, not in a backup, not in the session that holds the candidate during setup; an old backup's plain secrets
are sealed on the way in. Replacing the authenticator signs the person out everywhere else."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection

from reverie.clinic.models import User
from reverie.clinic.services import backup, signin
from totp_enable import enable_with_previous_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db]
PASSWORD = "a long test password"


def _rows_holding(marker: str) -> list[str]:
    """Every table.column whose stored value holds ``marker`` in plain text (as review r40's canary reads it)."""
    needle = marker.encode().lower()
    found: set[str] = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            names = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for name, value in zip(names, row, strict=True):
                    raw = value if isinstance(value, (bytes, memoryview)) else str(value).encode()
                    if needle in bytes(raw).lower():
                        found.add(f"{table}.{name}")
    return sorted(found)


def _doc(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    return doc


def test_the_two_step_secret_is_not_plain_in_the_database_or_a_backup(make_user: Any, tmp_path: Path) -> None:
    """A therapist's authenticator secret is sealed at rest: neither the database rows nor a backup file hold it,
    so a copy of either (an off-site backup) with a phished password does not pass the second factor."""
    therapist = make_user(role="therapist")
    secret = pyotp.random_base32()
    signin.enable_totp(therapist, secret, pyotp.TOTP(secret).now(), password=PASSWORD)
    target = tmp_path / "backup.json"
    backup.create_backup(target)
    assert secret.encode() not in gzip.decompress(target.read_bytes()), (
        "the authenticator secret is plain in the backup"
    )
    assert _rows_holding(secret) == [], "the authenticator secret is plain in the database"
    stored = User.objects.get(pk=therapist.pk)
    assert stored.totp_secret.startswith(signin.SEALED_MARK) and signin.totp_secret_of(stored) == secret
    # and it still works at the second step
    later = pyotp.TOTP(secret).at((stored.totp_last_step + 1) * signin.STEP_SECONDS)
    assert signin.check_second_factor(stored, later, "127.0.0.1") == "totp"


def test_a_backup_restores_with_its_sealed_secret_and_an_old_one_has_its_plain_secret_sealed(
    make_user: Any, tmp_path: Path
) -> None:
    """A new backup (reverie.backup/6) restores the sealed secret as it was; an older one (/3, taken before clinic
    0013, the secret plain) is restored and its secret sealed on the way in, still the same authenticator."""
    therapist = make_user("dr-old", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    path = tmp_path / "backup.json.gz"
    backup.create_backup(path)
    doc = _doc(path)
    assert doc["format"] == "reverie.backup/6"

    call_command("flush", interactive=False, verbosity=0)
    backup.restore_backup(path)
    assert signin.totp_secret_of(User.objects.get(username="dr-old")) == secret

    older = dict(
        doc, format="reverie.backup/3", migration=dict(doc["migration"], clinic="0012_user_session_epoch")
    )
    older["objects"] = [
        # clinic 0015 (after this backup's 0012) added ``noticed_on_entries``: a backup at 0012 has no such field.
        dict(
            o,
            fields={
                k: v for k, v in dict(o["fields"], totp_secret=secret).items() if k != "noticed_on_entries"
            },
        )
        if o["model"] == "clinic.user"
        else o
        for o in doc["objects"]
        if o["model"] != "clinic.clientkey"  # a therapist had no data key before 0013
    ]
    path.write_bytes(gzip.compress(json.dumps(older).encode()))
    call_command("flush", interactive=False, verbosity=0)
    backup.restore_backup(path)
    restored = User.objects.get(username="dr-old")
    assert restored.totp_secret.startswith(signin.SEALED_MARK), "an old backup's plain secret stayed plain"
    assert signin.totp_secret_of(restored) == secret
    assert _rows_holding(secret) == []


def test_the_candidate_secret_is_not_plain_in_the_session(make_user: Any) -> None:
    """The setup page shows a candidate secret and keeps it in the session until it is confirmed: the session row
    (signed, not encrypted) holds it sealed."""
    from web_client import signed_in

    web = signed_in(make_user("cand"))
    page = web.get("/account/2fa/")
    secret = page.context["secret"]
    assert web.get("/account/2fa/").context["secret"] == secret  # the same candidate until confirmed
    decoded = [str(s.get_decoded()) for s in Session.objects.all()]
    assert decoded and not any(secret in d for d in decoded), "the candidate secret is plain in the session"


def test_replacing_the_authenticator_signs_out_every_other_session(make_user: Any) -> None:
    """A replacement (someone else's authenticator may have been bound) ends the person's other sessions; the page
    it was done in stays signed in."""
    from web_client import signed_in

    user = make_user("swap")
    acting, other = signed_in(user), signed_in(user)
    old = pyotp.random_base32()
    enable_with_previous_code(user, old, PASSWORD)
    assert other.get("/account/2fa/").status_code == 200, "turning it on the first time ends no session"
    new = acting.get("/account/2fa/").context["secret"]
    done = acting.post(
        "/account/2fa/",
        {"code": pyotp.TOTP(new).now(), "password": PASSWORD, "current_code": pyotp.TOTP(old).now()},
    )
    assert done.status_code == 200 and len(done.context["codes"]) == 10
    assert acting.get("/account/2fa/").status_code == 200, "the session that replaced it was signed out"
    assert other.get("/account/2fa/").status_code == 302, "another session went on after the replacement"
    assert signin.totp_secret_of(User.objects.get(pk=user.pk)) == new
