"""Coder 1.2.0 (h89), each mechanism in voices other than review r78's, both ways: the dream ends at waking, the dreamer
in another body, owners of places and things, deaths told as "passed away", family words read as names, and the one
table of words per emotion class and per indicator. Short texts written for Reverie (no DreamBank text)."""

from __future__ import annotations

from reverie.analysis.document import load_spacy
from reverie.analysis.dreams import code_dream
from reverie.analysis.dreams.boundary import dream_part
from reverie.analysis.dreams.codes import EMOTION_CLIENT_WORDS, EMOTIONS
from reverie.analysis.dreams.indicators import INDICATOR_KEYS, INDICATOR_WORDS


def _dream(text: str) -> str:
    return str(dream_part(load_spacy()(text)).text).strip()


def _labels(text: str) -> list[str]:
    return [c.label for c in code_dream(text).characters]


def test_what_follows_waking_is_left_out_and_the_dream_before_it_kept() -> None:
    assert _dream("We were on a ferry to an island. After I woke, my sister phoned.") == (
        "We were on a ferry to an island."
    )
    assert _dream("A wolf followed me through a forest. Then I woke and my son was crying.") == (
        "A wolf followed me through a forest."
    )
    assert _dream("A goat ran along the pier. Just as the ferry left, I woke up laughing.") == (
        "A goat ran along the pier. Just as the ferry left"
    )
    assert "kitchen" not in _dream("I was on a stage. On waking I went to the kitchen.")


def test_a_waking_the_dream_tells_is_no_end() -> None:
    # the dream's own end, a first sentence that opens with waking, a waking inside the dream, from a sleep it told
    assert "cousin" in _dream("I swam until I woke up, and my cousin was on the shore. It was cold.")
    assert "nurse" in _dream("I woke up in a hospital. A nurse was singing.")
    assert "teacher" in _dream("I was at school. In the dream I woke up and my teacher was there.")
    assert "uncle" in _dream("I lay down on a bench and fell asleep. When I woke, my uncle was there.")
    # 1.2.1 (h95): someone else waking the dreamer is a waking ("My neighbour woke me" ends the dream:
    # test_dream_sought_and_woken.py); a waking the report undoes is not
    assert "baker" in _dream(
        "I walked to town. I woke up, but I was still in the dream, and a baker was there."
    )


def test_people_and_feelings_after_waking_are_not_the_dream() -> None:
    coding = code_dream(
        "I was climbing a mountain. When I woke up my daughter was laughing and I felt relieved."
    )
    assert not coding.characters, [c.label for c in coding.characters]
    assert not coding.emotions, coding.emotions
    kept = code_dream("My brother was climbing with me and I felt relieved. I woke up.")
    assert [c.label for c in kept.characters] == ["brother"] and [e.code for e in kept.emotions] == ["HA"]


def test_the_dreamer_in_another_body_is_the_dreamer() -> None:
    assert _labels("I became a soldier in a war and marched all day.") == []
    assert _labels("I was a young girl and a nurse in an old city.") == []
    assert _labels("I turned into a wolf and a hunter chased me.") == ["hunter"]
    # another person still counts: a predicate noun of someone else, and a person beside the dreamer
    assert _labels("My friend was a pilot. I was with a pilot.") == ["friend", "pilot"]


def test_an_owner_is_there_only_when_the_text_puts_them_there() -> None:
    assert _labels("We sat in my uncle's garden under a tree.") == []
    assert _labels("I drove my dad's car to the sea.") == []
    assert _labels("We sat in my uncle's garden and he poured tea.") == ["uncle"]
    assert _labels("My mother's hand was on my shoulder.") == ["mother"]  # a body part shows her there


def test_passed_away_is_a_death_and_passing_by_no_success() -> None:
    coding = code_dream("My grandfather, who passed on last winter, sat with me by the fire.")
    assert [c.code[:1] for c in coding.characters] == ["3"]
    assert not coding.outcomes
    assert not code_dream("I passed a school and walked on.").outcomes
    assert [o.kind for o in code_dream("I passed the exam after weeks of work.").outcomes] == ["success"]


def test_a_family_word_read_as_a_name_is_family() -> None:
    assert [c.code for c in code_dream("Nan was baking bread.").characters] == ["1FRA"]
    assert [c.code for c in code_dream("Grandma smiled at me.").characters] == ["1FRA"]


def test_one_table_of_words_per_emotion_class_and_per_indicator() -> None:
    assert set(EMOTION_CLIENT_WORDS) == set(EMOTIONS)
    assert "shame" in EMOTION_CLIENT_WORDS["AP"]  # HVdC's apprehension holds shame, guilt and embarrassment
    assert set(INDICATOR_WORDS) == set(INDICATOR_KEYS)
    for words in INDICATOR_WORDS.values():
        assert "/" not in words.label and "%" not in words.label and "index" not in words.label.lower()
