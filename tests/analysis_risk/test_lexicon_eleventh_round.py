"""Attribution, and false alarms by mechanism (eleventh round, issue 12).

Sentences written for this test (none from the bank or a challenge batch, asserted below):

- an act told about someone named with a possessive inside a phrase ("a woman from my building overdosed", "our son
  overdosed") is someone else's (``third_person``, at most ``indicator``), never the writer's ``attempt``; the
  writer's own act after such a mention keeps its level;
- a past wish told with its time and turned to the present ("Last spring I wished I was dead. These days I …"), or
  its time named as over ("my suicidal days are over"), is ``recovery`` (``indicator``); a wish still there, back,
  or only believed over keeps ``ideation``, and a past act keeps its level (C-SSRS attempt history);
- an injury told with its material but no article ("on broken glass", "on sharp tin") or in dialect ("burned me
  arm on the grill") is an ``injury``; a hurt whose sentence says it was meant ("because I wanted to feel it") is
  not an accident, whatever it was done on;
- a negation fronted with a time adverbial ("never in my life I …", "never once I …") governs the clause after it;
  "never before … like this" and "no I …" do not; a counted word inside a negated phrase ("suicide" in "never …
  thought about suicide") is negated with it, and a later phrase of the writer's own still counts;
- someone's question answered "no" as the next sentence ("… asked if … . Honestly, no.") is a negation for the
  sentence model (question and answer, reason ``negation``); answered "yes" the same way, the writer's own.
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, screen

OTHERS_ACTS = (
    "A woman from my building overdosed last month.",
    "The lass from our stables took an overdose at the weekend.",
    "Our son overdosed in March and is home now.",
    "My cousin from our village overdosed after the funeral.",
    "A man at our church hanged himself in the spring.",
    "Somebody on my ward tried to hang herself on Sunday night.",
    "A bloke from my old job took an overdose.",
)
OWN_ACTS = (
    "A guy from my team texted, and after he left I tried to kill myself.",
    "After my shift I overdosed on my tablets.",
    "At my worst I took an overdose.",
    "Sitting at my desk, overdosed on the pills I saved.",
    "A girl from our block overdosed, and last night I took an overdose too.",
)

PAST_WISHES_OVER = (
    "Last spring I wished I was dead. These days I walk the dog and cook for my mum.",
    "Two years ago I wanted to die; now I coach the netball team on Saturdays.",
    "When I was a teenager I wanted to kill myself. It was long ago, I have a family now.",
    "My suicidal days are over, I swim every morning before work.",
    "The darkest time is behind me and the suicidal thoughts are gone, my sister says I laugh more.",
)
WISHES_NOW = (
    "Last spring I wished I was dead. These days I still do, most nights.",
    "Two years ago I wanted to die. Now I want to die again.",
    "A few months ago I wanted to kill myself.",
    "I thought the suicidal time was behind me, but it's back.",
    "The suicidal thoughts are gone for now but they creep in at night.",
)
PAST_ACTS = (
    "Last spring I tried to kill myself; now I am back at college.",
    "Two years ago I took an overdose. Today I ran a 10k.",
)

INJURIES = (
    "Cut myself on broken glass sweeping the yard after the party.",
    "Burned me arm on the grill flipping burgers for the lads.",
    "Cut myself on sharp tin opening the beans, plaster on now.",
)
MEANT = (
    "Cut myself on broken glass because I wanted to feel it.",
    "Burned me arm on the hob on purpose after the row.",
)

FRONTED_NEGATIONS = (
    "Never in my life I wanted to die, not even after the divorce.",
    "Never once I thought of killing myself, whatever the doctor wrote.",
)
NEGATED_WORD = "Never in all my years I thought about suicide, not even in the worst winters."
COUNTED_AFTER = "I have never thought about suicide before, but tonight I think about killing myself."
NOT_SINCE = "I haven't tried to commit suicide since the summer of 2019."
NOT_FRONTED = (
    "Never before I wanted to die like this, tonight I do.",
    "No I want to die, leave me alone.",
    "Never in my life I wanted to die like this.",
)
DENIED = (
    "The practice nurse asked if I ever feel I would be better off gone. Honestly, no. I like my life.",
    "My sister asks whether I wish it would all stop. No. I am just tired of the commute.",
    "The locum asked if I had thought of ending things. Truthfully, no, never. Just tired.",
)
AFFIRMED = (
    "The practice nurse asked if I wanted to end it all. Yes.",
    "The locum asked if I wanted to kill myself. Yeah, most days.",
)

DROPPED_SUBJECT = (
    "Filled the tank with the hose on Saturday, didn't tell anybody.",
    "Rang my brother on Sunday about where the will is.",
    "Texted our Kev in March, haven't told anyone else.",
)
OTHERS_SUBJECT = (
    "On Saturday my brother said he wants to vanish for good.",
    "In March the neighbour tied a rope in his garage.",
)
NAMED_TABLETS = (
    "I swallowed all my dad's heart pills after he went to bed.",
    "Took all of my nan's blood pressure tablets an hour ago.",
)


def test_none_of_these_sentences_is_in_the_bank_or_a_batch(written_texts: frozenset[str]) -> None:
    ours = (
        OTHERS_ACTS
        + OWN_ACTS
        + PAST_WISHES_OVER
        + WISHES_NOW
        + PAST_ACTS
        + INJURIES
        + MEANT
        + FRONTED_NEGATIONS
        + NOT_FRONTED
        + DENIED
        + AFFIRMED
    )
    assert not {s.lower() for s in ours} & written_texts


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_someone_elses_act_named_through_a_possessive_phrase_is_not_the_writers(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "indicator"
    assert any(s.reason == "third_person" for s in result.suppressed)


@pytest.mark.parametrize("text", OTHERS_ACTS)
def test_someone_elses_act_never_reaches_attempt_with_the_model(text: str) -> None:
    assert LEVELS.index(screen(text).level) < LEVELS.index("behavior")


@pytest.mark.parametrize("text", OWN_ACTS)
def test_the_writers_own_act_after_a_mention_of_someone_stays_an_attempt(text: str) -> None:
    assert screen(text, model=False).level == "attempt"


@pytest.mark.parametrize("text", PAST_WISHES_OVER)
def test_a_past_wish_turned_to_the_present_is_recovery(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "indicator"
    assert any(s.reason == "recovery" for s in result.suppressed)


@pytest.mark.parametrize("text", WISHES_NOW)
def test_a_wish_still_there_back_or_only_believed_over_stays_ideation(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "ideation"
    assert not any(s.reason == "recovery" for s in result.suppressed)


@pytest.mark.parametrize("text", PAST_ACTS)
def test_a_past_attempt_keeps_its_level_however_it_is_told(text: str) -> None:
    assert screen(text, model=False).level == "attempt"


@pytest.mark.parametrize("text", INJURIES)
def test_an_injury_with_its_material_or_in_dialect_is_set_aside(text: str) -> None:
    result = screen(text, model=False)
    assert result.level in ("none", "indicator")
    assert any(s.reason == "injury" for s in result.suppressed)


@pytest.mark.parametrize("text", MEANT)
def test_a_hurt_said_to_be_meant_is_not_an_accident(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "behavior"
    assert not any(s.reason == "injury" for s in result.suppressed)


@pytest.mark.parametrize("text", FRONTED_NEGATIONS)
def test_a_negation_fronted_with_a_time_adverbial_governs_the_clause(text: str) -> None:
    result = screen(text, model=False)
    assert result.level == "none"
    assert any(s.reason == "negation" for s in result.suppressed)


@pytest.mark.parametrize("text", NOT_FRONTED)
def test_never_before_like_this_and_a_bare_no_do_not_negate(text: str) -> None:
    assert screen(text, model=False).level == "ideation"


@pytest.mark.parametrize("text", DENIED)
def test_a_question_answered_no_in_the_next_sentence_is_not_raised_by_the_model(text: str) -> None:
    result = screen(text)
    assert not result.flagged
    assert not any(t.rule == "model" for t in result.triggers)


def test_the_question_and_its_bare_no_are_negation_for_the_sentence_model() -> None:
    from reverie.analysis import risk_lexicon as lex
    from reverie.analysis.risk import sentence_spans

    text = DENIED[1]
    assert lex.sentence_reasons(text, "free_association", sentence_spans(text))[:2] == [
        "negation",
        "too_short",
    ]
    text = DENIED[2]
    assert lex.sentence_reasons(text, "free_association", sentence_spans(text))[:2] == [
        "negation",
        "negation",
    ]


@pytest.mark.parametrize("text", AFFIRMED)
def test_a_question_answered_yes_in_the_next_sentence_is_the_writers_own(text: str) -> None:
    assert screen(text, model=False).level == "ideation"


@pytest.mark.parametrize("text", DROPPED_SUBJECT)
def test_a_day_or_an_object_is_not_the_subject_of_a_dropped_subject_sentence(text: str) -> None:
    from reverie.analysis import risk_lexicon as lex
    from reverie.analysis.risk import sentence_spans

    assert lex.sentence_reasons(text, "free_association", sentence_spans(text)) == [None]


@pytest.mark.parametrize("text", OTHERS_SUBJECT)
def test_a_sentence_about_someone_else_stays_set_aside(text: str) -> None:
    from reverie.analysis import risk_lexicon as lex
    from reverie.analysis.risk import sentence_spans

    assert lex.sentence_reasons(text, "free_association", sentence_spans(text)) == ["third_person"]


@pytest.mark.parametrize("text", NAMED_TABLETS)
def test_an_overdose_of_someones_named_tablets_is_an_attempt(text: str) -> None:
    assert screen(text, model=False).level == "attempt"


def test_a_counted_word_inside_a_negated_phrase_is_negated_with_it() -> None:
    result = screen(NEGATED_WORD, model=False)
    assert result.level == "none"
    assert not result.triggers
    assert {s.reason for s in result.suppressed} == {"negation"}


def test_a_later_phrase_of_the_writers_own_still_counts_after_a_negated_one() -> None:
    assert screen(COUNTED_AFTER, model=False).level == "ideation"


def test_a_negated_time_since_leaves_the_word_inside_counted() -> None:
    # "haven't tried … since 2019" tells of a past act: the word inside keeps its level
    assert screen(NOT_SINCE, model=False).level == "ideation"
