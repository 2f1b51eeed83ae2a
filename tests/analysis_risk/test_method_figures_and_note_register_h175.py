"""h175, risk 2.15.0: a method told as a figure (with joy, as a decision about a job or a plan, quoted as a phrase in a
note) is never an act; two preparatory acts told together are read; a therapist's clinical register for the client's
own act is read; someone else named in a note and then a pronoun is theirs (docs/risk.md, "2.15.0").

Every line below is written for this test, in voices of its own (none is in the bank or a batch); each test fails on
risk 2.14.0."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import lexicon_top as _top
from risk_model import sentence_model

NOTE = "session_note"
JOURNAL = "free_association"
ATTEMPT, BEHAVIOR, IDEATION = lex.ATTEMPT, lex.BEHAVIOR, lex.IDEATION

# a method's image told as a figure: set aside as ``figurative`` (its words the evidence), nothing flagged
METHOD_FIGURES = [
    ("Passed my driving test!! Could have jumped off the pier with joy.", JOURNAL),
    ("The scan was clear and I nearly leapt off the balcony with sheer relief.", JOURNAL),
    ("so chuffed I could've jumped off a bridge lol", JOURNAL),
    ("Signing the lease felt like jumping off a cliff, in a good way.", JOURNAL),
    ("Resigning was like drinking poison for a week and then it was fine.", JOURNAL),
    ("Jumped off a cliff and handed in my notice, no job lined up.", JOURNAL),
    ("Cl used the expression 'jumping off a cliff' about going freelance; excited, some nerves.", NOTE),
    ("Described the move to Leeds as 'jumping off a cliff'. Mood bright.", NOTE),
    ("Pt used the phrase 'a bullet to the head' re the redundancy letter; no SI, no plan.", NOTE),
]

# the idiom of a gun told of a thing
IDIOMS = [
    ("Shot myself in the foot with that reply-all.", JOURNAL),
    ("Cl feels she is shooting herself in the foot by skipping lectures.", NOTE),
]

# a real act or wish beside the image, or the client's own words quoted: still read
STILL_READ = [
    ("Got the job with joy but that night I jumped off the bridge meaning to die.", JOURNAL, ATTEMPT),
    (
        "So happy for her, and I still think about jumping off the bridge every night, I want to die.",
        JOURNAL,
        IDEATION,
    ),
    ("Cl used the words 'I'll jump off the car park roof' about the debt; plan disclosed.", NOTE, IDEATION),
    ("I feel like jumping off a bridge, work is unbearable.", JOURNAL, IDEATION),
]

# the client's own act in a note's clinical register: (text, rule, level)
REGISTER = [
    ("Hx: SA 2019 (OD paracetamol), SA 2022 (ligature).", "note_attempt_register", ATTEMPT),
    ("Prior SA x2, both overdoses, last one 2021.", "note_attempt_register", ATTEMPT),
    (
        "Pt attempted strangulation with a phone charger Tues, found by sister.",
        "note_attempt_register",
        ATTEMPT,
    ),
    ("Suicide attempt x1 (CO) per discharge summary.", "note_attempt_register", ATTEMPT),
    ("Hanging attempt in March, the cord broke.", "note_attempt_register", ATTEMPT),
    ("Hx: overdose 2018 (sertraline), A&E.", "note_attempt_register", ATTEMPT),
    ("Aborted SA Fri: drove to the reservoir, turned back.", "note_aborted_register", BEHAVIOR),
    ("Ingested approx 40 x propranolol Sat pm, ambulance called by mother.", "note_ingestion_count", ATTEMPT),
    ("32 paracetamol with gin Weds night; bloods ok.", "note_ingestion_count", ATTEMPT),
    ("Self-poisoning with bleach Thurs. Stated intent was to die.", "note_act_with_intent", ATTEMPT),
    ("Ingestion of antifreeze Weds. States she wanted to die.", "note_act_with_intent", ATTEMPT),
    ("Current SI. Plan: overdose on her mother's tablets.", "note_plan_field", BEHAVIOR),
    ("Plan disclosed: jumping, the multi-storey on Dale St.", "note_plan_field", BEHAVIOR),
    ("Scratching self with a compass daily, marks to L forearm.", "note_self_harm_register", BEHAVIOR),
    ("YP self-burnt with a lighter on Sun.", "note_self_harm_register", BEHAVIOR),
    ("Headbanging x6 on the ward overnight, bruised brow.", "note_self_harm_register", BEHAVIOR),
    ("Bites her wrists until they bleed when distressed.", "note_self_harm_register", BEHAVIOR),
    ("Strong urges to burn self this wk, not acted on.", "note_self_harm_urge", IDEATION),
    ("Patient cut again Thurs, dressed by practice nurse.", "self_harm_resumed_verb", BEHAVIOR),
    ("Restarted cutting (razor) after 6/12 free.", "self_harm_resumed_verb", BEHAVIOR),
]

# a clinical register's everyday look-alikes: nothing at behavior or above
REGISTER_EVERYDAY = [
    "Hx of SA by a stepfather aged 9; ISVA involved.",
    "Previous SA (2014) by an ex; police informed at the time.",
    "Prescribed 28 x mirtazapine 15mg nocte, review in 4/52.",
    "Took 16 x ibuprofen over the week for a sprain as directed.",
    "Accidental OD of 12 x co-codamol, no intent; educated re dosing.",
    "Plan: review in 2/52 and continue the sertraline.",
    "Plan - OD risk discussed with partner, meds in a lockbox.",
    "Safety plan: car keys with partner.",
    "Attempt x3 to reach her GP this week, no answer.",
    "Three attempts to contact by phone.",
    "Cl attempted jumping the queue at the clinic, we laughed.",
    "Cutting self off from friends since the move.",
    "Low self-esteem; cutting self down in session.",
    "Denies intent to die; overdose was accidental, took 14 paracetamol by mistake.",
    "YP head banging at a metal gig, bruised forehead from the mosh pit.",
    "Hx: SA 2016 (OD), none since; future-oriented.",
]

# two preparations told together, without a risk word
COMBINED = [
    ("Rewrote my will on Sunday. Gave the dog to Priya and her kids.", JOURNAL),
    ("Passwords written out for Dom, the cat rehomed with next door.", JOURNAL),
    ("Changed the life insurance beneficiary and wrote letters to both boys.", JOURNAL),
    ("Has updated her will and given away her guitar this month; no reason offered.", NOTE),
]

# one preparation alone, or two with an everyday purpose: not read by the combined rule
COMBINED_EVERYDAY = [
    "Rewrote my will on Sunday.",
    "Updated my will and gave the dog to my sister before we emigrate in May.",
    "Left my passwords with the office and wrote cards to the team before maternity leave.",
    "Changed the beneficiary on my pension and updated my will at the solicitor's after the wedding.",
]

# someone else named in a note, then a pronoun or a reflexive: theirs
OTHERS = [
    "Discussed Tomasz at length. He took an overdose in the summer and is still on the ward.",
    "Spoke about Ines again. She tried to hang herself at Easter and her flatmate found her.",
    "S: 'My brother keeps talking about killing himself.' A: carer strain.",
    "Cl's ex-boyfriend sent messages threatening to hang himself; cl blocked him.",
    "Pt said her AA sponsor relapsed and then overdosed; pt sober, no SI.",
]

# the client's own act beside a name or a talk verb stays the client's
CLIENT_OWN = [
    ("Session with Keira. Keira took an overdose on Sat.", ATTEMPT),
    ("Talked about work. She took an overdose on Friday.", ATTEMPT),
]


def test_the_lines_are_written_for_this_test(written_texts: frozenset[str]) -> None:
    texts = (
        [t for t, _ in METHOD_FIGURES + IDIOMS]
        + [t for t, _, _ in STILL_READ + REGISTER]
        + REGISTER_EVERYDAY
        + [t for t, _ in COMBINED]
        + COMBINED_EVERYDAY
        + OTHERS
        + [t for t, _ in CLIENT_OWN]
    )
    for text in texts:
        assert text.strip().lower() not in written_texts, text


@pytest.mark.parametrize(("text", "kind"), METHOD_FIGURES)
def test_a_method_told_as_a_figure_is_never_an_act(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert any(reason == "figurative" for _, _, reason in hits), hits
    assert _top(text, kind) < IDEATION, hits


def test_the_figures_words_are_its_evidence() -> None:
    text = "Got the flat!! I could've jumped off a cliff with joy."
    figurative = [h for h in lex.read(text) if h.reason == "figurative"]
    assert figurative and any("cliff" in text.lower()[h.start : h.end] for h in figurative)


@pytest.mark.parametrize(("text", "kind"), IDIOMS)
def test_shooting_oneself_in_the_foot_is_an_idiom(text: str, kind: str) -> None:
    hits = _hits(text, kind)
    assert any(reason == "figure_of_speech" for _, _, reason in hits), hits
    assert _top(text, kind) < IDEATION, hits


@pytest.mark.parametrize(("text", "kind", "level"), STILL_READ)
def test_a_real_act_or_wish_beside_the_image_is_still_read(text: str, kind: str, level: int) -> None:
    assert _top(text, kind) >= level, _hits(text, kind)


def test_the_screen_sets_the_figure_aside() -> None:
    # with the shipped model where it is installed: not flagged, not attempt
    result = risk.screen("Cl used the phrase 'jumped off a cliff' about resigning; felt freeing.", NOTE)
    assert not result.flagged and result.level != "attempt", result.to_data()
    assert any(s.reason == "figurative" for s in result.suppressed)


@pytest.mark.parametrize(("text", "rule", "level"), REGISTER)
def test_the_clinical_register_is_read(text: str, rule: str, level: int) -> None:
    hits = _hits(text, NOTE)
    assert (rule, level, None) in hits, hits


def test_the_register_is_a_notes_own() -> None:
    # a journal's "SA" or "Plan:" is not read by the note's register
    assert "note_attempt_register" not in {r for r, _, _ in _hits("Previous SA x2 lol", JOURNAL)}
    assert "note_plan_field" not in {r for r, _, _ in _hits("Plan: hanging baskets for the porch", JOURNAL)}


@pytest.mark.parametrize("text", REGISTER_EVERYDAY)
def test_the_registers_everyday_look_alikes_are_not_read(text: str) -> None:
    assert _top(text, NOTE) < BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(("text", "kind"), COMBINED)
def test_two_preparations_together_are_read(text: str, kind: str) -> None:
    assert ("preparation_combined", BEHAVIOR, None) in _hits(text, kind), _hits(text, kind)


@pytest.mark.parametrize("text", COMBINED_EVERYDAY)
def test_one_preparation_or_an_everyday_purpose_is_not(text: str) -> None:
    assert "preparation_combined" not in {r for r, _, _ in _hits(text, JOURNAL)}, _hits(text, JOURNAL)


@pytest.mark.parametrize("text", OTHERS)
def test_someone_else_named_then_a_pronoun_is_theirs(text: str) -> None:
    hits = _hits(text, NOTE)
    assert hits and _top(text, NOTE) <= lex.INDICATOR, hits
    assert any(reason == "third_person" for _, _, reason in hits), hits


@pytest.mark.parametrize(("text", "level"), CLIENT_OWN)
def test_the_clients_own_act_stays_theirs(text: str, level: int) -> None:
    assert _top(text, NOTE) >= level, _hits(text, NOTE)


def test_at_a_platform_edge_and_stepping_back_is_an_aborted_act() -> None:
    assert ("aborted_attempt", BEHAVIOR, None) in _hits(
        "Stood at the platform edge as the train came in and stepped back at the last moment.", JOURNAL
    )
    assert (
        _top("Stood on the cliff edge for a selfie and stepped back when it got windy.", JOURNAL) < BEHAVIOR
    )


def test_with_the_shipped_model_the_aimed_lines_flag_and_the_figures_do_not() -> None:
    shipped = sentence_model()
    for text, rule, level in REGISTER:
        result = risk.screen(text, NOTE, model=shipped)
        assert risk.LEVELS.index(result.level) >= level, (result.level, rule, text)
    for text, kind in METHOD_FIGURES:
        result = risk.screen(text, kind, model=shipped)
        assert result.level != "attempt", (result.level, text)


def test_the_version() -> None:
    assert risk.VERSION == "2.16.5"  # 2.15.1 (h177) keeps every reading above
