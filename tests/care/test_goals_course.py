from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from reverie.care.models import GoalRating
from reverie.care.services import goals
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import Conflict, InvalidInput, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db


def test_goals_from_a_template_agreed_by_the_other_side(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    goal = goals.propose(therapist, course.id, template="voicing_needs")
    with pytest.raises(InvalidInput):
        goals.agree(therapist, goal.id)
    goals.agree(client, goal.id)
    with pytest.raises(Conflict):
        goals.agree(client, goal.id)
    (view,) = goals.goals_for(client, course.id)
    assert view.title == "Voicing my needs" and view.agreed and not view.proposed_by_client


def test_goals_ratings_over_time_within_zero_to_ten(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    goal = goals.propose(client, course.id, title="Saying no at work")
    goals.rate(client, goal.id, 3, on=date(2026, 1, 10))
    goals.rate(client, goal.id, "6", on=date(2026, 2, 10))
    for bad in (11, -1, "seven", 2.5, True):
        with pytest.raises(InvalidInput):
            goals.rate(client, goal.id, bad)
    with pytest.raises(PermissionDenied):
        goals.rate(therapist, goal.id, 5)
    assert GoalRating.objects.count() == 2
    (view,) = goals.goals_for(therapist, course.id)
    assert view.ratings == [(date(2026, 1, 10), 3), (date(2026, 2, 10), 6)] and view.latest == 6


def test_goals_evidence_only_from_the_clients_own_entries(dit: tuple[Any, Any, Any], make_user: Any) -> None:
    client, therapist, course = dit
    goal = goals.propose(client, course.id, template="clear_boundaries")
    mine = journal.create_entry(client, EntryDraft(kind="reflection", body="I said no to my boss."))
    other = make_user(role="client")
    theirs = journal.create_entry(other, EntryDraft(kind="reflection", body="Not yours."))
    goals.link_entry(client, goal.id, mine.id)
    with pytest.raises(NotFound):
        goals.link_entry(client, goal.id, theirs.id)
    with pytest.raises(PermissionDenied):
        goals.link_entry(therapist, goal.id, mine.id)
    goals.link_session(therapist, goal.id, 2)
    with pytest.raises(Conflict):
        goals.link_entry(client, goal.id, mine.id)
    (view,) = goals.goals_for(therapist, course.id)
    assert [e.kind for e in view.evidence] == ["entry", "session"]
    stranger = make_user(role="therapist")
    with pytest.raises(NotFound):
        goals.goals_for(stranger, course.id)
