"""Review r102 of h115 (emotions 1.18.0, ambivalence 1.2.0): genuine findings the new rules now hide.

Each text was written for this review (the reviewer's own words, not licensed data) and runs through the real
pipeline (``analysis.pipeline.analyse``, the committed models), read the way the entry page reads a stored analysis
(``insights.observations.read_entry``). Every case below showed the finding before h115 and no longer does.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import Observation, read_entry


def shown(text: str) -> tuple[Observation, ...]:
    """What the entry page's panel shows for ``text``: the real analysis, read as the page reads it."""
    return read_entry(text, analyse(text, "free_association").to_json()).observations


FEELING_BEFORE_THE_MARKER = (
    "I cried all morning. I don't know why I'm like this.",
    "I've been so anxious all week. I don't know why, nothing has changed.",
    "I feel so low lately. I don't know why it's hitting me now.",
    "I was in tears at the bus stop. I can't explain why it happened.",
)


@pytest.mark.parametrize("text", FEELING_BEFORE_THE_MARKER)
def test_a_feeling_named_just_before_i_dont_know_why_is_still_an_unexplained_feeling(text: str) -> None:
    """A client writes "I've been so anxious all week. I don't know why, nothing has changed." Before h115 the entry
    page said "You name a feeling you cannot place yet."; now it says nothing, because ambivalence 1.2.0 looks at the
    sentence before only when the marker ENDS its sentence ("I don't know why."), not when it goes on ("I don't know
    why it's hitting me now", "I don't know why, nothing has changed"). The feeling is named one sentence earlier and
    the marker is about it: they should still see the unexplained-feeling observation."""
    unexplained = [o.key for o in shown(text) if o.analyzer == "unexplained"]
    assert unexplained != []


BODILY_SIGN_BEFORE_THE_MARKER = (
    "My chest gets tight every evening. I don't know why.",
    "My heart was racing all night. I don't know why.",
)


@pytest.mark.parametrize("text", BODILY_SIGN_BEFORE_THE_MARKER)
def test_a_bodily_sign_before_i_dont_know_why_is_still_an_unexplained_feeling(text: str) -> None:
    """A client writes "My heart was racing all night. I don't know why." Before h115 the page said "You name a
    feeling you cannot place yet."; now it says nothing: a bodily sign of a feeling (tight chest, racing heart) is
    neither in the feeling list nor the new state list, and the emotions layer reads the sign as nervousness without
    marking it "stated". An unplaced bodily feeling is the core case of the observation: they should still see it."""
    unexplained = [o.key for o in shown(text) if o.analyzer == "unexplained"]
    assert unexplained != []


GENUINE_JOY_AFTER_AN_EXCLAMATION = (
    "Oh great, my sister had her baby! I just love being an aunt.",
    "Oh brilliant, she said yes! I just love this woman.",
)


@pytest.mark.parametrize("text", GENUINE_JOY_AFTER_AN_EXCLAMATION)
def test_delight_after_good_news_opened_by_oh_great_is_not_sarcasm(text: str) -> None:
    """A client writes "Oh great, my sister had her baby! I just love being an aunt." Before h115 the page said
    "Your words carry love."; now it shows no feeling at all: ``emotion_scope._delight_after`` treats any "I just
    love …" after a sentence opened by "Oh great," as sarcasm, though the news is good (a baby, a yes) and no mishap
    is told. They should see their joy or love, not nothing."""
    positive = [o.key for o in shown(text) if o.analyzer == "feelings"]
    assert positive != []
