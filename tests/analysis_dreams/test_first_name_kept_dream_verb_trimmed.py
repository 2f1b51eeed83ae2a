"""Review r63: dream coder 1.1.5 (h71) trims the words spaCy swept into a PERSON entity
(``reverie.analysis.dreams.characters._name_tokens`` / ``_swept_in``). Each line here was run through the entry
page's findings with the real models (``analyse`` + ``read_entry``), before (1.1.4) and after (1.1.5)."""

from __future__ import annotations

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _said(text: str) -> list[str]:
    return [o.text for o in read_entry(text, analyse(text, "dream").to_json()).observations]


def test_a_first_name_that_is_also_an_auxiliary_is_kept() -> None:
    """A dreamer writes "Will Turner came to the door and I let him in." (their friend Will). 1.1.4 said
    "Will Turner appears in the dream."; 1.1.5 says "Turner appears in the dream.": spaCy tags the name "Will" as
    an auxiliary (AUX), and ``_swept_in`` drops any leading VERB/AUX/DET of the entity, so the person's first name
    is cut off. They should see "Will Turner appears in the dream." ("Will" is a known first name: it opens the
    name, it was not swept in)."""
    said = _said("Will Turner came to the door and I let him in.")
    assert "Will Turner appears in the dream." in said, said


def test_a_dream_verb_before_a_first_name_is_not_part_of_the_name() -> None:
    """r60's "Dreamt Mum" with a name instead of a family word: "Dreamt Sarah came to the door." shows "Dreamt
    Sarah appears in the dream.", as if "Dreamt" were part of Sarah's name (1.1.5 only trims a sentence-opening
    word before a family or person word). They should see "Sarah appears in the dream." """
    said = _said("Dreamt Sarah came to the door.")
    assert not any("Dreamt" in s for s in said), said
    assert "Sarah appears in the dream." in said, said
