"""h47: one rule finds who owns a row, for backup and doctor alike (``clinic/services/ownership.py``).

Before, backup walked the foreign keys (but not one-to-one keys: a client's safety plan or a course's goodbye
letter had no owner there) and doctor tried a fixed tuple of three paths (``client``, ``entry__client``,
``course__client``: a goal's rating, owned through ``goal__client``, or an invitation through ``pair__client``, had
none). Now both ask :func:`ownership.owner_path`.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from reverie.care.models import SafetyPlanRecord
from reverie.clinic.services import backup, doctor, ownership

pytestmark = pytest.mark.django_db

USER = apps.get_model("clinic", "User")


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("care.goalrating", "goal__client"),  # only by a deeper path: the fixed tuple never found it
        ("clinic.invitation", "pair__client"),
        ("care.safetyplanrecord", "client"),  # a one-to-one key: the old walk never found it
        ("care.goodbyeletter", "course__client"),
        ("clinic.entryscreen", "entry__client"),
        ("clinic.auditevent", None),  # an actor is not an owner
    ],
)
def test_owner_path_walks_foreign_and_one_to_one_keys(label: str, path: str | None) -> None:
    assert ownership.owner_path(apps.get_model(label), USER) == path


def test_doctor_finds_every_sealed_columns_owner_by_the_shared_walk() -> None:
    found, ownerless = doctor.sealed_columns()
    assert not ownerless
    assert all(column.owner == ownership.owner_path(column.model, USER) for column in found)
    owners = {column.label: column.owner for column in found}
    assert owners["care.safetyplanrecord.payload"] == "client"
    assert owners["care.goodbyeletter.payload"] == "course__client"


def test_backup_counts_the_records_of_others_found_by_the_walk(make_user: Any) -> None:
    """The restore's cascade check counts another client's safety plan (a one-to-one owner) too."""
    erased, other = make_user(role="client"), make_user(role="client")
    SafetyPlanRecord.objects.create(client=other, payload=b"sealed", updated_at=timezone.now())
    counts = backup._others_records(apps, {erased.pk})
    assert counts["care.safetyplanrecord"] == 1
    assert counts["care.goalrating"] == 0 and counts["clinic.invitation"] == 0


def test_backup_follows_a_deeper_path_through_the_backups_own_rows() -> None:
    """Which people a backup's sealed rows need keys for: a goal's rating reaches its client through the goal."""
    rows = {"care.goal": {"g1": {"client": 7}}}
    rating = apps.get_model("care.goalrating")
    path = ownership.owner_path(rating, USER)
    assert path == "goal__client"
    assert ownership.owner_in_rows(rating, {"goal": "g1"}, path, lambda label: rows.get(label, {})) == 7
    assert ownership.owner_in_rows(rating, {"goal": "gone"}, path, lambda label: rows.get(label, {})) is None
