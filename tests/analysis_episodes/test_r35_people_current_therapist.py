"""Review r35 of h21 (people 1.7.1): the one rule for "the writer's current therapist" both misses current
therapists and still reads strangers as the therapist.

Missed (read ``other``): "Sam became my therapist last year" (any past-tense verb counts as "former"), "Dr Okafor
was my therapist today" (past-tense narration of today's session), "Sam is my therapist, isn't she?" (a tag
question makes the whole sentence a question). Still the therapist: "Sam, my therapist's husband, …" (the
possessive is caught after "is" only, not in an apposition), "My ex therapist Sam" (only "ex-"/"exthera…" are
former), "I don't think Sam is my therapist" and "Sam is hardly my therapist" (negation outside the copula's own
children), "Sam thinks she is my therapist" (someone else's claim), "Sam, my therapist until March" (former by a
date). The three missed are regressions of 1.7.1 (people 1.7.0 read them as
the therapist); the six strangers were read so by 1.7.0 too and are not fixed. The therapist corner of the triangles and the transference mirror count the wrong person either way."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

CURRENT = {
    "became": ("Sam became my therapist last year. She listened.", "Sam"),
    "past_narration": ("Dr Okafor was my therapist today, and she listened.", "Okafor"),
    "tag_question": ("Sam is my therapist, isn't she? She listened.", "Sam"),
}

NOT_THE_THERAPIST = {
    "husband_apposed": ("Sam, my therapist's husband, waved at me today.", "Sam"),
    "ex_unhyphenated": ("My ex therapist Sam waved at me today.", "Sam"),
    "dont_think": ("I don't think Sam is my therapist. She waved.", "Sam"),
    "hardly": ("Sam is hardly my therapist. I met her at the party.", "Sam"),
    "her_claim": ("Sam thinks she is my therapist. She isn't.", "Sam"),
    "until_march": ("Sam, my therapist until March, waved at me today.", "Sam"),
}


def _roles(text: str, name: str) -> set[str]:
    people = analyse(text, "reflection", only=["people"]).of_kind("person")
    return {f.label for f in people if f.data.get("name") == name}


@pytest.mark.parametrize("case", sorted(CURRENT))
def test_r35_a_current_therapist_in_past_tense_or_tag_question_is_the_therapist(case: str) -> None:
    """A person the writer says is their therapist now (became, was … today, isn't she?) is read as the therapist."""
    text, name = CURRENT[case]
    assert _roles(text, name) == {"therapist"}, case


@pytest.mark.parametrize("case", sorted(NOT_THE_THERAPIST))
def test_r35_someone_who_is_not_the_current_therapist_is_not_the_therapist(case: str) -> None:
    """A therapist's husband, an ex therapist, a doubted or claimed or past therapist is never read as therapist."""
    text, name = NOT_THE_THERAPIST[case]
    assert "therapist" not in _roles(text, name), case
