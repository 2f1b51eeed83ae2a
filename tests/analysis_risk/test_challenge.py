"""Hand-written traps for the risk screen: every case must pass.

False-positive traps (idioms, negation, other people, fiction, dreams, lyrics, articles) must stay below
``ideation``; false-negative traps (indirect ideation, preparation, typos, slang) must reach at least their
level. All sentences were written for this test; none come from any data set.
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, RiskScreen, load_model, screen

# (text, entry kind, lowest acceptable level, highest acceptable level, a suppression reason that must appear)
FALSE_POSITIVE_TRAPS: list[tuple[str, str, str, str, str | None]] = [
    # accidents are not self-harm (a regression: "fell and hurt my leg" once read as self-harm)
    (
        "A stranger chased me through a dark forest. I fell and hurt my leg.",
        "dream",
        "none",
        "indicator",
        None,
    ),
    ("I fell and hurt my leg at football on Saturday.", "reflection", "none", "none", None),
    ("I tripped on the stairs and hurt my wrist.", "reflection", "none", "none", None),
    ("This deadline is killing me.", "free_association", "none", "none", "figure_of_speech"),
    ("I could kill for a coffee right now.", "free_association", "none", "none", "figure_of_speech"),
    ("I'd kill for a week off, honestly.", "free_association", "none", "none", "figure_of_speech"),
    (
        "I'm dying to see the new exhibition at the museum.",
        "free_association",
        "none",
        "none",
        "figure_of_speech",
    ),
    ("I would never hurt myself, no matter how bad it gets.", "free_association", "none", "none", "negation"),
    ("I'm not suicidal, just exhausted after the move.", "free_association", "none", "none", "negation"),
    ("I don't want to die, I want to grow old with my kids.", "free_association", "none", "none", "negation"),
    ("My brother said he wanted to die.", "free_association", "indicator", "indicator", "third_person"),
    (
        "My friend told me she has been cutting herself.",
        "free_association",
        "indicator",
        "indicator",
        "third_person",
    ),
    ('He said "I want to die" and I froze.', "free_association", "indicator", "indicator", "third_person"),
    (
        'My favourite song goes "I want to die, I want to fly away".',
        "free_association",
        "none",
        "none",
        "quotation",
    ),
    (
        "In the film, the main character kills himself at the end.",
        "free_association",
        "none",
        "none",
        "fiction",
    ),
    ("I'm reading a novel where the heroine wants to die.", "free_association", "none", "none", "fiction"),
    ("She killed herself in the last chapter of the book.", "free_association", "none", "none", "fiction"),
    ("Last night I dreamt I was falling off a cliff and I died.", "dream", "none", "none", None),
    ("I had a nightmare that I was dying in a fire.", "free_association", "none", "none", None),
    (
        "In the dream I wanted to kill myself and then the house flooded.",
        "dream",
        "none",
        "indicator",
        "dream",
    ),
    (
        "A new study has linked a suicide gene to cell death in mice.",
        "free_association",
        "none",
        "none",
        None,
    ),
    ("Suicide rates rose in the nineties, the article said.", "free_association", "none", "none", None),
    ("The documentary about suicide prevention was moving.", "free_association", "none", "none", None),
    ("My phone died and the battery is dead again.", "free_association", "none", "none", "figure_of_speech"),
    ("I was bored to death in the meeting.", "free_association", "none", "none", "figure_of_speech"),
    ("That cake is to die for.", "free_association", "none", "none", "figure_of_speech"),
    (
        "I'd rather die than sing karaoke in front of my boss.",
        "free_association",
        "none",
        "none",
        "figure_of_speech",
    ),
    ("We're killing it at work this quarter.", "free_association", "none", "none", "figure_of_speech"),
    ("I nearly died laughing at his joke.", "free_association", "none", "none", "figure_of_speech"),
    (
        "My mum is going to kill me when she sees the mess.",
        "free_association",
        "none",
        "none",
        "figure_of_speech",
    ),
    ("kmsl that meme is so funny", "free_association", "none", "none", "figure_of_speech"),
    ("I cut myself some slack today and took a nap.", "free_association", "none", "none", "figure_of_speech"),
    ("I hurt myself at the gym lifting too much.", "free_association", "none", "none", "figure_of_speech"),
    ("My grandmother died last spring and I miss her.", "free_association", "none", "none", None),
    (
        "I never said I wanted to die, my mum misunderstood me.",
        "free_association",
        "none",
        "none",
        "negation",
    ),
    ("I googled how to cook rice and burned it anyway.", "free_association", "none", "none", None),
    ("We stood on the bridge and watched the fireworks.", "free_association", "none", "none", None),
    ("I gave my old clothes to the charity shop.", "free_association", "none", "none", None),
    ("I need to end things with Mark before the summer.", "free_association", "none", "none", None),
]

FALSE_NEGATIVE_TRAPS: list[tuple[str, str, str]] = [
    # in a therapist's session text, "she" and "the client" are the person in therapy
    ("The client said she'd been thinking about suicide.", "session_note", "ideation"),
    ("She said she has been thinking about killing herself and has a plan.", "session_note", "ideation"),
    ("I hurt myself again last night.", "reflection", "behavior"),
    ("I keep hitting my legs when I get this angry.", "reflection", "behavior"),
    ("Everyone would be better off without me.", "free_association", "ideation"),
    ("I want to go to sleep and never wake up.", "free_association", "ideation"),
    ("I've been giving my things away.", "free_association", "behavior"),
    ("I looked up how many pills it would take.", "free_association", "behavior"),
    ("I don't see a point anymore.", "free_association", "ideation"),
    ("i dont want to be here anymore", "free_association", "ideation"),
    ("kms", "free_association", "ideation"),
    ("honestly thinking about how to unalive myself", "free_association", "ideation"),
    ("i want to die", "free_association", "ideation"),
    ("I WANT TO DIE", "free_association", "ideation"),
    ("i wanna kill myslef", "free_association", "ideation"),
    ("i want 2 die tbh", "free_association", "ideation"),
    ("I tried to kill myself last year and I'm scared I'll do it again.", "free_association", "attempt"),
    ("Wrote a goodbye letter to my sister last night.", "free_association", "behavior"),
    ("I bought a rope today.", "free_association", "behavior"),
    ("I've started cutting my arms again.", "free_association", "behavior"),
    ("Nobody would even notice if I was gone", "free_association", "ideation"),
    ("I'm so tired of living", "free_association", "ideation"),
    ("I wish I had never been born.", "free_association", "ideation"),
    ("I have been saving up my pills.", "free_association", "behavior"),
    ("Sometimes I think about driving my car into a tree.", "free_association", "ideation"),
    ("It would be easier for everyone if I wasn't here.", "free_association", "ideation"),
    ("Life isn't worth living.", "free_association", "ideation"),
    ("I keep thinking about jumping off the bridge near my office.", "free_association", "ideation"),
    ("I'm not sure I want to live anymore", "free_association", "ideation"),
    ("I dreamt I was falling. Honestly I want to die.", "dream", "ideation"),
    (
        "In the dream I jumped off a bridge. When I woke up I wished I hadn't woken up at all.",
        "dream",
        "ideation",
    ),
    ("I cant do this anymore i just want it all to end", "free_association", "ideation"),
    ("no reason to live", "free_association", "ideation"),
    ("I think everyone would be happier if I just disappeared forever", "free_association", "ideation"),
    ("I've planned how I'll do it.", "free_association", "behavior"),
    ("I stood on the ledge for an hour last night", "free_association", "behavior"),
    ("i have pills saved up for when i decide", "free_association", "behavior"),
    ("Feeling suicidal again tonight.", "free_association", "ideation"),
    ("I took a whole bottle of pills and woke up in hospital.", "free_association", "attempt"),
    ("I hate myself and I deserve to die.", "free_association", "ideation"),
    ("My family would be better off if I was dead.", "free_association", "ideation"),
    ("I just want to not exist.", "free_association", "ideation"),
    ("I don't want to wake up tomorrow.", "free_association", "ideation"),
    ("thinking of ending it", "free_association", "ideation"),
    ("I keep hurting myself when I get angry.", "free_association", "behavior"),
    ("Sometimes I want to hurt myself.", "free_association", "ideation"),
    ("I can't stop thinking about killing myself.", "free_association", "ideation"),
    ("I'm not okay and I want to die.", "free_association", "ideation"),
    ("I haven't told anyone, but I want to die.", "free_association", "ideation"),
    ("My sister is worried because I said I want to die.", "free_association", "ideation"),
    ("Watching that film made me want to die.", "free_association", "ideation"),
    ('I texted my friend "I want to end it all".', "free_association", "ideation"),
    ("I have never wanted to die more than today.", "free_association", "ideation"),
    ("the only reason im still alive is my cat", "free_association", "ideation"),
    ("considering suicide more and more", "free_association", "ideation"),
    ("sewerslide thoughts again", "free_association", "ideation"),
]

MODELS = {"rules": False, "shipped": True}


def _at_least(result: RiskScreen, level: str) -> bool:
    return LEVELS.index(result.level) >= LEVELS.index(level)


def _at_most(result: RiskScreen, level: str) -> bool:
    return LEVELS.index(result.level) <= LEVELS.index(level)


@pytest.mark.parametrize("use", sorted(MODELS))
@pytest.mark.parametrize(("text", "kind", "low", "high", "reason"), FALSE_POSITIVE_TRAPS)
def test_screen_false_positive_traps_stay_below_ideation(
    text: str, kind: str, low: str, high: str, reason: str | None, use: str
) -> None:
    result = screen(text, kind, model=MODELS[use])
    assert _at_least(result, low) and _at_most(result, high), (result.level, result.to_data())
    assert not result.flagged
    if reason is not None:
        assert reason in {s.reason for s in result.suppressed}, result.to_data()


@pytest.mark.parametrize("use", sorted(MODELS))
@pytest.mark.parametrize(("text", "kind", "low"), FALSE_NEGATIVE_TRAPS)
def test_screen_false_negative_traps_are_flagged(text: str, kind: str, low: str, use: str) -> None:
    result = screen(text, kind, model=MODELS[use])
    assert _at_least(result, low), (result.level, result.to_data())
    assert result.flagged and result.score >= result.threshold
    assert result.triggers, "a flagged text must name the phrases that triggered it"


def test_challenge_set_is_large_enough() -> None:
    assert len(FALSE_POSITIVE_TRAPS) + len(FALSE_NEGATIVE_TRAPS) >= 40


def test_shipped_model_is_installed() -> None:
    assert load_model() is not None
