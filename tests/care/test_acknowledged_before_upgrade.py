"""Migrations care/0014-0015: an alert acknowledged before acknowledgements were per therapist (care/0012) stays
closed for every therapist who could see it then, instead of coming back as open for all but its acknowledger on
upgrade (a flood of stale, long-handled alerts burying the new ones). Therapists linked after it follow the normal rules; what
happens after the upgrade re-opens it as usual; the acknowledger's sealed note is copied to no one."""

from __future__ import annotations

import importlib
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from reverie.care.models import AlertAcknowledgement, RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import Pair
from reverie.clinic.services import people

step = importlib.import_module("reverie.care.migrations.0015_acknowledged_before_upgrade")
BEFORE_0012 = ("care", "0011_check_in_question_kind")
AT_0013 = ("care", "0013_owed_alert")
AFTER = ("care", "0015_acknowledged_before_upgrade")


def _migrate(target: tuple[str, str]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return MigrationExecutor(connection).loader.project_state([target]).apps


def _to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _link(client: Any, therapist: Any, started_at: Any) -> None:
    people.accept_invitation(therapist, people.issue_invitation(client))
    Pair.objects.filter(client=client, therapist=therapist).update(started_at=started_at)


def _shown(therapist: Any) -> set[uuid.UUID]:
    return {a.id for a in alerts.open_alerts(therapist)}


@pytest.mark.django_db(transaction=True)
def test_upgrade_keeps_an_old_acknowledgement_closed_for_every_therapist_then_linked(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    client, first = paired
    second, later = make_user(role="therapist"), make_user(role="therapist")
    now = timezone.now()
    Pair.objects.filter(therapist=first).update(started_at=now - timedelta(days=60))
    _link(client, second, now - timedelta(days=40))
    try:
        old = _migrate(BEFORE_0012)
        OldAlert = old.get_model("care", "RiskAlert")
        handled = OldAlert.objects.create(
            id=uuid.uuid4(),
            client_id=client.pk,
            source="journal",
            level="ideation",
            record_id="old#r1",
            created_at=now - timedelta(days=20),
            written_at=now - timedelta(days=20),
            urgency=2,
            acknowledged_at=now - timedelta(days=19),
            acknowledged_by_id=first.pk,
            note=b"sealed note of the first therapist",
        )
        waiting = OldAlert.objects.create(  # never acknowledged: open for both, as before
            id=uuid.uuid4(),
            client_id=client.pk,
            source="journal",
            level="ideation",
            record_id="new#r1",
            created_at=now - timedelta(days=2),
            written_at=now - timedelta(days=2),
            urgency=2,
        )
        _link(client, later, now - timedelta(days=10))  # linked after the acknowledgement
        _migrate(AFTER)
    finally:
        _to_latest()
    assert _shown(first) == {waiting.id}
    assert _shown(second) == {waiting.id}  # was {handled.id, waiting.id}: the stale alert back as open
    assert _shown(later) == {
        waiting.id
    }  # the old one was written before their link: normal rules, not theirs
    rows = {row.therapist_id: row for row in AlertAcknowledgement.objects.filter(alert_id=handled.id)}
    assert set(rows) == {first.pk, second.pk}
    assert (
        rows[first.pk].origin == "own_old"
        and bytes(rows[first.pk].note) == b"sealed note of the first therapist"
    )
    carried = rows[second.pk]
    assert carried.origin == "old" and carried.closed_by_id == first.pk and carried.note is None
    assert carried.acknowledged_at == rows[first.pk].acknowledged_at
    assert carried.origin_label == f"closed before the upgrade by {first.username}"
    # after the upgrade the new rules re-open it for everyone who may see it
    check_in = alerts.request_check_in(client, RiskAlert.objects.get(pk=handled.id))
    alerts.answer_check_in(client, check_in.id, "need_help")
    assert handled.id in _shown(first) and handled.id in _shown(second) and handled.id in _shown(later)


@pytest.mark.django_db(transaction=True)
def test_a_database_already_past_0012_is_fixed_and_a_rerun_changes_nothing(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    client, first = paired
    second = make_user(role="therapist")
    now = timezone.now()
    Pair.objects.filter(therapist=first).update(started_at=now - timedelta(days=60))
    _link(client, second, now - timedelta(days=40))
    try:
        at_0013 = _migrate(AT_0013)
        Alert = at_0013.get_model("care", "RiskAlert")
        Ack = at_0013.get_model("care", "AlertAcknowledgement")

        def alert(record: str, days: int) -> Any:
            moment = now - timedelta(days=days)
            return Alert.objects.create(
                id=uuid.uuid4(),
                client_id=client.pk,
                source="journal",
                level="behavior",
                record_id=record,
                created_at=moment,
                written_at=moment,
                raised_at=None,
                urgency=3,
            )

        old, since = alert("old#r1", 20), alert("since#r1", 3)
        # 0012's row for the old one (under the alert's own id); the newer one acknowledged by the first therapist
        # after the upgrade, for themselves alone
        for row_id, target, days in ((old.id, old, 19), (uuid.uuid4(), since, 1)):
            Ack.objects.create(
                id=row_id,
                alert_id=target.id,
                client_id=client.pk,
                therapist_id=first.pk,
                acknowledged_at=now - timedelta(days=days),
                level="behavior",
                urgency=3,
            )
        _to_latest()  # 0015 and every later step: the services read today's schema (care 0018 added a column)
        assert _shown(second) == {since.id}  # was {old.id, since.id}
        assert _shown(first) == set()
        count = AlertAcknowledgement.objects.count()
        step.close_for_every_therapist_then(current_apps, None)  # idempotent
        assert AlertAcknowledgement.objects.count() == count == 3
        _migrate(AT_0013)  # reversible: the rows stay, the marks go with their columns …
        _to_latest()  # … and come back
    finally:
        _to_latest()
    carried = AlertAcknowledgement.objects.get(alert_id=old.id, therapist=second)
    assert (carried.origin, carried.closed_by_id, carried.id) == (
        "old",
        first.pk,
        step.carried_id(old.id, second.pk),
    )
    assert AlertAcknowledgement.objects.count() == 3 and _shown(second) == {since.id}


def test_a_therapists_own_acknowledgement_says_so() -> None:
    assert AlertAcknowledgement().origin_label == "acknowledged by this therapist"
    assert (
        AlertAcknowledgement(origin="old").origin_label
        == "closed before the upgrade by a therapist no longer here"
    )
