"""a restore into a database that holds records but no account yet goes ahead and mixes them in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from reverie.clinic.models import AuditEvent, User
from reverie.clinic.services import audit, journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import ReverieError

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def test_restore_into_a_database_holding_only_refused_sign_ins_is_refused(
    make_user: Any, tmp_path: Path
) -> None:
    """The clinic admin sets up the new server, starts ``reverie serve``, and before the restore someone tries to
    sign in (a bookmark, a phone): each refused sign-in is audited, so the database is no longer empty, though it
    holds no account. ``reverie restore`` checks only for accounts: it says "Restored …" and exits 0, loading the
    backup's audit events over the ones there by id and keeping the later ones. Afterwards ``reverie audit verify``
    fails ("an event does not link to the one before it"): the restored trail cannot be trusted. It refuses as for
    any non-empty database ("The database is not empty …", nothing changed; docs/deploy.md: a restore goes into a
    fresh data folder or an empty database), and the events there still verify."""
    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words kept in the backup"))
    path = tmp_path / "backup.json.gz"
    create_backup(path)
    call_command("flush", interactive=False, verbosity=0)
    assert not User.objects.exists()
    for attempt in range(12):
        Client().post("/login/", {"username": "someone", "password": f"a wrong password {attempt}"})
    held = AuditEvent.objects.count()
    assert held > 0, "nothing audited before the restore: the scenario did not happen"
    with pytest.raises(ReverieError) as refused:
        restore_backup(path)
    # Refused plainly, as docs/deploy.md's "a fresh data folder or an empty database" says: nothing changed, and
    # the trail that was there still verifies.
    assert "not empty" in refused.value.message and "audit events" in refused.value.message
    assert AuditEvent.objects.count() == held and not User.objects.exists()
    check = audit.verify(check_anchor=False)
    assert check.ok, (
        f"the trail there before the refused restore fails its check at event {check.first_bad_id}"
    )
