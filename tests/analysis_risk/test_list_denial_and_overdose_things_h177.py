"""h177, risk 2.15.1: a denial reaches every item of a list after it, for every rule 2.15.0 added (a matrix, rule x
negation form); an overdose of or on a thing that is no drug is a figure of speech, quoted or not (docs/risk.md,
"2.15.1"). The faults were frozen33-163 ("Denied intent, plan or previous attempts": `attempt` on 2.15.0), -014 and
-190 (an overdose of sun, of podcasts: `attempt` on 2.14.0 and 2.15.0).

Every line below is written for this test, in voices of its own (none is in the bank or a batch). The list forms and
the figures fail on 2.15.0; the guards (a told history after a denial, a real overdose) pass on both, as guards
should."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import lexicon_top as _top
from risk_model import sentence_model

NOTE = "session_note"
JOURNAL = "free_association"

# one phrase of each rule 2.15.0 added, told as an item of a list: (rule, level, phrase)
RULE_PHRASES = [
    (
        "note_attempt_register",
        lex.ATTEMPT,
        "previous suicide attempts",
    ),  # 2.15.3 (h179): a bare attempt needs its sense
    ("note_attempt_register", lex.ATTEMPT, "prior SA"),
    ("note_attempt_register", lex.ATTEMPT, "hanging attempt"),
    ("note_attempt_register", lex.ATTEMPT, "attempted overdose"),
    ("note_attempt_register", lex.ATTEMPT, "hx of SA"),
    ("note_aborted_register", lex.BEHAVIOR, "aborted SA"),
    ("note_act_with_intent", lex.ATTEMPT, "overdose with intent to die"),
    ("note_plan_field", lex.BEHAVIOR, "Plan: hanging"),
    ("note_self_harm_register", lex.BEHAVIOR, "cutting self"),
    ("note_self_harm_register", lex.BEHAVIOR, "self-cutting"),
    ("note_self_harm_register", lex.BEHAVIOR, "burning self"),
    ("note_self_harm_register", lex.BEHAVIOR, "head banging daily"),
    ("note_self_harm_register", lex.BEHAVIOR, "biting hands to break skin"),
    ("note_self_harm_urge", lex.IDEATION, "urges to cut self"),
    ("aborted_attempt", lex.BEHAVIOR, "standing on the platform edge then stepping back"),
    ("self_harm_resumed_verb", lex.BEHAVIOR, "resumed cutting"),
]

# every form of a denial a note uses, over a list and alone
DENIAL_FORMS = [
    "Denies {x}.",
    "Denied intent, plans or {x}.",
    "Denies SI/SH/{x}.",
    "No plan, intent, or {x}.",
    "Nil {x}.",
    "No {x}.",
    "Denied SI, intent, plan, {x} or self-harm.",
    "Negative for SI, plan, {x}.",
    "Never any {x}.",
]
# the list forms, which 2.15.0 read at the rule's level for at least one rule
LIST_FORMS = [f for f in DENIAL_FORMS if "," in f or "/" in f]

# the rules 2.15.0 added whose phrase holds a count or a field keep these forms out of the matrix by design: a count in
# the listed item tells of a real event ("Denied intent, plan or ingestion of 30 x quetiapine" is not read as denied,
# err upward), and the combined preparations need two acts; both are tested by themselves below
COUNTED = [
    (
        "note_ingestion_count",
        lex.ATTEMPT,
        "ingestion of 30 x quetiapine",
        ["Denies {x}.", "No {x}.", "Denies SI/SH/{x}."],
    ),
    (
        "preparation_combined",
        lex.BEHAVIOR,
        "letters written to family, will updated",
        ["Denies {x}.", "Denied intent, plans or {x}.", "Nil {x}.", "Negative for SI, plan, {x}."],
    ),
]

# more list denials, in notes and journals, of their own
LISTS = [
    ("No SI/intent/plan/previous SA.", NOTE),
    ("Nil SI, SH or previous attempts. Protective: children.", NOTE),
    ("Denied thoughts of suicide, plans, prior SA or self-harm.", NOTE),
    ("Negative for SI, plan, prior attempts.", NOTE),
    ("Denied ideation, intent, plan or aborted SA.", NOTE),
    ("No intent, plan or urges to burn self.", NOTE),
    ("I have no plan, intent or history of overdose.", JOURNAL),
]

# a denial, then a history told with its year, its count, its bracket, or after a turn or a new sentence: still read
TOLD_AFTER_A_DENIAL = [
    "Denies current SI, SA 2019 (OD).",
    "No SI today, but previous attempts x2.",
    "No plan; previous SA x3 (2015, 2018, 2021).",
    "Nil SI. Previous attempts x2.",
    "Denies SI, has previous attempts.",
    "Denies SI, previous SA x2 (OD 2018).",
    "No current SI, hx of OD 2015.",
    "Not currently suicidal, prior SA in 2020.",
]

# an overdose of or on a thing that is no drug, quoted or not: a figure of speech
OVERDOSE_THINGS = [
    ("Overdosed on Love Island this summer, no shame.", JOURNAL),
    ("Cl says she 'OD'd on carbs and telly' over Christmas.", NOTE),
    ("took an overdose of fresh air on the hike today", JOURNAL),
    ("Overdosed on sunshine in Crete, burnt to a crisp.", JOURNAL),
    ("Pt 'took an overdose of sea air' on the family holiday, sunburnt and cheerful.", NOTE),
    ("Overdosed on k-drama box sets again, zero regrets.", JOURNAL),
]

# an overdose of a drug, a count, someone's supply, a vague thing, a day, a place, or with its care: still an attempt
OVERDOSE_REAL = [
    ("Overdosed on Sat; 20 x sertraline.", NOTE),
    ("overdosed on my nan's tablets when I was 15", JOURNAL),
    ("Took an overdose of whatever was in the cupboard.", JOURNAL),
    ("I overdosed on the train home and a stranger called 999.", JOURNAL),
    ("Pt overdosed on her partner's methadone, found by him.", NOTE),
    ("I OD'd on Monday and nobody knows.", JOURNAL),
    ("Overdosed on co-codamol and woke up in hospital.", JOURNAL),
    ("Took an overdose of zopiclone and vodka at the weekend.", NOTE),
    ("Overdosed on the blue and white capsules.", JOURNAL),
    ("I overdosed on Lustral last night.", JOURNAL),
    ("overdosed on purpose this time", JOURNAL),
]


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    texts = (
        [f.format(x=x) for _, _, x in RULE_PHRASES for f in DENIAL_FORMS]
        + [f.format(x=x) for _, _, x, forms in COUNTED for f in forms]
        + [t for t, _ in LISTS + OVERDOSE_THINGS + OVERDOSE_REAL]
        + TOLD_AFTER_A_DENIAL
    )
    for text in texts:
        assert text.strip().lower() not in written_texts, text


def test_each_phrase_is_read_at_its_rule_alone() -> None:
    for rule, level, phrase in RULE_PHRASES + [(r, lv, x) for r, lv, x, _ in COUNTED]:
        text = phrase[0].upper() + phrase[1:] + "."
        assert (rule, level, None) in _hits(text, NOTE), (rule, text, _hits(text, NOTE))


@pytest.mark.parametrize("form", DENIAL_FORMS)
@pytest.mark.parametrize(("rule", "level", "phrase"), RULE_PHRASES)
def test_every_rule_of_2_15_0_is_denied_by_every_form(rule: str, level: int, phrase: str, form: str) -> None:
    text = form.format(x=phrase)
    hits = _hits(text, NOTE)
    assert (rule, level, None) not in hits, hits
    assert _top(text, NOTE) < min(level, lex.BEHAVIOR) or _top(text, NOTE) <= lex.INDICATOR, hits


@pytest.mark.parametrize(("rule", "level", "phrase", "forms"), COUNTED)
def test_a_counted_or_combined_rule_is_denied_by_its_forms(
    rule: str, level: int, phrase: str, forms: list[str]
) -> None:
    for form in forms:
        text = form.format(x=phrase)
        assert _top(text, NOTE) <= lex.INDICATOR, (text, _hits(text, NOTE))


def test_the_list_forms_are_the_ones_2_15_0_missed() -> None:
    # the matrix's list forms are what this change reads: on 2.15.0 "Denied intent, plan or previous attempts" was
    # read at `attempt`; the hit is now set aside as denied
    assert "Denied intent, plans or {x}." in LIST_FORMS and "Denies SI/SH/{x}." in LIST_FORMS
    hits = _hits("Denied intent, plans or previous suicide attempts.", NOTE)
    assert ("note_attempt_register", 0, "negation") in hits, hits


@pytest.mark.parametrize(("text", "kind"), LISTS)
def test_a_denial_reaches_the_end_of_its_list(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert _top(text, kind) <= lex.INDICATOR, hits
    assert any(reason == "negation" for _, _, reason in hits), hits


@pytest.mark.parametrize("text", TOLD_AFTER_A_DENIAL)
def test_a_history_told_after_a_denial_is_still_read(text: str) -> None:
    assert ("note_attempt_register", lex.ATTEMPT, None) in _hits(text, NOTE), _hits(text, NOTE)


def test_a_correction_after_not_is_no_list() -> None:
    # "not X, Y": the comma corrects, it does not list; the wish after it stays read
    text = "I'm tired, not hungry tired, tired of being alive."
    assert _top(text, JOURNAL) >= lex.IDEATION, _hits(text, JOURNAL)


@pytest.mark.parametrize(("text", "kind"), OVERDOSE_THINGS)
def test_an_overdose_of_a_thing_is_a_figure(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert any(reason in ("figure_of_speech", "figurative") for _, _, reason in hits), hits
    assert _top(text, kind) < lex.IDEATION, hits


@pytest.mark.parametrize(("text", "kind"), OVERDOSE_REAL)
def test_an_overdose_of_a_drug_or_when_is_still_an_attempt(text: str, kind: str) -> None:
    assert ("attempt_overdose", lex.ATTEMPT, None) in _hits(text, kind), _hits(text, kind)


def test_with_the_shipped_model_the_figures_and_the_lists_do_not_flag() -> None:
    shipped = sentence_model()
    for text, kind in OVERDOSE_THINGS + LISTS:
        result = risk.screen(text, kind, model=shipped)
        assert result.level != "attempt" and result.level != "behavior", (result.level, text)
    for text in TOLD_AFTER_A_DENIAL:
        assert risk.screen(text, NOTE, model=shipped).level == "attempt", text


def test_the_version() -> None:
    assert risk.VERSION == "2.16.5"


# The lead's amendment before frozen34 was read: the open rule read any thing it did not know as no drug, so real
# overdoses of a medicine missing from its lists were set aside as figures, with no flag at all (a probe of 62 names:
# 18 lines at `none`). A thing must now be one known to be no drug (``NOT_A_DRUG``); an unknown name errs toward
# the alarm. These names were missed by the open rule; "Zyxoprol" is a name no list can hold.
UNLISTED_MEDICINES = (
    "Benadryl",
    "Adderall",
    "NyQuil",
    "acetaminophen",
    "melatonin",
    "sleepers",
    "downers",
    "ket",
    "GHB",
    "Zyxoprol",
)


@pytest.mark.parametrize("name", UNLISTED_MEDICINES)
@pytest.mark.parametrize("form", ["I overdosed on {} last night.", "Took an overdose of {} on Friday."])
def test_an_overdose_of_a_name_no_list_knows_is_still_an_attempt(name: str, form: str) -> None:
    text = form.format(name)
    assert ("attempt_overdose", lex.ATTEMPT, None) in _hits(text, JOURNAL), _hits(text, JOURNAL)
    assert risk.screen(text, JOURNAL, model=True).level == "attempt", text


def test_an_overdose_of_a_thing_no_list_knows_errs_toward_the_alarm() -> None:
    # the trade the lead's amendment makes: a thing's name on no list is read as an overdose (a false alarm the person
    # can answer "You misunderstood" to), never a real overdose of an unlisted medicine dismissed. 2.16.0 (h180): games
    # are a kind of thing never a drug ("Mario Kart" is read by its head noun, "kart"), so a made-up name stands here
    text = "Overdosed on Zorblax all weekend lol"
    assert ("attempt_overdose", lex.ATTEMPT, None) in _hits(text, JOURNAL), _hits(text, JOURNAL)
