"""h182 (review r132, fault 11): "dinner with Sam was nice, we laughed a lot" showed "Your words carry admiration."

Why: GoEmotions' raters gave praise words ("nice", "great", "amazing", "best") the label admiration, so the head reads
admiration wherever something is praised: an evening, a view, money, and sarcastic praise alike. On the 16 frozen
journal files the entry panel showed admiration that no word of the entry names 20 times, right 6 times: more
often wrong than right, against the panel's rule. Since h182 the panel shows admiration only where the writer names
it ("I admire", "so impressed by") and abstains otherwise; the other feelings of the line are read as before."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _feelings(text: str) -> set[str]:
    result = analyse(text, "free_association").to_json()
    return {o.key.split(":", 1)[1] for o in read_entry(text, result).observations if o.analyzer == "feelings"}


@pytest.mark.parametrize(
    "text",
    [
        "dinner with Sam was nice, we laughed a lot",
        "The walk by the river was lovely.",
        "Great crowd tonight. All four of them. One was asleep.",
    ],
)
def test_praise_no_word_names_as_admiration_is_not_shown_as_admiration(text: str) -> None:
    assert "admiration" not in _feelings(text)


@pytest.mark.parametrize(
    "text",
    [
        "I really admire how my sister handled the whole divorce.",
        "I am so impressed by my colleague Anya.",
    ],
)
def test_admiration_the_writer_names_is_shown(text: str) -> None:
    assert "admiration" in _feelings(text)


def test_the_other_feelings_of_a_line_stay() -> None:
    assert "sadness" in _feelings("Sold the stag. Good money. Sad to see it go.")
