"""The eighth round's cues (docs/defenses.md, "Eighth round (d8)"): constructions that recur in key files written by
different people, each tested both ways — the defense's construction fires, a sentence sharing its words does not.

Every sentence here is written for this test (none taken or paraphrased from a key file or the bank). The old code
fires on none of the sentences in ``FIRES`` at the level given (checked when the round was written).
"""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import cue_levels

FIRES = [
    # undoing: an act done to cancel a hurtful one
    ("I swore at the referee, so I bought him a pint after the match to cancel it out.", 6),
    ("After I mocked his accent I cooked him a roast dinner, as if that could undo it.", 6),
    # help-rejecting complaining: help offered, listed, turned down as useless
    ("My sister keeps sending me tips for the insomnia, but none of them will help, nothing ever does.", 1),
    (
        "The neighbours all have ideas about the damp, and every idea is useless, so why do they even bother.",
        1,
    ),
    # passive aggression: agreed to, then not done or done badly
    ("My husband asked me to post the parcel and I said sure, then left it in the car for a week.", 1),
    ("When the treasurer wanted the receipts I somehow forgot them three meetings running.", 1),
    # reaction formation: the writer's own kindness overdone, or said with its opposite
    ("I'm ever so generous with the neighbour who reported us, I bake for him every Friday.", 5),
    ("I ask after her children every morning, though the truth is I can't stand her.", 5),
    # displacement: an outburst at a bystander after something else
    ("The landlord rang about the rent, then I yelled at the cat for nothing.", 5),
    # repression: a whole stretch of the past gone
    ("My brother talks about the caravan summer but I have no memory of that whole trip.", 5),
    ("Mum says I was there when the barn burned, but there is only a blank where that evening was.", 5),
    # dissociation: the self seen from outside
    ("When the lorry hit us it was like watching somebody else in a film.", 5),
    ("During the interview I floated up above the table and heard a stranger answering.", 5),
    # isolation of affect: an event handled, "and felt nothing at all"
    ("I read out the scan results to my brother in order and felt nothing at all.", 6),
    # autistic fantasy: a task left for an imagined scene
    ("Instead of filling in the forms I lay on the sofa picturing my own bakery in Lisbon.", 3),
    # splitting: all good, then all bad
    ("Last year my coach was the best in the league and now she's the worst person I know.", 2),
    ("One week I'm a genius at the bakery, the next I'm worthless and should hand back my apron.", 2),
    # idealization (not splitting): "a saint", "never made a single mistake"
    ("My first headmaster was a legend, he never made a single mistake in thirty years.", 4),
    ("Nobody could fault our vicar, he was a saint from the first day.", 4),
    # omnipotence: a need waved off with a claim of strength, or the writer above everyone
    ("I don't need the inhaler, I can climb anything without it.", 4),
    ("I'm quicker at the till and better than anyone they have ever hired.", 4),
    # denial: the trouble named and waved away
    ("The dentist says the tooth must come out, but I feel fine, so I'm not going back.", 3),
    ("The bailiffs wrote again but it is not a problem, I'm not worried at all.", 3),
    # rationalization: an avoidance given a good-sounding reason
    ("I missed the reunion, but only because the ferry times were hopeless.", 3),
    # projection: the feeling disowned and given to others; a hidden hostile motive read in others
    ("I'm not the one who's bitter, it's my brothers who can't let it go.", 3),
    ("The whole committee is secretly hoping I resign before spring.", 3),
    # acting out: a reckless act with the consequence waved off
    ("After the letter came I took the bike out on the ice road and didn't care what happened.", 1),
    # self-assertion: the refusal said to anyone, with the manner said
    ("I told the landlord firmly that I won't pay for his broken fence.", 7),
    ("Said to the head chef plainly that I do not agree to another double shift.", 7),
    # suppression: the worry set aside until a chosen time
    ("The results come Friday, so I decided to set it aside and enjoy the weekend.", 7),
    # sublimation: anger or grief put into a made thing
    ("All my grief about Nan went into the quilt I finished tonight.", 7),
    # anticipation
    ("Before the tribunal I wrote down what I'll say so I don't freeze.", 7),
    ("I know the inquest will get to me, so I've asked my friend to drive.", 7),
    # affiliation: telling someone how bad it is
    ("Phoned my aunt and told her honestly how scared I was about the scan.", 7),
    # self-observation
    ("I've noticed I go quiet whenever Dad phones.", 7),
]

DOES_NOT_FIRE = [
    ("The match was cancelled because of the rain.", 6),
    ("I went to the shop to take it back because the zip was broken.", 6),
    ("My sister's advice about the garden was great and none of it was hard.", 1),
    ("My ideas for the fete are good, I don't know why they bother with a committee.", 1),
    ("I said yes to the job and then started on Monday.", 1),
    ("My nan is ever so kind, she knits for the whole street.", 5),
    ("I shouted at the kids to get their shoes on.", 5),
    ("I feel bad that I yelled at the dog this morning.", 5),
    ("I have no memory of my grandad, he died before I was born.", 5),
    ("I was watching someone else's kids at the park all afternoon.", 5),
    ("I've felt nothing at all for weeks, just empty.", 6),
    ("I spent the morning picking apples with Dad.", 3),
    ("There was nothing in between the two houses but a hedge.", 2),
    ("It was the best holiday we've had, then the rain came.", 2),
    ("The saint's day parade went past the house.", 4),
    ("I don't need the car today, I'm taking the train.", 4),
    ("My sister sings better than anyone I know.", 4),
    ("I had the flu last week and now I feel fine.", 3),
    ("The delay is not a problem for us, we'll wait.", 3),
    ("I missed the bus and had to walk, really annoying.", 3),
    ("I'm not angry, it's fine.", 3),
    ("I was secretly jealous of my cousin's new flat.", 3),
    ("We drank tea until the rain stopped.", 1),
    ("The nurse told me I won't need stitches.", 7),
    ("The shop will set it aside until Saturday for me.", 7),
    ("The anger management course went into its second week.", 7),
    ("I told her I was late because of the trains.", 7),
    ("I've noticed the neighbours have a new car.", 7),
]


@pytest.mark.parametrize(("text", "level"), FIRES)
def test_round8_cue_fires_on_the_construction(text: str, level: int) -> None:
    assert cue_levels(text)[level] >= 1


@pytest.mark.parametrize(("text", "level"), DOES_NOT_FIRE)
def test_round8_cue_does_not_fire_on_a_shared_word(text: str, level: int) -> None:
    assert cue_levels(text)[level] == 0
