"""Review r19 (tests/review_r19 on branch r19): a dream feeling the dreamer denies was shown as theirs ("It felt
peaceful, not scary." → "In the dream you feel apprehension.", then "Fear or worry" on the dreams page). The
pipeline parses only sentences with a person, so the denial had a flat tree and no ``neg``: dreams 1.1.2 reads the
negator in the words. Moved here from the review; the lines are read as the entry page reads them."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _shown(text: str, kind: str = "dream") -> list[tuple[str, str]]:
    return [(o.analyzer, o.text) for o in read_entry(text, analyse(text, kind).to_json()).observations]


@pytest.mark.parametrize(
    "text",
    [
        "Dream: I was flying over a city made of glass, very slowly. It felt peaceful, not scary.",
        "Dream: I was walking through a forest at night. It felt calm, not scary.",
    ],
)
def test_a_dream_feeling_the_dreamer_denies_is_not_shown(text: str) -> None:
    # "not scary" was shown as "In the dream you feel apprehension." and then linked to waking entries on the dream
    # page as "Fear or worry".
    shown = _shown(text)
    assert ("dreams", "In the dream you feel apprehension.") not in shown


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Dream: I was lost in a huge hotel. It wasn't frightening, just strange.", set()),
        ("Dream: the river rose around the house. Nothing scary about it, oddly.", set()),
        ("Dream: I was lost in a huge hotel. It was frightening.", {"AP"}),  # said, not denied
        ("Dream: I climbed the tower. It felt scary, not peaceful.", {"AP"}),
    ],
)
def test_a_denied_dream_feeling_is_not_coded_in_a_sentence_the_parser_skips(
    text: str, codes: set[str]
) -> None:
    findings = analyse(text, "dream").to_json()["findings"]
    coded = {
        f["data"]["code"] for f in findings if f["kind"] == "dream_code" and f["label"].startswith("emotion:")
    }
    assert coded == codes
