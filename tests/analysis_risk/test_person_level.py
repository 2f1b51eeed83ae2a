"""A person's risk over time: highest recent level with its date, and the trend of scores."""

from __future__ import annotations

from datetime import date, datetime

from reverie.analysis.risk import RiskScreen, person_level


def _screen(level: str, score: float) -> RiskScreen:
    return RiskScreen(level=level, score=score, threshold=0.5, triggers=(), suppressed=())


def test_person_level_reports_the_highest_recent_level_and_its_latest_date() -> None:
    screens = [
        (date(2026, 3, 1), _screen("ideation", 0.7)),
        (date(2026, 3, 10), _screen("indicator", 0.3)),
        (datetime(2026, 3, 12, 9, 30), _screen("ideation", 0.72)),
        (date(2026, 3, 14), _screen("none", 0.05)),
    ]
    result = person_level(screens)
    assert result.level == "ideation" and result.on == date(2026, 3, 12)
    assert result.screens == 4


def test_person_level_ignores_screens_older_than_the_window() -> None:
    screens = [(date(2026, 1, 1), _screen("attempt", 0.95)), (date(2026, 3, 1), _screen("indicator", 0.3))]
    result = person_level(screens, today=date(2026, 3, 2))
    assert result.level == "indicator"


def test_person_level_trend_rising_falling_stable_insufficient() -> None:
    days = [date(2026, 4, d) for d in (1, 5, 9, 13)]
    rising = person_level(zip(days, [_screen("none", s) for s in (0.1, 0.1, 0.5, 0.6)], strict=True))
    falling = person_level(zip(days, [_screen("none", s) for s in (0.6, 0.5, 0.1, 0.1)], strict=True))
    stable = person_level(zip(days, [_screen("none", s) for s in (0.3, 0.32, 0.31, 0.3)], strict=True))
    short = person_level(zip(days[:2], [_screen("none", s) for s in (0.1, 0.9)], strict=True))
    assert (rising.trend, falling.trend, stable.trend, short.trend) == (
        "rising",
        "falling",
        "stable",
        "insufficient",
    )


def test_person_level_with_nothing_is_none() -> None:
    result = person_level([])
    assert result.level == "none" and result.on is None and result.trend == "insufficient"
