"""Review r19 (tests/review_r19 on branch r19): three classes of wrong feeling the entry page showed a client, moved
next to the code that now abstains on them (emotions 1.14.0, ambivalence 1.1.0). The lines are read as the entry
page reads them: the full pipeline, then ``read_entry``. The dream class is in tests/analysis_dreams; the risk class
is not here."""

from __future__ import annotations

import pytest

from reverie.analysis.document import load_spacy, prepare
from reverie.analysis.emotion_scope import emotion_words
from reverie.analysis.pipeline import analyse
from reverie.analysis.situations import writers_situation
from reverie.insights.observations import read_entry


def _shown(text: str, kind: str = "reflection") -> list[tuple[str, str]]:
    return [(o.analyzer, o.text) for o in read_entry(text, analyse(text, kind).to_json()).observations]


@pytest.mark.parametrize(
    "text",
    [
        "Today I killed it at the presentation. Even Marcus, who never says anything nice, said good job.",
        "My boss said great work on the report.",
        "The teacher told my son his essay was excellent.",
    ],
)
def test_someone_elses_praise_is_not_the_writers_admiration(text: str) -> None:
    # Shown as "Your words carry admiration." at 0.85-0.93 ("fairly sure"): the praise is the other person's.
    shown = _shown(text)
    assert ("feelings", "Your words carry admiration.") not in shown


@pytest.mark.parametrize(
    "text",
    [
        "Finished the jigsaw puzzle. 1000 pieces. Took three weeks.",
        "Finally finished the quilt. Took four months.",
    ],
)
def test_a_finished_task_and_its_duration_is_not_disappointment(text: str) -> None:
    # "Took three weeks." was shown as disappointment at 0.98 ("fairly sure"); nothing in it is a letdown.
    shown = _shown(text)
    assert ("feelings", "Your words carry disappointment.") not in shown


@pytest.mark.parametrize(
    "text",
    [
        "He keeps saying the contract is fine. That doesn't make sense.",
        "I keep thinking that if I had driven her to the station that night, she would still be here. I know that "
        "doesn't make sense.",
    ],
)
def test_doesnt_make_sense_about_a_thought_is_not_an_unplaced_feeling(text: str) -> None:
    # Shown as "You name a feeling you cannot place yet." (0.9): the phrase judges a claim or a thought, no feeling.
    shown = _shown(text)
    assert not any(analyzer == "unexplained" for analyzer, _ in shown)


# The mechanisms, without the encoder (sentences written for g2, none in the journal sets)


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("My neighbour said my roses were beautiful.", "My neighbour"),
        ("Grandad told me well done after the match.", "Grandad"),
        ("Priya, who hardly talks to anyone, said the slides were great.", "Priya"),
    ],
)
def test_praise_another_person_says_is_their_admiration(text: str, holder: str) -> None:
    words = emotion_words(list(load_spacy()(text)))
    assert [(w.label, w.holder) for w in words] == [("admiration", holder)]


@pytest.mark.parametrize(
    "text",
    [
        "I told her the cake was great.",  # the writer's own praise
        "Mum said the soup was not good.",  # no praise
        "He never says anything nice.",  # no praise said
    ],
)
def test_no_praise_of_anothers_where_none_is_said_by_another(text: str) -> None:
    words = emotion_words(list(load_spacy()(text)))
    assert not any(w.label == "admiration" and not w.writer for w in words)


@pytest.mark.parametrize(
    ("sentence", "tags", "expected"),
    [
        ("Took three weeks.", ["VBD", "CD", "NNS"], False),
        ("It took me all afternoon.", ["PRP", "VBD", "PRP", "DT", "NN"], False),
        ("Took about 3 hours and 20 minutes in total.", ["VBD"], False),
        ("Took the wrong bus and lost my bag.", ["VBD", "DT", "JJ", "NN"], True),
        ("It took me three weeks to get a reply.", ["PRP", "VBD", "PRP"], True),
    ],
)
def test_how_long_a_thing_took_is_no_situation(sentence: str, tags: list[str], expected: bool) -> None:
    assert writers_situation(sentence, tags) is expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The landlord claims the meter is broken. That makes no sense.", False),
        ("I keep replaying the phone call. I know it doesn't make any sense.", False),
        ("It makes no sense but I miss him.", True),
        ("I'm furious with her. It makes no sense.", True),
        ("My feelings don't make sense to me lately.", True),
    ],
)
def test_it_makes_no_sense_marks_an_unplaced_feeling_only_beside_a_feeling(text: str, found: bool) -> None:
    from reverie.analysis.ambivalence import AmbivalenceAnalyzer

    doc = prepare(text)
    kinds = [f.kind for f in AmbivalenceAnalyzer().run(doc)]
    assert ("unexplained_feeling" in kinds) is found


# Review r21 (tests/review_r21 on branch r21): the same two classes in other word orders (emotions 1.15.0)


@pytest.mark.parametrize(
    "text",
    [
        '"Great work," my boss said.',  # the quote first, the say-verb after it
        "According to my boss, it was brilliant work.",
    ],
)
def test_someone_elses_praise_is_not_shown_as_the_writers_admiration(text: str) -> None:
    """Praise quoted before the say-verb, or reported with 'according to', is the speaker's admiration, never shown
    on the entry page as the writer's."""
    assert not any("admiration" in line for _, line in _shown(text, "free_association"))


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ('"Great work," my boss said.', "my boss"),
        ('"Well done," Grandad said after the match.', "Grandad"),
        ("According to my boss, it was brilliant work.", "my boss"),
        ("It was brilliant work, according to my boss.", "my boss"),
    ],
)
def test_praise_quoted_or_reported_with_according_to_is_the_speakers(text: str, holder: str) -> None:
    words = emotion_words(list(load_spacy()(text)))
    assert [(w.label, w.holder.lower()) for w in words] == [("admiration", holder.lower())]


@pytest.mark.parametrize(
    "text",
    [
        '"Great work," I said to myself.',  # the writer's own words
        "According to the map it was two miles. The view was brilliant.",  # no person, another sentence
    ],
)
def test_the_writers_own_praise_stays_the_writers(text: str) -> None:
    words = emotion_words(list(load_spacy()(text)))
    assert all(w.holder == "writer" for w in words)


def test_a_duration_with_me_is_not_read_as_disappointment() -> None:
    """ "It took me three weeks to finish the tax forms." says how long a task took; the entry page shows no
    disappointment (the sentence tells no situation of the writer's)."""
    text = "It took me three weeks to finish the tax forms."
    assert not any("disappointment" in line for _, line in _shown(text, "free_association"))
    assert not writers_situation(text, ["PRP"])
    assert writers_situation("It took me three weeks to finish the forms and I hate it.", ["PRP"])
