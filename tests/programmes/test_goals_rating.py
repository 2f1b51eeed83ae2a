"""Goal templates and the 0–10 progress rating."""

from __future__ import annotations

from datetime import date

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.goals import GOAL_TEMPLATES, check_rating, get_template, rate


def test_goal_templates_from_the_seed() -> None:
    assert [t.key for t in GOAL_TEMPLATES] == [
        "voicing_needs", "clear_boundaries", "available_partners", "mindful_choices", "free_of_old_pattern",
    ]  # fmt: skip
    assert all(t.title and t.description for t in GOAL_TEMPLATES)
    assert get_template("clear_boundaries").title == "Setting clear boundaries"


@pytest.mark.parametrize("value", [0, 5, 10])
def test_check_rating_accepts_scale(value: int) -> None:
    assert check_rating(value) == value


@pytest.mark.parametrize("value", [-1, 11, 100])
def test_check_rating_rejects_outside_scale(value: int) -> None:
    with pytest.raises(InvalidInput, match="between 0 and 10"):
        check_rating(value)


@pytest.mark.parametrize("value", [5.5, "7", None, True])
def test_check_rating_rejects_non_integers(value: object) -> None:
    with pytest.raises(InvalidInput, match="whole number"):
        check_rating(value)


def test_rate_builds_a_rating() -> None:
    rating = rate("  Voicing my needs ", 6, date(2025, 3, 3))
    assert (rating.goal_title, rating.rating) == ("Voicing my needs", 6)


def test_rate_rejects_bad_title_and_value() -> None:
    with pytest.raises(InvalidInput, match="goal title"):
        rate("", 3, date(2025, 3, 3))
    with pytest.raises(InvalidInput, match="between 0 and 10"):
        rate("A goal", 12, date(2025, 3, 3))


def test_get_template_unknown() -> None:
    with pytest.raises(InvalidInput):
        get_template("lose weight")
