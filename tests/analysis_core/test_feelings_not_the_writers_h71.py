"""Emotions 1.17.0 (h71, after review r60): the four mechanisms behind the feelings the entry page credited to the
writer that were someone else's or the opposite of theirs (``test_others_feelings_in_journal.py`` holds r60's
entries), each in lines written for this test, in both directions: a feeling verb's subject holds it; a feeling
wished of someone else is theirs; a laugh that dismisses is no amusement; tears over good news or named as joy's
are not sadness."""

from __future__ import annotations

import pytest
from emotion_scope_kit import THRESHOLDS, probs_of
from emotion_scope_kit import decide_text as _decide
from emotion_scope_kit import moods as _moods

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import cues, decide, emotion_words


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("The congregation was weeping.", "The congregation"),
        ("The whole jury laughed.", "The whole jury"),
        ("Half the choir was crying.", "Half the choir"),
        # the writer's own laughter and tears stay the writer's, in company too
        ("I was laughing so hard.", "writer"),
        ("Our whole table was laughing.", "writer"),
        ("Me and my cousin were giggling.", "writer"),
        ("The film made me cry.", "writer"),
    ],
)
def test_a_feeling_verbs_subject_holds_it(text: str, holder: str) -> None:
    assert [(w[0], w[1]) for w in _moods(text)][:1] in ([("amusement", holder)], [("sadness", holder)]), (
        _moods(text)
    )


def test_a_feeling_wished_of_someone_else_is_not_the_writers() -> None:
    assert "gratitude" not in _decide("I just wanted her to say thank you for once.", gratitude=0.7)
    assert "remorse" not in _decide("I needed my dad to apologise.", remorse=0.6)
    # the writer's own act, or the writer's letdown at the wish, stays
    assert "gratitude" in _decide("I wanted to say thank you.", gratitude=0.7)
    assert "disappointment" in _decide("I wanted him to say sorry.", remorse=0.6, disappointment=0.5)


def test_a_laugh_that_dismisses_is_no_amusement() -> None:
    assert "amusement" not in _decide("We laughed it off but I was stung.", amusement=0.6)
    assert "amusement" not in _decide("I laughed the comment away.", amusement=0.6)
    assert "amusement" in _decide("We laughed all evening.", amusement=0.6)


def _read(text: str, *, news: bool, **given: float) -> tuple[str, ...]:
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]]
    words = emotion_words(list(load_spacy()(text)))
    return decide(probs, THRESHOLDS, chosen, words, cues(text, news=news)).labels


def test_tears_over_good_news_or_named_as_joy_are_not_sadness() -> None:
    assert "sadness" not in _read("I sobbed in the kitchen.", news=True, sadness=0.85)
    assert "sadness" not in _read("Happy tears all round when she walked in.", news=False, sadness=0.6)
    assert "sadness" not in _read(
        "I cried with relief when the scan came back clear.", news=False, sadness=0.6
    )
    # tears with no good news, or said against it, stay sadness
    assert "sadness" in _read("I sobbed in the kitchen.", news=False, sadness=0.85)
    assert "sadness" in _read("Got the job but I cried because Dad isn't here.", news=True, sadness=0.85)
