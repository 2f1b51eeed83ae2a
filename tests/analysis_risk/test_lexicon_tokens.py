"""The lexicon works on word tokens, names the words behind every level, and sets aside only with evidence.

Every sentence here was written for this test (the issue's examples among them); none come from a data set.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import LEVELS, screen

MODELS = {"rules": False, "shipped": True}


@pytest.mark.parametrize(
    "text",
    [
        "I felt oddly relieved",
        "odd socks",
        "the odds are",
        "Odd. ODDS. Oddball. Odder still, the oddest day.",
        "We beat the odds and oddly I was calm.",
    ],
)
def test_odd_oddly_odds_never_read_as_an_overdose(text: str) -> None:
    assert lex.read(text) == []
    result = screen(text, model=False)
    assert result.level == "none" and not result.triggers


def test_tokenizer_keeps_od_d_whole_and_odd_apart() -> None:
    tokens = [t.text for t in lex.tokenize("I OD'd, oddly. O.D.'d")]
    assert tokens[:2] == ["i", "od'd"] and "oddly" in tokens and "o.d.'d" in tokens


@pytest.mark.parametrize("use", sorted(MODELS))
@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("hoping I just won't wake up in the morning", "ideation"),
        ("I don't think I want to be alive anymore", "ideation"),
        ("the urge to cut was really strong… holding the blade", "behavior"),
        ("Nobody care if I die tomorrow", "ideation"),
        ("counted the pills… wondered if it would be enough", "behavior"),
        ("Suicidal. Hopeless. Exhausted. Done.", "ideation"),
        ("Pills saved. Note written. Tonight.", "behavior"),
        ("I want to kill myself", "ideation"),
        ("I took the pills.", "attempt"),
        ("I cut myself last night", "behavior"),
        ("I OD'd on my meds last night", "attempt"),
    ],
)
def test_issue_examples_and_explicit_statements_are_flagged(text: str, low: str, use: str) -> None:
    result = screen(text, model=MODELS[use])
    assert result.flagged and LEVELS.index(result.level) >= LEVELS.index(low), result.to_data()
    named = [text[t.span.start : t.span.end] for t in result.triggers if t.level == result.level]
    assert named and all(w.strip() for w in named), "the level must name the words behind it"


@pytest.mark.parametrize("use", sorted(MODELS))
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I felt oddly relieved", None),
        ("cut myself on the bread knife", "injury"),
        ("I cut myself on the bread knife", "injury"),
        ("I overdosed on chocolate", "figure_of_speech"),
        ("I burned myself on the oven tray", "injury"),
        ("I would never kill myself", "negation"),
        ("It's not that I want to die, I just want a holiday.", "negation"),
        ("If I ever wanted to kill myself, I would call my therapist.", "hypothetical"),
        ("My friend told me she cut herself.", None),
        ("We are killing it at work", "figure_of_speech"),
        ("I could die of embarrassment", "figure_of_speech"),
        ("In the novel the heroine wants to die.", "fiction"),
        ("My grandad died last week and I miss him.", None),
    ],
)
def test_hard_negatives_are_not_flagged_and_say_why(text: str, reason: str | None, use: str) -> None:
    result = screen(text, model=MODELS[use])
    assert not result.flagged, result.to_data()
    assert result.level != "attempt"
    if reason is not None:
        assert reason in {s.reason for s in result.suppressed}, result.to_data()


def test_injury_context_does_not_hide_self_harm_on_the_body() -> None:
    assert screen("I cut myself on my thigh last night", model=False).level == "behavior"
    assert screen("I cut myself with a razor on purpose", model=False).level == "behavior"


def test_a_hypothetical_clause_does_not_hide_the_main_clause() -> None:
    assert screen("If nothing changes by Friday, I will kill myself.", model=False).flagged
    assert screen("What if I just killed myself", model=False).flagged


def test_dont_wish_is_a_negation_but_wish_is_not() -> None:
    assert not screen("I don't wish I was dead, I wish I was on a beach.", model=False).flagged
    assert screen("I wish I was dead.", model=False).flagged


def test_counting_pills_into_an_organiser_is_not_preparation() -> None:
    assert not screen("I sorted my pills into the weekly organiser.", model=False).flagged
    assert screen("I counted my pills and lined them up.", model=False).level == "behavior"


@pytest.mark.parametrize(
    "text",
    [
        "I want to dye my hair red.",
        "I almost jumped the queue by accident.",
        "I nearly jumped out of my skin when the door slammed.",
        "I hope I don't wake up late for the interview.",
        "I wrote goodbye notes to my team because I'm changing jobs.",
        "I wish I could vanish from this awkward party.",
    ],
)
def test_phrases_that_once_reached_too_far_stay_unflagged(text: str) -> None:
    # regressions found on the frozen half of the challenge set, after its one measurement (docs/risk.md)
    assert not screen(text, model=False).flagged


@pytest.mark.parametrize(
    "text",
    [
        "i want to dye",
        "I almost jumped last night.",
        "I hope I don't wake up tomorrow",
        "I wish I could disappear.",
    ],
)
def test_the_narrowed_phrases_still_flag_their_risky_forms(text: str) -> None:
    assert screen(text, model=False).flagged


@pytest.mark.parametrize("use", sorted(MODELS))
@pytest.mark.parametrize(
    "text",
    [
        # false alarms on the challenge set's tune and first frozen halves, fixed with evidence in the text
        "I counted the tablets in the strip to make sure the pharmacy gave me the right number.",
        "I looked up how many ibuprofen I can take for my toothache.",
        "I used to self-harm but it's been four years now.",
        "I got such a fright I jumped out of my skin.",
        "We jumped off the pier into the sea.",
        "I need to end the contract before March.",
        "Note done, it's for the electrician tomorrow.",
        "Completely ready to drop after the house move.",
        "I want to vanish to a cottage by the sea for a fortnight.",
        "This spring I want to really live again.",
        "I just want the meeting to be over.",
        "If I was ever feeling that way again, I would phone my GP.",
    ],
)
def test_everyday_uses_found_on_the_tuning_halves_are_set_aside_with_a_reason(text: str, use: str) -> None:
    result = screen(text, model=MODELS[use])
    assert not result.flagged, result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        "I counted the pills the pharmacy gave me and wondered if it would be enough.",
        "I looked up how many paracetamol it takes to die.",
        "I used to self-harm and I did it again last night.",
        "I self-harmed again, it's been a hard week.",
        "If I ever get out of this hospital, I will end my life.",
        "I don't want to live more years like this.",
        "I no longer want to live well or badly, I want to die.",
    ],
)
def test_the_everyday_set_asides_leave_the_risky_forms_flagged(text: str) -> None:
    assert screen(text, model=False).flagged


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # wishes and acts said sideways, missed on the challenge set's tuning halves (written anew here)
        ("I carved into my arm with a pin last night.", "behavior"),
        ("I'd gladly swap places with someone in a grave.", "ideation"),
        ("When I imagine my own funeral I feel calm.", "ideation"),
        ("I just want to go to sleep and for it to be the end.", "ideation"),
        ("My parents would be relieved if I was gone.", "ideation"),
        ("I said goodbye to my best friend as if I won't be around much longer.", "ideation"),
    ],
)
def test_sideways_wishes_and_acts_reach_their_level(text: str, low: str) -> None:
    result = screen(text, model=False)
    assert LEVELS.index(result.level) >= LEVELS.index(low), result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        "My mum would be devastated if I died.",
        "I said goodbye to the team; I won't be around much on Fridays.",
        "I imagine my own funeral would be a small one, and that worries me.",
    ],
)
def test_the_sideways_phrases_do_not_reach_ordinary_sentences(text: str) -> None:
    assert not screen(text, model=False).flagged


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # more of what the tuning halves showed missed (written anew here)
        ("Honestly I just want to fall asleep forever.", "ideation"),
        ("Another birthday I'd rather not survive.", "ideation"),
        ("My mind is full of death wishes lately.", "ideation"),
        ("The voices keep telling me to jump.", "ideation"),
        ("Lately the bridge is calling me.", "ideation"),
        ("I bought from four different pharmacies so I'd have enough tablets.", "behavior"),
        ("I've got a plan and the means now.", "behavior"),
        ("I had all my tablets in my hand before my sister rang.", "behavior"),
        ("After my last attempt they kept me in for a week.", "attempt"),
    ],
)
def test_more_missed_wishes_plans_and_attempts_reach_their_level(text: str, low: str) -> None:
    result = screen(text, model=False)
    assert LEVELS.index(result.level) >= LEVELS.index(low), result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        "I could sleep forever after that hike.",
        "After my attempt at baking bread I gave up.",
        "Three years since my last attempt, and I planted tulips today.",
        "We went to two different shops to find enough flour.",
        "The sea is calling me, holiday soon!",
    ],
)
def test_the_new_phrases_leave_everyday_sentences_alone(text: str) -> None:
    assert not screen(text, model=False).flagged


def test_words_inside_a_quotation_are_not_the_sentences_subjects() -> None:
    # "you" inside a quoted prompt once made a sentence read as someone else's, so the model could not raise it
    own = 'The worksheet asks "what do you hope for" and the true answer is nothing at all.'
    assert lex.sentence_reasons(own, "free_association", [(0, len(own))]) == [None]
    other = 'My brother keeps saying "you know" and laughing.'
    assert lex.sentence_reasons(other, "free_association", [(0, len(other))]) == ["third_person"]


@pytest.mark.parametrize("use", sorted(MODELS))
def test_an_overdose_of_television_is_never_an_attempt(use: str) -> None:
    # found on the second frozen batch after its one measurement (docs/risk.md): "overdosed on box sets" was read
    # as an attempt
    result = screen("Overdosed on boxsets and crisps all Sunday.", model=MODELS[use])
    assert result.level != "attempt" and not result.flagged, result.to_data()
    assert screen("I overdosed on my tablets on Sunday.", model=False).level == "attempt"


def test_a_first_person_consequent_after_an_if_clause_is_not_a_hypothetical() -> None:
    """'If I ever get out of this hospital I will end my life' states intent; only the if-clause is hypothetical."""
    from reverie.analysis.risk import screen

    for text in (
        "If I ever get out of this hospital I will end my life.",
        "If I ever go back there I am going to kill myself",
    ):
        assert screen(text, "free_association").flagged, text
    for text in (
        "If I ever wanted to die, I would call my therapist.",
        "If I ever felt suicidal again I would tell my GP.",
    ):
        assert not screen(text, "free_association").flagged, text


# Third round (docs/risk.md): voices the lexicon missed on the tune, first frozen and second frozen batches, fixed as
# mechanisms and checked here on sentences written anew for this test (none copied from a batch).
@pytest.mark.parametrize(
    ("text", "low"),
    [
        # second-language grammar: aux + bare verb, "finish my life", "almost I jumped", drank poison
        ("I am not want to wake up tomorrow.", "ideation"),
        ("Every night I not want to live, the sadness is too big.", "ideation"),
        ("I think to finish my life, I have no more power.", "ideation"),
        ("Yesterday I am go to the river and almost I jumped.", "behavior"),
        ("Two years ago I drank bleach but my neighbour found me.", "attempt"),
        ("I am collect many tablets from different shops for this.", "behavior"),
        # older voices and euphemism
        ("Each night I ask that the good Lord takes me in my sleep.", "ideation"),
        ("Since the diagnosis I have no desire to go on.", "ideation"),
        ("I have lived long enough and I am ready.", "ideation"),
        ("My son will be far happier once I'm gone, I am sure of it.", "ideation"),
        ("I don't plan to still be here by the spring.", "ideation"),
        ("I have set the date to finish it, after the wedding.", "behavior"),
        ("I have been setting my sleeping tablets by each night so there are enough.", "behavior"),
        ("I have written notes to my nephews to say goodbye.", "behavior"),
        ("I've decided who will get my books and the piano after I'm gone.", "behavior"),
        # teenagers and terse fragments
        ("burned my arm with a lighter again after school", "behavior"),
        ("scratched my legs till they bled lol", "ideation"),
        ("I bite my arm till it bruises when they argue.", "behavior"),
        ("gonna jump from the tower block tonight", "ideation"),
        ("blades are under my pillow for later", "behavior"),
        ("Cut. Deeper this time.", "behavior"),
        ("Kill me, please.", "ideation"),
        ("the voice again: just kill yourself", "ideation"),
        # clinical register
        ("Two prior aborted attempts, most recently in March.", "behavior"),
        ("I have obtained a lethal amount of my tablets.", "behavior"),
        ("I have worked out a plan with the method and the date.", "behavior"),
        ("Background: one previous suicide attempt in 2021.", "attempt"),
        ("Client-led summary: active suicidal ideation this week.", "ideation"),
        ("I've attempted three times before.", "attempt"),
        # long sentences where the risk is one clause
        (
            "Work was fine and the cat was sick, and I sat in the car in the garage with the engine on.",
            "behavior",
        ),
        (
            "Bins out, dinner done, and I checked how deep the quarry is and if it would be enough.",
            "behavior",
        ),
        ("Walking home I thought if a van ran over me it would honestly be fine by me.", "ideation"),
        ("Most days I lie there imagining being dead and it is quiet.", "ideation"),
        ("I keep thinking I should throw myself off the balcony.", "ideation"),
        ("I want to kill myself and I almost did last night.", "behavior"),
        ("I am thinking how I can kill me and nobody knows.", "ideation"),
        ("No more. Ending it tonight.", "ideation"),
        ("The urge to cut my arms is back.", "ideation"),
        ("The urge to cut again tonight.", "ideation"),
    ],
)
def test_third_round_voices_reach_their_level(text: str, low: str) -> None:
    level = screen(text, model=False).level
    assert LEVELS.index(level) >= LEVELS.index(low), (text, level)


@pytest.mark.parametrize(
    "text",
    [
        "I want to die my fringe purple before the gig.",
        "Going to die the curtains green.",
        "I hurt myself carrying the shopping up the stairs.",
        "Slipped on the ice and cut my hand on the kerb.",
        "We gave the cot away because we won't need it anymore.",
        "I researched how long it takes to die of old age for my biology essay.",
        "The doctor asked if I had thoughts of killing myself and I said no.",
        "My GP asks whether I want to hurt myself and I told her no.",
        "I attempted the driving test twice before I passed.",
        "I asked if the good Lord takes me to heaven, as a child.",
        "The flat will be easier to clean once I am gone to university.",
        "I am picturing being dead tired tomorrow after the shift.",
        "I jumped off the pier into the sea with my cousins.",
        "My mother-in-law is so stubborn.",
        "I nearly did my back in at the gym.",
        "The thought: just pay the bill and move on.",
        "My patient-facing role is tiring.",
        # found on the third round's own new bank negatives (written for the bank, not from a batch)
        "took 2 paracetamol for my headache",
        "I want to stop existing on toast and coffee.",
        "One of my clients attempted suicide and I need supervision.",
        "We watched a film about a suicide attempt in class.",
        "Today we learnt about overdose management on the ward.",
        "I counted out thirty tablets for a patient at the pharmacy counter.",
        "The kids gave their old toys away because they won't need them anymore.",
        "The thoughts of ending it have faded since the new medication.",
        "I have no wish to carry on arguing about the bins.",
        "cant wait to die my hair green",
        "My dad will kill me if he sees the scratch on the car.",
        "Ending it with my boyfriend was hard but right.",
        "This commute is trying to kill me.",
        "I need to cut my nails, they keep snagging.",
        "I had the urge to cut the grass before the rain.",
    ],
)
def test_third_round_phrases_leave_everyday_sentences_alone(text: str) -> None:
    result = screen(text, model=False)
    assert not result.flagged, (text, result.to_data())


def test_someone_elses_question_counts_as_the_answer_says() -> None:
    asked = "The nurse asked if I wanted to kill myself"
    assert screen(asked + " and I said no.", model=False).level == "none"
    assert screen(asked + ".", model=False).level == "indicator"  # unanswered: someone else's words
    assert screen(asked + " and I said yes.", model=False).flagged
    assert screen("I asked myself if I want to kill myself.", model=False).flagged


def test_one_as_a_number_and_compound_nouns_are_not_other_people() -> None:
    assert screen("History: one prior suicide attempt.", model=False).level == "attempt"
    assert screen("One would think he wants to die.", model=False).level == "indicator"
    assert screen("My mother-in-law says she wants to die.", model=False).level == "indicator"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # fourth round (written for this test): a terse note followed by nothing but a day or a time is a date chosen
        ("Note written. Saturday.", "behavior"),
        ("letters done. tomorrow night", "behavior"),
        ("Letters sealed; this weekend.", "behavior"),
        # death or not waking welcomed, or given as the answer to what one looks forward to
        ("I'm ninety-one and I would gladly welcome not waking up.", "ideation"),
        ("Honestly I'd welcome death at this point.", "ideation"),
        ("The only true answer is not existing.", "ideation"),
        ('The worksheet asks "what do you hope for" and my honest answer is not waking up.', "ideation"),
        # second-language burdensomeness
        ("My parents work so hard for me, for them is better if I am no more alive.", "ideation"),
        ("better that i am not living anymore", "ideation"),
    ],
)
def test_fourth_round_dates_after_a_note_and_death_welcomed(text: str, level: str) -> None:
    assert screen(text, model=False).level == level, screen(text, model=False).to_data()


@pytest.mark.parametrize(
    "text",
    [
        "Cover letter done. Monday interview at ten.",
        "Letter done. Sunday lunch at my aunt's.",
        "I would welcome the end of this project.",
        "The truth is dying scares me.",
        "I'd welcome not being rushed for once.",
        "It would be better if I was not living with my parents.",
        "Maybe it's better I'm not here when he comes round.",
    ],
)
def test_fourth_round_phrases_leave_everyday_sentences_alone(text: str) -> None:
    result = screen(text, model=False)
    assert not result.flagged, (text, result.to_data())


@pytest.mark.parametrize(
    "text",
    [
        # fourth round (written for this test): the wish to join the dead, with the death in the words
        "I want to join my late husband.",
        "I pray to be reunited with her in heaven soon.",
        "honestly i wanna be with my dad again up there",
        "All I want is to go where my son went.",
    ],
)
def test_fourth_round_the_wish_to_join_the_dead_flags(text: str) -> None:
    assert screen(text, model=False).level == "ideation", screen(text, model=False).to_data()


@pytest.mark.parametrize(
    "text",
    [
        "I know I will see her again in heaven one day.",
        "I want to join my brother in Spain for the summer.",
        "I want to be with my mum at Christmas.",
        "I want to go where my friends are on Saturday.",
        "I don't want to join him yet, I have my kids.",
        "My gran said she wants to be with grandad in heaven.",
    ],
)
def test_fourth_round_grief_and_the_living_are_not_joining_the_dead(text: str) -> None:
    result = screen(text, model=False)
    assert not result.flagged, (text, result.to_data())
