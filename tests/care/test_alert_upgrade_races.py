"""Review r24: an alert's upgrade (a later, higher reading of the same words) racing the client's answer, a
therapist's acknowledgement or another upgrade on PostgreSQL. ``alerts._upgrade`` worked on the row ``raise_alert``
read without a lock, so a change committed in between was overwritten or absorbed; every change now goes through
``alerts._change`` on the locked row (the module's lock order). SQLite's IMMEDIATE transactions serialise the two, so
these run on PostgreSQL only (REVERIE_DATABASE_URL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from postgres_only import postgres_only
from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts

pytestmark = [
    pytest.mark.django_db(transaction=True),
    *postgres_only("a race between two transactions (SQLite serialises write transactions)"),
]


def _run(call: Callable[[], object], out: list[object]) -> threading.Thread:
    def body() -> None:
        try:
            out.append(call())
        except Exception as exc:
            out.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=body)
    thread.start()
    return thread


def _pause_after(monkeypatch: Any, name: str, reached: threading.Event, go_on: threading.Event) -> None:
    """Make ``alerts.<name>`` stop after it ran, in the upgrading thread only, until ``go_on`` is set."""
    original = getattr(alerts, name)
    upgrading = threading.local()

    def paused(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if getattr(upgrading, "on", False):
            reached.set()
            assert go_on.wait(20)
        return result

    monkeypatch.setattr(alerts, name, paused)
    return upgrading  # type: ignore[return-value]


def test_an_upgrade_racing_i_need_help_now_keeps_the_need_help_urgency(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """An "I need help now" answer committed while a later reading upgrades the alert keeps its urgency (5)."""
    client, _ = paired
    alert = alerts.signal(client, "journal", "ideation", "e1#r1", written_at=timezone.now())
    check_in = CheckIn.objects.get(alert=alert)
    reached, go_on = threading.Event(), threading.Event()
    upgrading = _pause_after(monkeypatch, "raise_alert", reached, go_on)

    def upgrade() -> object:
        upgrading.on = True  # type: ignore[attr-defined]
        return alerts.signal(client, "journal", "attempt", "e1#r1", written_at=timezone.now())

    out: list[object] = []
    thread = _run(upgrade, out)
    assert reached.wait(20)  # the upgrade has read the alert (not yet answered)
    answered: list[object] = []
    _run(lambda: alerts.answer_check_in(client, check_in.id, "need_help"), answered).join(20)
    go_on.set()
    thread.join(20)
    assert not any(isinstance(o, Exception) for o in out + answered), (out, answered)
    row = RiskAlert.objects.get(pk=alert.pk)
    assert (row.answer, row.level) == ("need_help", "attempt")
    assert row.urgency == alerts.NEED_HELP_URGENCY, row.urgency


def test_an_acknowledgement_racing_an_upgrade_does_not_close_the_higher_level(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """An acknowledgement made while the alert is being upgraded from "ideation" to "attempt" never closes the
    "attempt" alert unseen: either it acknowledged "ideation" and the upgrade re-opens the alert, or it waited for
    the upgrade and acknowledged "attempt" (before the fix: it acknowledged "ideation" after the upgrade had stamped
    ``raised_at`` and before it wrote it, so the "attempt" alert stayed closed)."""
    client, therapist = paired
    alert = alerts.signal(client, "journal", "ideation", "e2#r1", written_at=timezone.now())
    reached, go_on = threading.Event(), threading.Event()
    upgrading = _pause_after(monkeypatch, "_reopen", reached, go_on)

    def upgrade() -> object:
        upgrading.on = True  # type: ignore[attr-defined]
        return alerts.signal(client, "journal", "attempt", "e2#r1", written_at=timezone.now())

    out: list[object] = []
    thread = _run(upgrade, out)
    assert reached.wait(20)  # the upgrade has stamped raised_at, not yet written it
    acked: list[object] = []
    acking = _run(lambda: alerts.acknowledge(therapist, alert.id), acked)
    acking.join(3)  # done at once without the alert's lock; with it, it waits for the upgrade's commit
    go_on.set()
    thread.join(20)
    acking.join(20)
    assert not any(isinstance(o, Exception) for o in out + acked), (out, acked)
    assert len(acked) == 1, acked
    row = RiskAlert.objects.get(pk=alert.pk)
    assert row.level == "attempt"
    levels = [a.level for a in row.acknowledgements.all()]
    if levels == ["attempt"]:  # it waited for the upgrade: what it acknowledged is the attempt-level alert
        assert alert.pk not in [a.pk for a in alerts.open_alerts(therapist)]
    else:
        assert levels == ["ideation"], levels
        assert alert.pk in [a.pk for a in alerts.open_alerts(therapist)], (
            "an attempt-level alert closed unseen"
        )


def test_two_upgrades_at_once_never_lower_the_alert(paired: tuple[Any, Any], monkeypatch: Any) -> None:
    """Two readings of the same words upgrading one alert at once ("behavior" and "attempt") leave it at "attempt"."""
    client, _ = paired
    alert = alerts.signal(client, "journal", "ideation", "e3#r1", written_at=timezone.now())
    reached, go_on = threading.Event(), threading.Event()
    upgrading = _pause_after(monkeypatch, "raise_alert", reached, go_on)

    def behavior() -> object:
        upgrading.on = True  # type: ignore[attr-defined]
        return alerts.signal(client, "journal", "behavior", "e3#r1", written_at=timezone.now())

    out: list[object] = []
    thread = _run(behavior, out)
    assert reached.wait(20)  # the "behavior" reading has read the alert at "ideation"
    _run(lambda: alerts.signal(client, "journal", "attempt", "e3#r1", written_at=timezone.now()), out).join(
        20
    )
    go_on.set()
    thread.join(20)
    assert not any(isinstance(o, Exception) for o in out), out
    row = RiskAlert.objects.get(pk=alert.pk)
    assert (row.level, row.urgency) == ("attempt", alerts.LEVEL_URGENCY["attempt"]), (row.level, row.urgency)
