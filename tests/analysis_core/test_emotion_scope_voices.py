"""Layer 1.7.0 (e10): the mechanisms behind frozen6/7/8's misses on new voices, each tested both ways on sentences
written for these tests (none copied from a fixture)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import THRESHOLDS, probs_of
from emotion_scope_kit import moods as _moods

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words, good_news, kin


def _read(
    text: str, previous: str = "", **given: float
) -> tuple[tuple[str, ...], frozenset[str], dict[str, str]]:
    """The layer's labels, the stated ones and others' feelings for ``text`` (``previous``: the sentence before)."""
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]] or [
        max(probs, key=probs.__getitem__)
    ]
    doc = load_spacy()(text)
    reading = decide(probs, THRESHOLDS, chosen, emotion_words(list(doc)), cues(text, previous=previous))
    return reading.labels, reading.stated, dict(reading.others)


def _sarcastic(text: str, previous: str = "") -> bool:
    return cues(text, previous=previous).sarcasm


# --- sarcasm ---------------------------------------------------------------------------------------------------


def test_short_praise_after_a_sarcastic_sentence_is_sarcastic_too() -> None:
    before = "Oh great, the lift is broken again."
    assert _sarcastic(before)
    assert _sarcastic("Best morning ever.", before)
    assert _sarcastic("Truly a highlight of the year.", before)
    assert _read("Best morning ever.", before, joy=0.6, admiration=0.3)[0] == ("annoyance",)
    # praise after plain news, after a loss, or with a turn is meant
    assert not _sarcastic("Best morning ever.", "My sister came to stay.")
    assert not _sarcastic("Best grandad ever.", "Grandad died on Sunday.")
    assert not _sarcastic("Best morning ever though, the sun came out.", before)
    assert not _sarcastic("Best morning ever.")


@pytest.mark.parametrize(
    ("text", "sarcastic"),
    [
        ("Wicked great, the boiler's broken again.", True),  # praise after an intensifier
        ("Wicked great, the kids aced their exams.", False),
        ("Champion, the bus is late again.", True),  # praise of other Englishes
        ("Champion, we finished the roof by teatime.", False),
        ("Love that the printer jammed again.", True),  # love that / how, as love it when
        ("Love that my niece rang me for a chat.", False),
        ("Brilliant, another form to fill in.", True),  # one more of a chore
        ("Marvellous, a meeting at six on a Sunday.", True),  # an early hour on a day off
        ("Marvellous, a picnic on a Sunday.", False),
        ("Lovely, my neighbour 'tidied' my shed.", True),  # a word in scare quotes
        ("Lovely, my neighbour tidied my shed.", False),
        ("Thanks, Gary, for the 'helpful' feedback.", True),  # thanks to someone named, then irony
        ("Thanks, Gary, for the lift home.", False),
    ],
)
def test_praise_openers_and_mishaps_of_new_voices(text: str, sarcastic: bool) -> None:
    assert _sarcastic(text) is sarcastic


# --- whose feeling ---------------------------------------------------------------------------------------------


def test_a_noun_that_is_furious_is_someone_even_when_no_list_names_it() -> None:
    assert _moods("The auditor was terrified of the figures.") == [("fear", "The auditor", False, "stated")]
    # "locksmith" is a role noun since people 1.8.0 (h131): a noun no list names is the case here
    assert _moods("The new taxidermist was livid about the invoice.")[0][1] == "The new taxidermist"
    assert (
        _moods("The new locksmith was livid about the invoice.")[0][1] == "locksmith"
    )  # named by the role list
    labels, _, others = _read("The auditor was terrified of the figures.", fear=0.7)
    assert others == {"fear": "The auditor"} and "fear" not in labels
    # a thing, a time or the writer: the writer's feeling
    assert _moods("The whole day was miserable.")[0][1] == "writer"
    assert _moods("I was terrified of the figures.")[0][1] == "writer"
    assert _moods("The wait was terrifying.")[0][1] == "writer"  # what the wait caused


def test_an_opening_adverb_is_no_name() -> None:
    assert _moods("Quietly pleased with how the pie turned out.")[0][1] == "writer"
    assert _moods("Emily was pleased with the new flat.")[0][1] == "Emily"


def test_a_bodily_sign_on_someone_elses_body_is_theirs() -> None:
    assert "nervousness" in cues("My knees were trembling at the altar.").phrases
    assert "nervousness" not in cues("His knees were trembling at the altar.").phrases
    assert "nervousness" not in cues("The groom's knees were trembling at the altar.").phrases
    assert "embarrassment" in cues("My ears were on fire when they read my poem out.").phrases
    assert "embarrassment" not in cues("Her cheeks burned when they read her poem out.").phrases


def test_words_in_quotation_marks_are_someone_elses() -> None:
    assert _moods("I told him 'don't worry' and hung up.")[0][1] != "writer"
    assert _moods("I worry about him every night.")[0][1] == "writer"
    assert _moods("Her card said she was 'thrilled' for me.")[0][1] == "she"


def test_a_participle_clause_keeps_the_last_feelings_holder() -> None:
    assert _moods("My aunt was livid, spitting nails about the parking.") == [
        ("anger", "My aunt", False, "stated"),
        ("anger", "My aunt", False, "stated"),
    ]
    assert _moods("My aunt was livid and I was spitting nails too.")[1][1] == "writer"
    assert _moods("My aunt was livid, I was spitting nails.")[1][1] == "writer"


def test_close_family_hurt_by_the_writers_doing_reads_as_remorse() -> None:
    text = "Mum was so worried when I stayed out all night without calling."
    assert kin("Mum") and kin("my dad") and not kin("the patient's daughter") and not kin("The neighbour")
    assert _read(text, nervousness=0.7, neutral=0.25)[0] == ("remorse",)
    # not someone outside the family, not what the writer did not cause, not embarrassment
    assert _read("The neighbour was so worried when I stayed out all night.", nervousness=0.7)[0] == (
        NEUTRAL,
    )
    assert _read("Mum was so worried about the weather.", nervousness=0.7)[0] == (NEUTRAL,)
    assert _read("My brother was embarrassed when I sang at his party.", embarrassment=0.7)[0] != ("remorse",)


# --- softly admitted feelings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("Perhaps I'm feeling lonely these days.", "stated"),
        ("Maybe I am a little bit furious with him.", "stated"),
        ("Might be a little nervous about the interview?", "stated"),
        ("Perhaps I'm lonely, I honestly can't tell.", "hedged"),  # doubted
        ("Maybe I'm nervous, maybe not.", "hedged"),
        ("Maybe I was lonely back then.", "hedged"),  # past
        ("I might be furious if he does that again.", "hypothetical"),  # conditional
        ("I might cry at the wedding.", "hypothetical"),  # still to come
    ],
)
def test_a_feeling_admitted_softly_is_said(text: str, mood: str) -> None:
    assert _moods(text)[0][3] == mood


def test_an_admitted_feeling_is_read_first() -> None:
    labels, stated, _ = _read("Perhaps I'm feeling lonely these days.", neutral=0.6, sadness=0.1)
    assert labels[0] == "sadness" and "sadness" in stated


# --- the wider map ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "present"),
    [
        ("Totally irksome, the whole morning.", "annoyance", True),
        ("The caretaker was raging about the bins.", "anger", True),
        ("I'm proper made up with my allotment.", "joy", True),
        ("I made up a story for the kids.", "joy", False),
        ("Not cross with her, I'm just done with the whole thing.", "annoyance", True),
        ("I'm done with the washing up.", "annoyance", False),
        ("I've stopped trusting the estate agent.", "disappointment", True),
        ("Some mornings I forget he's not here anymore.", "sadness", True),
        ("He's not here today, he's at work.", "sadness", False),
        ("Checked the tracking page twenty times since lunch.", "nervousness", True),
        ("I kept checking the window for her car.", "nervousness", True),
        ("Checked the oil before the drive.", "nervousness", False),
        ("lowkey gassed about the trip", "excitement", True),
        ("That visit made my week.", "joy", True),
    ],
)
def test_the_map_reads_new_words_and_frames(text: str, label: str, present: bool) -> None:
    assert any(m[0] == label for m in _moods(text)) is present


def test_news_that_was_not_bad_is_relief() -> None:
    assert "relief" in cues("The biopsy wasn't bad news after all.").phrases
    assert "approval" not in cues("Not bad news, that.").phrases
    assert "approval" in cues("The soup was not bad.").phrases
    assert "relief" not in cues("The soup was not bad.").phrases


def test_new_word_orders_of_bodily_signs() -> None:
    assert "nervousness" in cues("Sweaty palms all through the interview.").phrases
    assert "nervousness" in cues("My stomach is making knots before the hearing.").phrases
    assert "nervousness" in cues("A fluttering stomach in the waiting room.").phrases
    assert "nervousness" not in cues("The palms in the waiting room were plastic.").phrases


def test_i_wont_is_no_win() -> None:
    assert not good_news("I won't miss the commute.")
    assert good_news("I won the raffle at the fete.")


def test_a_faint_label_gives_way_to_the_writers_sign() -> None:
    text = "Could not stop grinning on the bus home."
    assert _read(text, relief=0.22, neutral=0.25)[0] == ("joy",)  # relief at 1.1 times its threshold
    assert _read(text, relief=0.30, neutral=0.25)[0] == ("relief",)  # the head read relief


def test_a_participle_clause_after_the_writer_as_object_keeps_the_holder() -> None:
    assert _moods("The coach was livid at me, spitting nails.")[1][1] == "coach"


def test_gladness_that_harm_did_not_come_is_relief() -> None:
    assert _moods("I'm just glad nobody got hurt.")[0][0] == "relief"
    assert _moods("Honestly glad it's all over.")[0][0] == "relief"
    assert _moods("I'm glad you came to the barbecue.")[0][0] == "joy"


def test_a_negative_word_said_to_be_inexact_is_not_denied() -> None:
    assert _moods("I'm not lonely exactly, I just miss the noise.")[0] == (
        "sadness",
        "writer",
        False,
        "stated",
    )
    assert _moods("I'm not lonely at all.")[0][2] is True
    assert _moods("I'm not happy exactly.")[0][2] is True  # a positive word: a denial, as before


def test_nobody_speaking_to_the_writer_is_loneliness() -> None:
    assert _moods("Nobody said a word to me all shift.")[0][0] == "sadness"
    assert _moods("Nobody said a word about the leak.") == []


def test_a_condition_the_next_sentence_says_will_not_come_is_no_hope() -> None:
    assert cues("If they call back I'll be thrilled.", "They won't though.").counterfactual
    assert not cues("If they call back I'll be thrilled.", "They might, you never know.").counterfactual


def test_a_diary_line_without_its_subject_tells_good_news() -> None:
    assert good_news("Won my first match today.") and good_news("Got the job!")
    assert not good_news("Won't be going today.") and not good_news("Got the bus home.")


def test_difficult_played_down_is_a_hard_time() -> None:
    assert "sadness" in cues("This is somewhat difficult.").phrases
    assert "sadness" not in cues("This puzzle is difficult.").phrases


def test_feeling_for_someone_is_caring() -> None:
    assert ("caring", "writer", False, "stated") in _moods("I mostly felt for the poor driver.")
    assert ("caring", "writer", False, "stated") in _moods("I feel so sorry for her.")
    assert not any(m[0] == "caring" for m in _moods("I felt fine for the rest of the day."))
    assert ("caring", "writer", False, "stated") in _moods("I really felt for my little brother.")
    # a hand in the dark reaches for something, not someone
    assert not any(m[0] == "caring" for m in _moods("I felt for my keys in the dark hallway."))
    assert not any(m[0] == "caring" for m in _moods("She felt for the light switch."))


def test_a_member_the_head_barely_chose_does_not_rename_the_writers_word() -> None:
    text = "I feel so lonely in this flat."
    assert _read(text, disappointment=0.22, sadness=0.1)[0][0] == "sadness"  # 1.1 times its threshold
    assert (
        _read(text, disappointment=0.5, sadness=0.1)[0][0] == "disappointment"
    )  # the head's member, as before


def test_an_attributive_feeling_before_a_person_is_theirs() -> None:
    assert ("anger", "customer", False, "stated") in _moods("I served an angry customer at the till.")
    assert _moods("The angry customer shouted at me.")[0][:2] == ("anger", "customer")
    assert _moods("It was a happy day at the allotment.")[0][:2] == ("joy", "writer")


def test_a_feeling_word_opening_a_verbless_line_counts() -> None:
    assert _moods("Proud I got the dog out in time, and tired after.")[0][:2] == (
        "pride",
        "writer",
    )  # an adverb
    assert _moods("Proud I finished the marathon in one piece.")[0][:2] == ("pride", "writer")  # a name
