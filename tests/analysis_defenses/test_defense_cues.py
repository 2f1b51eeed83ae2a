"""The hand-written cues: a word shared with a defense is not the defense.

Three cues fired on sentences that only share a word with the defense and pushed the head to a wrong level
(on the third seen key set: a reaction formation coded acting out for "threw her a party", a devaluation coded
repression for "I don't know why I bother", a passive aggression coded self-assertion for "I told my flatmate I
was fine with it"). Sentences written for this test.
"""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import cue_levels


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We threw my nan a surprise party for her birthday.", 1),  # a party is not acting out
        ("They threw me out of the pub at closing time.", 1),
        ("My colleagues are hopeless, I don't know why I bother going in.", 5),  # an idiom, not repression
        ("I told my sister I was fine with her borrowing the car.", 7),  # a report, not an assertion
        ("I told my boss I'd be late because of the dentist.", 7),
    ],
)
def test_cue_does_not_fire_on_a_shared_word(text: str, level: int) -> None:
    assert cue_levels(text)[level] == 0


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I threw my phone at the wall when she hung up.", 1),
        ("He threw the plates one after another.", 1),
        ("I don't know why I cried at the advert.", 5),
        ("I told my husband I need an evening to myself each week.", 7),
        ("I let my mum know that I won't be coming for Christmas.", 7),
        ("I told my manager I can't keep working Saturdays.", 7),
    ],
)
def test_cue_still_fires_on_the_defense(text: str, level: int) -> None:
    assert cue_levels(text)[level] == 1


def test_fired_cues_are_the_cues_a_full_scan_finds_in_order() -> None:
    """Each sentence's cues are scanned only where its own words allow (exact): the same cues, in order, as
    searching every cue in it, curly apostrophes read as straight."""
    from reverie.analysis.bench import synthetic_entries
    from reverie.analysis.defenses import CUES, fired_cues
    from reverie.analysis.document import split_sentences

    texts = [
        "I told my boss I\u2019d be late because of the dentist.",
        "We threw my nan a surprise party for her birthday.",
        "I TOLD MY MANAGER I CAN'T KEEP WORKING SATURDAYS.",
        *synthetic_entries(count=5),
    ]
    fired = 0
    for text in texts:
        for start, end in split_sentences(text):
            sentence = text[start:end]
            plain = sentence.replace("\u2019", "'")
            expected = tuple(cue for cue in CUES if cue.pattern.search(plain))
            assert fired_cues(sentence) == expected
            fired += len(expected)
    assert fired > 0
