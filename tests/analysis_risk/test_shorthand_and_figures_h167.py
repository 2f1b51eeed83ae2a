"""h167, risk 2.14.0: a note's shorthand for the client's own act, self-harm resumed, an interrupted hanging and a
preparation told without a risk word are read; a figure of speech, someone else's shorthand and an everyday look-alike
are not (docs/risk.md, "2.14.0").

h166's 2.14.0 (lost with its branch) read "describes the mortgage as 'a noose round my neck'" at ``attempt``: here a
quoted description of a thing, a simile and a thing's metaphor are set aside as ``figurative`` before any rule's
reading counts. Every line below is written for this test, in voices of its own (none is in the bank or a batch)."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import sentence_model

NOTE = "session_note"
JOURNAL = "free_association"
ATTEMPT, BEHAVIOR = lex.ATTEMPT, lex.BEHAVIOR

# (text, kind, rule, level): the client's or the writer's own act, read by the rule at its level (no rule named: an
# earlier rule reads it first, the new one overlapping it)
OWN = [
    ("Deliberate overdose of mirtazapine Fri night, seen in ED, MFFD.", NOTE, "attempt_shorthand", ATTEMPT),
    ("Impression: intentional ingestion approx 16h before arrival.", NOTE, "attempt_shorthand", ATTEMPT),
    ("ODs x3 this year per GP letter.", NOTE, "attempt_shorthand", ATTEMPT),
    ("NSSI x2 since last review, both to L thigh.", NOTE, "self_harm_shorthand", BEHAVIOR),
    ("SIB x5 on the late shift, staff intervened.", NOTE, "self_harm_shorthand", BEHAVIOR),
    ("Fresh DSH seen to the inner arm at review.", NOTE, "self_harm_shorthand", BEHAVIOR),
    ("O/E multiple linear cuts R shin, self-inflicted, healing.", NOTE, "noted_self_harm_label", BEHAVIOR),
    (
        "Self-inflicted burns to both palms noted by the practice nurse.",
        NOTE,
        "noted_self_harm_label",
        BEHAVIOR,
    ),
    ("went back to scratching. forearms a mess by midnight", JOURNAL, "self_harm_resumed_verb", BEHAVIOR),
    (
        "Restarted burning after the funeral, I hide it under my watch strap.",
        JOURNAL,
        "self_harm_resumed_verb",
        BEHAVIOR,
    ),
    ("Relapsed into NSSI last wk after 10 months free.", NOTE, "self_harm_resumed_verb", BEHAVIOR),
    ("Started headbanging again on Sunday.", JOURNAL, "self_harm_resumed_verb", BEHAVIOR),
    ("Cut again Wed after the row with her mum, kept it from her husband.", NOTE, "", BEHAVIOR),
    (
        "climbed on the stool with the flex round my neck then my phone rang and I stepped off",
        JOURNAL,
        "attempt_interrupted",
        ATTEMPT,
    ),
    (
        "Housemate found her with a belt tied around her neck to the banister.",
        NOTE,
        "attempt_interrupted",
        ATTEMPT,
    ),
    ("Her husband cut her down from the loft hatch on Sat.", NOTE, "attempt_interrupted", ATTEMPT),
    ("been saving up my diazepam, it's for if it gets too much", JOURNAL, "preparation_ending", BEHAVIOR),
    ("Rehomed the rabbits for good. Nothing left to do now.", JOURNAL, "preparation_ending", BEHAVIOR),
    ("Looked up how high the viaduct is. Nobody would notice.", JOURNAL, "preparation_ending", BEHAVIOR),
    (
        "Wrote a letter to each of the boys for after and put them in the bread bin.",
        JOURNAL,
        "preparation_ending",
        BEHAVIOR,
    ),
]

# (text, kind, reason): a figure of speech set aside, its own words the evidence
FIGURES = [
    ("Calls her overdraft 'a noose round her neck'. Denies SI, budgeting with StepChange.", NOTE),
    ("Refers to the night shifts as 'a rope round my neck'; clarified, no thoughts of ending life.", NOTE),
    ("Says the tenancy is 'a noose'. No SI.", NOTE),
    ("This thesis is a noose round my neck and the viva is in June.", JOURNAL),
    ("The arrears feel like a rope round my neck every time the post comes.", JOURNAL),
    ("at work it's as though a noose were round my neck from nine till six", JOURNAL),
]

# someone else's act in a note's shorthand: theirs, never the client's
OTHERS = [
    "Friend of YP took an overdose on Sat; YP upset, no concerns re YP.",
    "Cousin of pt: intentional OD last month. Pt no SI.",
    "Dad hx of DSH x3 in his 20s. Cl denies SH.",
    "Peer on the unit tied a cord round her neck to the bed frame; pt saw it, shaken.",
    "Pt's stepdad - deliberate OD in March, now in rehab.",
]

# everyday look-alikes of the new rules: nothing at behavior or above
EVERYDAY = [
    ("Trimmed my fringe again, looks awful.", JOURNAL),
    ("back to burning the midnight oil for the audit", JOURNAL),
    ("Resumed cutting the hedges now the nesting season is over.", JOURNAL),
    ("Relapsed with the crisps again, day one tomorrow.", JOURNAL),
    ("relapsed on the vape after the gig", JOURNAL),
    ("Wore my scarf round my neck all day, it was bitter out.", JOURNAL),
    ("the lanyard round his neck said VISITOR", JOURNAL),
    ("Saving up my tablets before the pharmacy's bank holiday closure.", JOURNAL),
    ("Wrote a will after the twins were born, the solicitor was lovely.", JOURNAL),
    ("Looked up the height of the cliff for the climbing trip.", JOURNAL),
    ("Gave the dog to my sister for good because of my allergy.", JOURNAL),
    ("Wrote thank-you cards to my team before I go on leave.", JOURNAL),
    ("Wrote letters to my nieces tonight.", JOURNAL),
    ("Accidental OD x1 (mixed up her pens), no intent.", NOTE),
    ("Not self-inflicted: burns from the chip pan at work.", NOTE),
    ("No fresh SH on review.", NOTE),
]


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    for text in [t for t, *_ in OWN] + [t for t, _ in FIGURES] + OTHERS + [t for t, _ in EVERYDAY]:
        assert text.strip().lower() not in written_texts, text


@pytest.mark.parametrize(("text", "kind", "rule", "level"), OWN)
def test_the_own_act_is_read_by_its_rule(text: str, kind: str, rule: str, level: int) -> None:
    hits = _hits(text, kind)
    assert max(lvl for _, lvl, reason in hits if reason is None) >= level, hits
    assert not rule or (rule, level, None) in hits, hits


@pytest.mark.parametrize(("text", "kind"), FIGURES)
def test_a_figure_of_speech_is_never_an_act(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert any(reason == "figurative" for _, _, reason in hits), hits
    assert max((level for _, level, _ in hits), default=0) < lex.IDEATION, hits


def test_the_figures_words_are_its_evidence() -> None:
    text = "Likened the job to 'a noose round my neck', laughing; no SI."
    figurative = [h for h in lex.read(text, NOTE) if h.reason == "figurative"]
    assert figurative
    assert any("noose" in text.lower()[h.start : h.end] for h in figurative)


def test_the_screen_sets_the_figure_aside_and_counts_it() -> None:
    # the screen (with the shipped model where it is installed) neither flags nor reaches attempt on a note's figure
    result = risk.screen("Describes the overdraft as 'a noose round her neck'; clarified - denies SI.", NOTE)
    assert result.level != "attempt"
    assert any(s.reason == "figurative" for s in result.suppressed)
    assert "figurative" in risk.REASONS and "figurative" not in risk.FEATURE_REASONS


def test_a_person_described_is_no_figure() -> None:
    # a quotation describing the client herself is read as her words ("better off dead" is a wish)
    hits = _hits("Describes herself as 'better off dead'.", NOTE)
    assert not any(reason == "figurative" for _, _, reason in hits)
    assert max(level for _, level, _ in hits) >= lex.IDEATION


def test_the_act_itself_beside_a_simile_is_still_read() -> None:
    # a simile elsewhere in the sentence does not reach an act told plainly
    hits = _hits("Stood on the chair with the cord round my neck, felt like a ghost, then got down.", JOURNAL)
    assert ("attempt_interrupted", ATTEMPT, None) in hits


@pytest.mark.parametrize("text", OTHERS)
def test_someone_elses_shorthand_is_theirs(text: str) -> None:
    hits = _hits(text, NOTE)
    assert hits and all(level <= lex.INDICATOR for _, level, _ in hits), hits
    assert any(reason == "third_person" for _, _, reason in hits), hits


def test_the_head_of_n_of_client_is_the_owner_only_for_a_person_noun() -> None:
    # "friend of YP": the friend's; "history of pt": no person, the client's
    assert ("attempt_named", lex.INDICATOR, "third_person") in _hits(
        "Friend of YP attempted suicide in May.", NOTE
    )
    assert ("attempt_shorthand", ATTEMPT, None) in _hits("Review of pt: intentional OD Mon.", NOTE)


@pytest.mark.parametrize(("text", "kind"), EVERYDAY)
def test_an_everyday_look_alike_is_not_read(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert max((level for _, level, _ in hits), default=0) < BEHAVIOR, hits


def test_a_preparation_needs_an_ending_cue_and_no_everyday_purpose() -> None:
    act = "Gave the cat to Marnie"
    assert _hits(act + ".", JOURNAL) == []
    assert ("preparation_ending", BEHAVIOR, None) in _hits(act + " for good. Everything's in place.", JOURNAL)
    assert _hits(act + " for good, we're moving abroad.", JOURNAL) == []
    # "for good" counts only after the act: leaving a country for good is not the cat's
    assert _hits("Leaving Porto for good; gave the cat to Marnie.", JOURNAL) == []


def test_the_new_rules_in_a_note_are_session_kinds_only() -> None:
    # a journal writer's "intentional OD" is read by the rules of a journal, not the note's shorthand
    assert "attempt_shorthand" not in {r for r, _, _ in _hits("DSH x2 and an intentional OD", JOURNAL)}


def test_with_the_shipped_model_the_aimed_lines_flag() -> None:
    shipped = sentence_model()
    for text, kind, _, level in OWN:
        result = risk.screen(text, kind, model=shipped)
        assert risk.LEVELS.index(result.level) >= level, (result.level, text)


def test_the_version() -> None:
    assert risk.VERSION == "2.16.5"  # 2.14.0 (h167); 2.15.0 (h175) keeps every reading above; 2.15.1 (h177)
