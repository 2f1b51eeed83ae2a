"""h178, risk 2.15.2: every rule 2.15.0 and 2.15.1 added passes through every set-aside reading the screen already had
(a matrix, rule x reading: accident, as prescribed, hypothetical, someone else's, fiction, quotation, a closed
history, negation), and a clinician's words of an accident are an accident (docs/risk.md, "2.15.2"). The fault was
frozen34-184 ("Insulin OD 2019 - accidental dosing error": `attempt` on 2.15.1, through 2.15.0's note register, which
the accident reading did not cover); frozen33-163 had been the same mechanism with negation (h177's matrix).

Every line below is written for this test (none is in the bank or a batch), except frozen34-184, read from its seen
batch by id. A cell is held out only where the reading cannot apply to the rule; each is named with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import sentence_model

NOTE = "session_note"
HERE = Path(__file__).resolve().parent

# each rule 2.15.0 added (2.15.1 added readings, no rule): (rule, level, the phrase as a note's fragment, the phrase
# as an act after "If she ever")
RULES = [
    ("note_attempt_register", lex.ATTEMPT, "OD 2019", "had an OD 2019"),
    ("note_attempt_register", lex.ATTEMPT, "previous SA x2", "had previous SA x2"),
    ("note_attempt_register", lex.ATTEMPT, "attempted hanging", "attempted hanging"),
    ("note_aborted_register", lex.BEHAVIOR, "aborted SA", "had an aborted SA"),
    ("note_ingestion_count", lex.ATTEMPT, "ingestion of 30 x quetiapine", "had ingestion of 30 x quetiapine"),
    (
        "note_act_with_intent",
        lex.ATTEMPT,
        "overdose with intent to die",
        "took an overdose with intent to die",
    ),
    ("note_plan_field", lex.BEHAVIOR, "Plan: hanging", "said Plan: hanging"),
    ("note_self_harm_register", lex.BEHAVIOR, "burning self", "was burning self"),
    ("note_self_harm_register", lex.BEHAVIOR, "head banging daily", "was head banging daily"),
    ("note_self_harm_urge", lex.IDEATION, "urges to cut self", "had urges to cut self"),
    (
        "preparation_combined",
        lex.BEHAVIOR,
        "letters written to family, will updated",
        "wrote letters to family and updated her will",
    ),
    (
        "aborted_attempt",
        lex.BEHAVIOR,
        "standing on the platform edge then stepping back",
        "was standing on the platform edge then stepping back",
    ),
]
IDS = [f"{rule}:{phrase}" for rule, _, phrase, _ in RULES]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


# the readings every rule passes through, as a note's forms: the text must not be read at the rule's level
EVERY_RULE_READINGS = {
    "hypothetical": "If she ever {act}, she would call the crisis team.",
    "someone else's (a friend named)": "Pt's friend Sam: {x}.",
    "someone else's (a relative reported)": "Her sister reported {x}.",
    "fiction": "The novel's heroine: {x}.",
    "quotation of a film": "Cl quoted a film character: '{x}'.",
    "negation": "Denies {x}.",
}

# a clinician's accident, of a swallowing and of an injury
SWALLOWING_ACCIDENTS = [
    "{X} – accidental dosing error, GP informed.",
    "{X}, unintentional.",
    "{X} (inadvertent, medication error).",
    "{X} - not intentional.",
    "{X}, no intent, accidental.",
    "{X}, accidental double dose.",
]
INJURY_ACCIDENTS = [
    "{X} – accidental, while cooking.",
    "{X}, unintentional.",
    "{X} - not intentional, happened while asleep.",
    "{X}, inadvertently.",
]
# the rules whose act can be an accident, with their accident forms
ACCIDENT_CELLS = [
    ("note_attempt_register", lex.ATTEMPT, "OD 2019", SWALLOWING_ACCIDENTS),
    ("note_ingestion_count", lex.ATTEMPT, "ingestion of 30 x quetiapine", SWALLOWING_ACCIDENTS),
    ("note_self_harm_register", lex.BEHAVIOR, "burning self", INJURY_ACCIDENTS),
    ("note_self_harm_register", lex.BEHAVIOR, "head banging daily", INJURY_ACCIDENTS),
]
# held out of the accident reading, by design: an attempt named as one ("previous SA x2", "attempted hanging") is meant
# by its word; an aborted attempt, a plan, an urge, a preparation and a step back from the edge cannot be accidents;
# an act with a stated intent to die states the opposite (its sentence is read as an act, the guard below)
ACCIDENT_HELD_OUT = {
    "previous SA x2": "an attempt is meant by its word",
    "attempted hanging": "an attempt is meant by its word",
    "aborted SA": "an aborted attempt cannot be an accident",
    "overdose with intent to die": "the sentence states the intent (the guard)",
    "Plan: hanging": "a plan cannot be an accident",
    "urges to cut self": "an urge cannot be an accident",
    "letters written to family, will updated": "a preparation cannot be an accident",
    "standing on the platform edge then stepping back": "a step back cannot be an accident",
}

# an accident's words with a word of intent, doubted, of another event, in another part, or told as a story: still read
ACCIDENT_GUARDS = [
    ("OD 2019, accidental she says, but intentional per collateral.", "note_attempt_register", lex.ATTEMPT),
    ("OD 2019 – deliberate, not accidental.", "note_attempt_register", lex.ATTEMPT),
    ("OD 2019 and accidental fall 2021.", "note_attempt_register", lex.ATTEMPT),
    ("OD 2015; accidental insulin error 2020.", "note_attempt_register", lex.ATTEMPT),
    ("Pt said OD 2019 was accidental.", "note_attempt_register", lex.ATTEMPT),
    ("OD 2019, no suicidal intent.", "note_attempt_register", lex.ATTEMPT),
    ("OD 2019, denies intent.", "note_attempt_register", lex.ATTEMPT),
    ("Previous SA x2, accidental.", "note_attempt_register", lex.ATTEMPT),
    (
        "Ingestion of 30 x quetiapine, wanted to die, now says accidental.",
        "note_ingestion_count",
        lex.ATTEMPT,
    ),
    ("Burning self, deliberate, not accidental.", "note_self_harm_register", lex.BEHAVIOR),
    ("Burning self x3, not intentional she says.", "note_self_harm_register", lex.BEHAVIOR),
    ("Head banging daily, no intent.", "note_self_harm_register", lex.BEHAVIOR),
    ("Overdose with intent to die, accidental per mum.", "note_act_with_intent", lex.ATTEMPT),
]

# a closed history: the rules that read a note's history ("none since", "as a teenager"), at most an indicator
CLOSED_CELLS = [
    ("note_attempt_register", "OD 2019, none since."),
    ("note_attempt_register", "Previous SA x2, none since."),
    ("note_aborted_register", "Aborted SA in 2018, none since."),
    ("note_self_harm_register", "Burning self as a teenager, none since."),
    ("note_self_harm_register", "Self-cutting in 2016, resolved."),
    ("note_self_harm_urge", "Urges to cut self as a teenager, none since."),
]
# held out of the closed history: a plan field is a current field ("plan" is a word of now); a counted ingestion and an
# act with its intent are a past attempt told in full, kept at attempt (a lifetime attempt); a preparation and a step
# back have no "since" of their own
CLOSED_HELD_OUT = {
    "note_plan_field": "a plan field is current",
    "note_ingestion_count": "a past attempt told in full stays an attempt",
    "note_act_with_intent": "a past attempt told in full stays an attempt",
    "preparation_combined": "a preparation is no history",
    "aborted_attempt": "a step back is no history",
}

# the second act of a combined preparation takes the frame set on the first; an act read first is kept
COMBINED_FRAMES = [
    "Her sister has written letters to each child and updated her will.",
    "Cl's aunt wrote letters to the cousins, then updated her will.",
    "In the film the widow writes letters to her sons and updates her will.",
]
COMBINED_KEPT = [
    "Reports she has written letters to each of her nephews and updated her will, and left her sister's number "
    "on the fridge.",
]


def _hits(text: str) -> list[tuple[str, int, str | None]]:
    return [(h.rule, h.level, h.reason) for h in lex.read(text, NOTE)]


def _read_at_level(text: str, rule: str, level: int) -> bool:
    return (rule, level, None) in _hits(text)


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    texts = (
        [t.format(x=x, act=act) for _, _, x, act in RULES for t in EVERY_RULE_READINGS.values()]
        + [t.format(X=_cap(x)) for _, _, x, forms in ACCIDENT_CELLS for t in forms]
        + [t for t, _, _ in ACCIDENT_GUARDS]
        + [t for _, t in CLOSED_CELLS]
        + COMBINED_FRAMES
        + COMBINED_KEPT
    )
    for text in texts:
        assert text.strip().lower() not in written_texts, text


@pytest.mark.parametrize(("rule", "level", "phrase", "act"), RULES, ids=IDS)
def test_each_phrase_is_read_at_its_rule_alone(rule: str, level: int, phrase: str, act: str) -> None:
    text = _cap(phrase) + "."
    assert _read_at_level(text, rule, level), _hits(text)


@pytest.mark.parametrize("reading", list(EVERY_RULE_READINGS))
@pytest.mark.parametrize(("rule", "level", "phrase", "act"), RULES, ids=IDS)
def test_every_rule_passes_through_every_reading(
    rule: str, level: int, phrase: str, act: str, reading: str
) -> None:
    text = EVERY_RULE_READINGS[reading].format(x=phrase, act=act)
    hits = _hits(text)
    assert (rule, level, None) not in hits, hits
    assert max((lv for _, lv, _ in hits), default=0) <= lex.INDICATOR, hits


@pytest.mark.parametrize(("rule", "level", "phrase", "forms"), ACCIDENT_CELLS, ids=lambda v: str(v)[:40])
def test_a_clinical_accident_is_an_accident_for_every_rule_that_reads_such_an_act(
    rule: str, level: int, phrase: str, forms: list[str]
) -> None:
    for form in forms:
        text = form.format(X=_cap(phrase))
        hits = _hits(text)
        assert (rule, level, None) not in hits, (text, hits)
        assert (rule, 0, "accident") in hits, (text, hits)


def test_the_accident_cells_and_the_held_out_cover_every_rule() -> None:
    covered = {phrase for _, _, phrase, _ in ACCIDENT_CELLS} | set(ACCIDENT_HELD_OUT)
    assert covered == {phrase for _, _, phrase, _ in RULES}
    closed = {rule for rule, _ in CLOSED_CELLS} | set(CLOSED_HELD_OUT)
    assert closed == {rule for rule, _, _, _ in RULES}


@pytest.mark.parametrize(("phrase", "why"), sorted(ACCIDENT_HELD_OUT.items()))
def test_a_rule_held_out_of_the_accident_reading_stays_read(phrase: str, why: str) -> None:
    rule, level = next((r, lv) for r, lv, x, _ in RULES if x == phrase)
    text = _cap(phrase) + ", accidental."
    assert _read_at_level(text, rule, level), (why, _hits(text))


@pytest.mark.parametrize(("text", "rule", "level"), ACCIDENT_GUARDS)
def test_an_accident_with_intent_doubted_or_of_another_event_is_still_read(
    text: str, rule: str, level: int
) -> None:
    assert _read_at_level(text, rule, level), _hits(text)


@pytest.mark.parametrize(("rule", "text"), CLOSED_CELLS)
def test_a_closed_history_is_read_for_every_rule_that_reads_a_history(rule: str, text: str) -> None:
    hits = _hits(text)
    assert all(lv <= lex.INDICATOR for r, lv, _ in hits if r == rule), hits


def test_the_older_rules_keep_their_accident_reading() -> None:
    # the plain words as before, and a clinician's words for every swallowing rule; the apostrophe of "OD'd" is no
    # quote mark telling a story (it set the accident aside on 2.15.1)
    assert ("attempt_overdose", 0, "accident") in _hits("Overdosed on her insulin by accident, GP aware.")
    assert ("attempt_overdose", 0, "accident") in _hits("Pt OD'd on paracetamol by accident, GP aware.")
    assert ("attempt_overdose", 0, "accident") in _hits("Pt OD'd on paracetamol, accidental dosing error.")
    assert _read_at_level(
        "Pt OD'd on paracetamol, said it was 'by accident'.", "attempt_overdose", lex.ATTEMPT
    )
    assert _read_at_level(
        "Pt OD'd on paracetamol; told A&E it was by accident.", "attempt_overdose", lex.ATTEMPT
    )
    assert _read_at_level(
        "Pt OD'd on paracetamol by accident, she says, but meant to.", "attempt_overdose", lex.ATTEMPT
    )


@pytest.mark.parametrize("text", COMBINED_FRAMES)
def test_a_combined_preparation_takes_the_frame_of_its_first_act(text: str) -> None:
    hits = _hits(text)
    assert ("preparation_combined", lex.BEHAVIOR, None) not in hits, hits


@pytest.mark.parametrize("text", COMBINED_KEPT)
def test_a_combined_preparation_read_first_is_kept(text: str) -> None:
    assert _read_at_level(text, "preparation_combined", lex.BEHAVIOR), _hits(text)


def test_frozen34_184_is_an_accident_with_the_shipped_model() -> None:
    # seen since the lead measured frozen34 once (README_frozen34.md); read here by id, not copied
    path = HERE / "challenge_frozen34.jsonl"
    item = next(
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] == "frozen34-184"
    )
    text = str(item["text"])
    assert ("note_attempt_register", 0, "accident") in _hits(text)
    assert risk.screen(text, NOTE, model=sentence_model()).level != "attempt"


def test_with_the_shipped_model_the_accidents_are_below_attempt() -> None:
    shipped = sentence_model()
    for _, _, phrase, forms in ACCIDENT_CELLS[:2]:
        for form in forms:
            text = form.format(X=_cap(phrase))
            assert risk.screen(text, NOTE, model=shipped).level != "attempt", text
    for text, _, _ in ACCIDENT_GUARDS[:3]:
        assert risk.screen(text, NOTE, model=shipped).level == "attempt", text


def test_the_version() -> None:
    assert risk.VERSION == "2.16.5"
