"""The ninth round's cues (docs/defenses.md, "Ninth round (d9)"): constructions the nine seen key files still
missed, each recurring in files written by different people, tested both ways — the construction fires (and no
older cue of that level read it: these fail on the eighth round's code), a sentence sharing its words does not.

Every sentence here is written for this test (none taken or paraphrased from a key file or the bank).
"""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import CUES, cue_levels, load_head
from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defense_bank import head_levels

# The cues up to the eighth round; the ninth round's follow them.
ROUND8_CUES = 32

FIRES = [
    # passive aggression: agreed to, then done so as to defeat it
    ("My sister wanted the minutes typed up, so I said of course and typed them in the wrong order.", 1),
    (
        "The council asked for the survey forms, and I agreed, and posted them in a format their office can't open.",
        1,
    ),
    ("Dad wanted the hedge trimmed for Sunday; I did it, very slowly, one yard an evening.", 1),
    # acting out: a blow, then drink or money past sense
    ("When the loan was refused I walked to the pub and drank till closing and then some.", 1),
    ("Got the eviction notice and booked a flight to Malta on the spot, rent money and all.", 1),
    # help-rejecting complaining: the help offered by name, listed, turned down
    ("My mum says try yoga, my friend says a counsellor, and none of it is any good to me.", 1),
    ("The clinic sent me to a dietitian, a nurse and a group, and every one of them was pointless.", 1),
    # splitting: all good, then all bad, after a turn; two groups, one all good and one all bad
    ("In June my landlord was an angel to us, and now since the boiler row he is pure rotten.", 2),
    ("One good night at the quiz I'm a genius, one bad night and I'm a fraud who knows nothing.", 2),
    ("The day shift are the best nurses alive and the night shift are vermin, all of them.", 2),
    # projective identification: hostility read, provoked until it shows, taken as proof
    (
        "I was sure my lodger resented me, so I nagged him for days until he slammed the door, just as I said.",
        2,
    ),
    # denial: the trouble named by others, then waved away
    ("My wife keeps saying I drink too much, but there's nothing wrong with my drinking.", 3),
    ("The surgeon said the lump has grown, but I'm perfectly fine and I'll not be going back.", 3),
    # projection: the anger given to others, the writer calm
    ("It's my neighbours who are always hostile, shouting over the fence, while I am perfectly calm.", 3),
    # rationalization: an avoidance made a kindness; a shout made a lesson
    ("I missed my niece's christening, but it was the kind thing for everyone, I'd only have cried.", 3),
    ("I only snapped at the trainee because the lad needs to learn how a kitchen runs.", 3),
    # autistic fantasy: a whole other life made up in the head
    ("On the night bus I made up a whole different life where I own a vineyard and nobody shouts.", 3),
    # devaluation: a person made a nothing; not worth the air; "I'm a hopeless failure"
    ("The new councillor is a complete nothing, no ideas, no spine, a waste of a seat.", 4),
    ("Not one of those pundits is worth the breath it takes to name him.", 4),
    # omnipotence and idealization: above everyone, never wrong; another without equal
    ("I never make a cut wrong; the apprentices watch me like a hawk.", 4),
    ("Our choirmaster is the kindest man alive and nobody could fault him.", 4),
    # reaction formation: hostility named, then overdone kindness to its object
    ("I was livid when Jan got the allotment prize, so I bought her the biggest bouquet in town.", 5),
    # repression: the feeling there, its object gone; the past a blank
    ("I was shaking all afternoon and had no idea what I was scared about.", 5),
    ("When I try to remember the crash there is only a white space.", 5),
    # dissociation: the self seen from outside
    ("At the hearing I watched my own hands sign the papers as if they belonged to someone else.", 5),
    # undoing: the words taken back by a deed
    ("I called my brother a coward, then washed his van for him, as if it could take the words back.", 6),
    ("I shouted at the kids over breakfast, then made pancakes all afternoon, to take it back.", 6),
    # isolation of affect: the event told, the feeling noted as absent
    ("I signed the papers for Dad's care home and felt nothing in particular, only the ink drying.", 6),
    (
        "I recounted the flood to the insurer in a flat, matter-of-fact way, room by room, as if it were someone's inventory.",
        6,
    ),
    # intellectualization: the loss made a subject of study
    ("Going deaf in one ear is really a fascinating case of how the brain compensates.", 6),
    # denial: the trouble made nothing, talk of it closed
    ("The lump is just a bruise, I'm sure, so there's nothing to talk about.", 3),
    # altruism: helping others, and what it gives back
    ("Since the miscarriage I help at the toddler group, and watching them paint steadies me.", 7),
    # affiliation: reaching someone, and that it helped
    ("After the scan I phoned my aunt and told her all of it, and that helped more than the leaflets.", 7),
    # self-assertion: the need said with its manner, further on in the sentence
    (
        "I told the coach firmly that after the knee surgery and all the physio I need two rest days a week.",
        7,
    ),
    # suppression: the feeling set aside until a chosen time
    ("The worry about the audit came up at lunch and I parked it till I got home.", 7),
    ("The row with Dad keeps nagging, but I've decided to keep it for my appointment on Friday.", 7),
    # humour that owns the hurt
    ("The car died on the way to my own divorce hearing, which is comedy gold, and yes, it still stings.", 7),
]

