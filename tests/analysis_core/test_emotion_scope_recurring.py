"""Layer 1.10.0 (e13): mechanisms behind frozen11's misses that recur in sets written by other people (a negator
of the writer's English, a face or eyes as a sign, a thing thrown in temper, checking before what is to come, a
close one's words kept and read again, a small feeling with a doubt about its size, love of a doing before an
ironic tag, a step of recovery without its aid, good news played down, an in-law as the holder), each tested both ways on sentences written for these tests (none copied from a fixture: the last
test checks)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import THRESHOLDS, decide_text, moods, probs_of

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import NEUTRAL, cues, decide, emotion_words, good_news

WRITTEN: list[str] = []


def _written(*texts: str) -> list[str]:
    WRITTEN.extend(texts)
    return list(texts)


def _cases(*cases: tuple[str, object]) -> list[tuple[str, object]]:
    WRITTEN.extend(text for text, _ in cases)
    return list(cases)


def _signs(text: str) -> list[str]:
    """The writer's signs and figures (mood seen) and the sentence's phrases."""
    return [m[0] for m in moods(text) if m[1] == "writer" and m[3] == "seen"] + list(cues(text).phrases)


# --- "ain" negates -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    _cases(
        ("I ain worried bout de rent dis month.", True),
        ("We aint scared of that old dog.", True),
        ("I'm worried bout de rent dis month.", False),
    ),
)
def test_ain_without_its_apostrophe_denies_the_feeling(text: str, negated: bool) -> None:
    found = [m for m in moods(text) if m[0] in {"nervousness", "fear"}]
    assert found and found[0][2] is negated


def test_a_feeling_denied_with_ain_is_not_credited() -> None:
    text = _written("I ain mad at my cousin no more.")[0]
    assert "anger" not in decide_text(text, anger=0.5, neutral=0.2)


# --- the face and the eyes as signs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    _cases(
        ("My face became hot when they called my name out.", True),
        ("My ears go red whenever the boss looks at my work.", True),
        ("Cheeks got all scarlet when the waiter winked.", True),
        ("The sky became red over the harbour.", False),
        ("The kettle got hot in a minute.", False),
    ),
)
def test_a_face_becoming_red_or_hot_is_embarrassment(text: str, shown: bool) -> None:
    assert ("embarrassment" in cues(text).phrases) is shown


def test_a_flush_beside_the_writers_own_smile_is_pleasure_not_shame() -> None:
    pleased = _written("My cheeks went hot and I couldn't stop smiling at the card.")[0]
    assert "embarrassment" not in cues(pleased).phrases
    assert decide_text(pleased, neutral=0.6)[0] == "joy"
    awkward = _written("My face went red and I gave an awkward smile.")[0]
    assert "embarrassment" in cues(awkward).phrases


@pytest.mark.parametrize(
    ("text", "shown"),
    _cases(
        ("My eyes went all misty when the band played our song.", True),
        ("Eyes wet up at the christening.", True),
        ("I teared up reading the last page.", True),
        ("My eyes were watering from the onions.", False),
        ("Keep my eyes on the water at the lock.", False),
        ("Filled up the car on the way home.", False),
    ),
)
def test_wet_eyes_are_a_sign_and_wind_or_onions_are_not(text: str, shown: bool) -> None:
    assert ("sadness" in cues(text).phrases) is shown


def test_wet_eyes_are_read_where_the_head_reads_nothing() -> None:
    text = _written("My eyes went all misty when the band played our song.")[0]
    assert decide_text(text, neutral=0.85)[0] == "sadness"


# --- a thing thrown in temper ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "angry"),
    _cases(
        ("Threw the spanner across the garage and went for a walk.", True),
        ("Hurled a mug against the wall after the call.", True),
        ("Flung the clipboard across the ward office.", True),
        ("Threw the ball across the beach for the dog.", False),
        ("Threw a blanket across the sofa and had a nap.", False),
        ("Threw my coat across the chair and put the kettle on.", False),
        ("Threw the rope across the gap to the other boat.", False),
    ),
)
def test_a_thing_thrown_across_or_against_a_place_is_anger_unless_made_for_it(text: str, angry: bool) -> None:
    assert ("anger" in _signs(text)) is angry


def test_a_thing_thrown_in_temper_is_read_where_the_head_reads_nothing() -> None:
    text = _written("Threw the spanner across the garage and went for a walk.")[0]
    assert decide_text(text, neutral=0.7)[0] == "anger"
    # a sign does not outrank the head's own reading
    assert decide_text(text, amusement=0.6, neutral=0.1)[0] == "amusement"


# --- checking before what is to come -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "nervous"),
    _cases(
        ("Checked the seating plan four times before the guests arrived.", True),
        ("Re-checked my notes five times until they called me in.", True),
        ("Checked the tickets three times in case they had the wrong date.", True),
        ("Checked the post three times this week.", False),
        ("Checked the oven twice before bed.", False),
        ("Checked the stock before the delivery came.", False),
    ),
)
def test_checking_three_or_more_times_before_an_event_is_nervousness(text: str, nervous: bool) -> None:
    assert (("nervousness", "writer", False, "stated") in moods(text)) is nervous


# --- a close one's words kept and read again ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "love"),
    _cases(
        ("Reread my grandson's birthday card four times on the bus.", True),
        ("I carry the note from my wife in my wallet all week.", True),
        ("Kept Amira's voice note and played it every night.", True),
        ("Rang my brother after tea just to hear his voice.", True),
        ("Listened to the voicemail from my dad over and over.", True),
        ("Read the council's letter three times.", False),
        ("Read the Council's letter three times.", False),
        ("Kept the receipt from the garage in my wallet.", False),
        ("Read my son's school report once and filed it.", False),
        ("Rang the bank three times about the card.", False),
    ),
)
def test_a_close_ones_words_read_again_or_kept_close_are_love(text: str, love: bool) -> None:
    assert ("love" in _signs(text)) is love


def test_love_shown_is_read_only_where_the_head_reads_nothing() -> None:
    text = _written("I carry the note from my wife in my wallet all week.")[0]
    assert decide_text(text, neutral=0.7, approval=0.15)[0] == "love"
    assert decide_text(text, sadness=0.5, neutral=0.2)[0] == "sadness"
    someone = _written("My sister read the letter from her son five times.")[0]
    assert "love" not in decide_text(someone, neutral=0.7)


# --- a small feeling with a doubt about its size -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mood"),
    _cases(
        ("Perhaps I'm a bit lonely this week, I don't know.", "stated"),
        ("Maybe a little homesick, not sure yet.", "stated"),
        ("Kinda maybe jittery about Monday, dunno.", "stated"),
        ("Perhaps I'm sort of nervous about the move, can't tell really.", "stated"),
        # no amount played down: whether there is any feeling is what is doubted
        ("Perhaps I'm lonely this week, I don't know.", "hedged"),
        # the doubt before the feeling, or about its presence, or the feeling past
        ("I don't know, maybe I'm a bit lonely.", "hedged"),
        ("Maybe I'm a bit lonely, maybe not.", "hedged"),
        ("Maybe I was a bit lonely back then, I don't know.", "hedged"),
        ("Not sure if I'm a bit homesick.", "hedged"),
    ),
)
def test_a_doubt_about_a_small_feelings_size_leaves_it_said(text: str, mood: str) -> None:
    found = [m for m in moods(text) if m[1] == "writer"]
    assert found and found[0][3] == mood


def test_a_small_feeling_doubted_in_size_is_read_and_one_doubted_in_presence_is_not() -> None:
    sized = _written("Perhaps I'm a bit annoyed with my sister, I don't know.")[0]
    assert decide_text(sized, neutral=0.6, annoyance=0.1)[0] == "annoyance"
    whether = _written("Perhaps I'm annoyed with my sister, I can't tell.")[0]
    assert decide_text(whether, neutral=0.6, annoyance=0.1) == (NEUTRAL,)


# --- love of a doing before an ironic tag ------------------------------------------------------------------------


def test_love_of_a_doing_before_an_ironic_tag_alone_is_sarcasm() -> None:
    text, tag = _written("Love queuing in the sleet for a parcel that isn't there.", "What fun.")
    assert cues(text, tag).sarcasm
    assert decide_text(text, tag, love=0.7)[0] == "annoyance"
    # meant without the tag, and a tag that is no tag
    alone, then = _written("Love walking the dog in the rain.", "Then tea by the fire.")
    assert not cues(alone).sarcasm and not cues(alone, then).sarcasm


def test_an_intensifier_before_love_it_when_keeps_the_opener() -> None:
    assert cues(_written("Absolutely love it when the train is cancelled again.")[0]).sarcasm
    assert not cues(_written("Absolutely love it when my niece sings to me.")[0]).sarcasm


# --- a step of recovery without its aid --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "joy"),
    _cases(
        ("Made it round the garden without my stick this morning.", True),
        ("Climbed the stairs without the handrail for the first time.", True),
        ("Couldn't walk to the bathroom without the walker today.", False),
        ("Went to the shop without my stick because I forgot it.", False),
        ("Drove to town without the satnav.", False),
    ),
)
def test_a_step_of_recovery_without_its_aid_is_joy_shown(text: str, joy: bool) -> None:
    found = [m for m in moods(text) if m[0] == "joy" and m[1] == "writer" and not m[2] and m[3] == "seen"]
    assert bool(found) is joy


def test_a_step_of_recovery_is_read_only_where_the_head_reads_nothing() -> None:
    text = _written("Made it round the garden without my stick this morning.")[0]
    assert decide_text(text, neutral=0.7)[0] == "joy"
    assert "joy" not in decide_text(
        _written("Couldn't walk to the bathroom without the walker today.")[0], neutral=0.7
    )


# --- the writer's own good news played down ---------------------------------------------------------------------


def _read(text: str, *, news: bool, **given: float) -> tuple[str, ...]:
    """The layer's labels for ``text`` in an entry that does (not) tell the writer's good news."""
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]]
    words = emotion_words(list(load_spacy()(text)))
    return decide(probs, THRESHOLDS, chosen, words, cues(text, news=news)).labels


def test_good_news_played_down_is_joy_and_understatement_alone_stays_approval() -> None:
    verdict = _written("Not too shabby for a first go.")[0]
    assert cues(verdict).phrases == ("approval",)
    played_down = _written("Could have been worse, all told.")[0]
    assert _read(played_down, news=True, approval=0.3, neutral=0.3)[0] == "joy"
    assert _read(played_down, news=False, approval=0.3, neutral=0.3)[0] == "approval"


@pytest.mark.parametrize(
    ("text", "news"),
    _cases(
        ("Got into the music academy!", True),
        ("got into uni after all", True),
        ("Got into trouble at school today.", False),
        ("Got into the car and drove off.", False),
    ),
)
def test_getting_into_a_school_or_team_is_good_news(text: str, news: bool) -> None:
    assert good_news(text) is news


# --- in-laws are people ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "holder"),
    _cases(
        ("My father-in-law was delighted with the new shed.", "My father-in-law"),
        ("Our sisters-in-law were livid about the seating.", "Our sisters-in-law"),
        ("The in-laws were thrilled with the photos.", "The in-laws"),
        ("I was delighted with the new shed.", "writer"),
    ),
)
def test_an_in_law_holds_the_feeling_said_of_them(text: str, holder: str) -> None:
    assert moods(text)[0][1] == holder


def test_an_in_laws_feeling_is_not_credited_to_the_writer() -> None:
    text = _written("My father-in-law was delighted with the new shed.")[0]
    assert "joy" not in decide_text(text, joy=0.5, neutral=0.3)


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
