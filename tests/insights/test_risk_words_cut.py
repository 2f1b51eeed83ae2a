"""A quote never holds the words the risk screen read in part (review r77): the evidence is chosen by whole
sentences before it is cut, and a quote already cut inside a risk phrase is caught by the phrase's first words."""

from __future__ import annotations

from reverie.analysis.summary import quote
from reverie.insights.observations import Risk, risk_free_head, stronger, without_risk_words

BODY = "My mother rang again today and we argued. I want to end my life. Then we had tea."


def test_only_the_whole_sentences_before_the_risk_words_are_quoted() -> None:
    head = risk_free_head(BODY, ["end my life"])
    assert head == "My mother rang again today and we argued."
    assert risk_free_head("I want to END my   life. Then tea.", ["end my life"]) == ""
    assert risk_free_head(BODY, []) == BODY


def test_a_quote_cut_inside_a_risk_phrase_is_caught() -> None:
    text = "My mother rang again today and we argued I want to end my life. Then we had tea."
    cut = quote(text, 0, len(text), limit=60)
    assert cut.endswith("end my …")  # the quote limit falls inside the phrase
    assert without_risk_words((cut,), ["end my life"]) == ()
    assert without_risk_words(("We went to the end of the pier …",), ["end my life"]) == (
        "We went to the end of the pier …",
    )


def test_the_stronger_reading_of_risk_is_shown() -> None:
    assert stronger(None, None) is None
    assert stronger(Risk("indicator"), Risk("ideation", model_alone=True)) == Risk(
        "ideation", model_alone=True
    )
    assert stronger(Risk("ideation", model_alone=True), Risk("ideation")) == Risk("ideation")
