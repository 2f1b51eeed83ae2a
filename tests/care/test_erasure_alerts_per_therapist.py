"""The client's erase page says, per therapist, only the risk alerts that therapist could see (their source written
while the two were linked), not the client's total against every therapist (docs/course.md "Who sees what").
Before, a therapist linked last week was listed as losing every alert since the client joined."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.care.services import alerts, erasure
from reverie.clinic.models import Pair

pytestmark = pytest.mark.django_db


def test_each_therapist_is_counted_only_the_alerts_written_while_linked(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    from reverie.clinic.services import people

    client, first = paired
    now = timezone.now()
    Pair.objects.filter(therapist=first).update(started_at=now - timedelta(days=60))
    alerts.signal(client, "journal", "ideation", "e1#r1", written_at=now - timedelta(days=30))
    second = make_user(role="therapist")
    people.accept_invitation(second, people.issue_invitation(client))
    Pair.objects.filter(therapist=second).update(started_at=now - timedelta(days=10))
    alerts.signal(client, "journal", "ideation", "e2#r1", written_at=now - timedelta(days=5))
    ended = make_user(role="therapist")  # linked from day 50 to day 40 before now: saw none of them
    Pair.objects.create(client=client, therapist=ended, ended_at=now - timedelta(days=40))
    Pair.objects.filter(therapist=ended).update(started_at=now - timedelta(days=50))
    counts = {loss.therapist.pk: loss.removed["alerts"] for loss in erasure.losses(client)}
    assert counts == {first.pk: 2, second.pk: 1, ended.pk: 0}
    page = web_as(client).get("/account/erase/").content.decode()
    assert "2 risk alerts" in page and "1 risk alert" in page