DOES_NOT_FIRE = [
    # passive aggression's words without the defeated task
    ("I said yes to the wedding and we drove there very slowly in the snow.", 1),
    ("The printer sent it in the wrong format, so I asked IT to fix it.", 1),
    # acting out's words without the blow or the excess
    ("After work I went to the pub and drank two pints with my cousin.", 1),
    ("Got my bonus and booked a flight to Rome for May.", 1),
    # help-rejecting's words with the help taken
    ("My teacher says to revise every day, and nothing will help except practice.", 1),
    # splitting's words without the turn to all bad
    ("On Monday I was brilliant at the quiz and on Tuesday I was tired.", 2),
    ("My grandad was a hero in the war, and now he's slowing down.", 2),
    # projective identification's words without the proof
    ("I knew the shop would shut early, so I went at noon until they closed for lunch.", 2),
    # denial's words when the trouble has passed or is someone else's
    ("The doctor said it was a sprain, but I'm fine now.", 3),
    ("The vet says the dog is old, but there's nothing wrong with his appetite.", 3),
    # projection's words without the writer made calm
    ("My sister is the one who's always calm, not me.", 3),
    # rationalization's words without the good reason
    ("I skipped lunch and the soup at dinner was better than ever.", 3),
    # autistic fantasy's words without the imagined life
    ("After the move I made up a new plan for the garden.", 3),
    # devaluation's words without the put-down
    ("Before the band took off he was a nobody from a small town.", 4),
    ("The view from the top was worth the climb.", 4),
    ("I'm a hopeless romantic, I cried at the wedding.", 4),
    # omnipotence and idealization words without the claim
    ("I'm better than them at chess, but they beat me at darts.", 4),
    ("She is the oldest woman alive in our village.", 4),
    # reaction formation's words without the overdone kindness
    ("I was furious about the delay, so I rang the station.", 5),
    # repression's words without the gone object or the blank
    ("The room was just a white wall and a bed.", 5),
    # dissociation's words with nothing outside the self
    ("I watched my own kids play football on Saturday.", 5),
    # undoing's words without a hurt to cancel
    ("The shop said I had to take it back with the receipt.", 6),
    # isolation's words about a body, not a feeling
    ("I fell on the ice and there was no feeling in my fingers for an hour.", 6),
    ("I told her I live in a flat now, near the station.", 6),
    # intellectualization's words without a loss
    ("The museum was fascinating and the café was a clean, bright room.", 6),
    # denial's words without the trouble waved away
    ("We had a quiet supper; there was nothing on the telly.", 3),
    # altruism's words without what it gives back
    ("Watching them play football gives me a headache.", 7),
    # affiliation's words without the help
    ("I rang the garage and told them the car was making a noise.", 7),
    # self-assertion's words without the need
    ("I told my brother plainly that the match starts at three.", 7),
    # suppression's words about a car
    ("I parked it outside the chemist until the rain stopped.", 7),
    # humour's words about a body
    ("The cut is healing, but it still hurts when I bend my finger.", 7),
]


def _round9_fires(text: str, level: int) -> bool:
    return bool(cue_levels(text, CUES[ROUND8_CUES:])[level] >= 1)


@pytest.mark.parametrize(("text", "level"), FIRES)
def test_round9_construction_reads_at_its_level(text: str, level: int) -> None:
    # the eighth round's cues of this level read none of these: the ninth round's do
    assert cue_levels(text, CUES[:ROUND8_CUES])[level] == 0
    assert cue_levels(text)[level] >= 1
    assert _round9_fires(text, level)


@pytest.mark.parametrize(("text", "level"), DOES_NOT_FIRE)
def test_round9_cue_does_not_fire_on_a_shared_word(text: str, level: int) -> None:
    assert not _round9_fires(text, level)


def test_round9_cues_fire_only_at_their_own_level() -> None:
    for text, level in FIRES:
        fired = cue_levels(text, CUES[ROUND8_CUES:])
        assert {int(i) for i in fired.nonzero()[0]} == {level}, text


def test_round9_shipped_head_shows_the_construction_and_abstains_on_the_look_alike(encoder: Encoder) -> None:
    """The analyzer's decision, not only the cue: the shipped head (2.6.0) shows every construction above at its
    level and abstains ("No defense identified") on the look-alikes. One look-alike is left out: "I'm better than
    them at chess …" is shown as level 4 by the head alone, no cue firing, as it was by 2.5.0."""
    head = load_head()
    assert head is not None
    shown = head_levels([t for t, _ in FIRES], head, encoder)
    assert shown == [level for _, level in FIRES]
    near = [t for t, _ in DOES_NOT_FIRE if not t.startswith("I'm better than them at chess")]
    assert head_levels(near, head, encoder) == [0] * len(near)
