"""The published norms table is complete, on the 0–1 scale, and cites its source."""

from __future__ import annotations

from reverie.analysis.dreams.codes import Character, DreamCoding
from reverie.analysis.dreams.indicators import INDICATOR_KEYS, compute_indicators
from reverie.analysis.dreams.norms import (
    NORM_DENOMINATORS,
    NORMS_SOURCE,
    PUBLISHED_NORMS,
    compute_norms,
    norm_denominator,
    published_norm,
)


def test_every_indicator_has_a_published_norm_and_a_denominator() -> None:
    assert set(PUBLISHED_NORMS) == set(INDICATOR_KEYS)
    assert set(NORM_DENOMINATORS) == set(INDICATOR_KEYS)
    for value in PUBLISHED_NORMS.values():
        assert 0.0 <= value.male <= 1.0 and 0.0 <= value.female <= 1.0


def test_a_few_published_values() -> None:
    assert published_norm("male_female", "male") == 0.67
    assert published_norm("male_female", "female") == 0.48
    assert published_norm("ac_index", "male") == 0.34
    assert published_norm("negative_emotions", "female") == 0.80
    assert published_norm("not_an_indicator", "male") is None
    assert norm_denominator("dreams_with_aggression", "male") == 500


def test_source_names_hall_and_van_de_castle() -> None:
    assert "Hall" in NORMS_SOURCE and "Van de Castle" in NORMS_SOURCE and "1966" in NORMS_SOURCE


def test_compute_norms_is_the_indicator_set_of_the_series() -> None:
    series = [DreamCoding(characters=(Character("1MKA"), Character("1FSA")))]
    assert compute_norms(series) == compute_indicators(series)
