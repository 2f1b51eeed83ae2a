"""The Defense Mechanism Rating Scales (DMRS; Perry; Di Giuseppe & Perry 2021, CC BY) as data.

Thirty defenses in seven levels, from 1 (action) to 7 (high-adaptive), plus the PsyDefConv utterance labels
0 (no defense) and 8 (needs more information). Descriptions and example sentences here are Reverie's own
short wording, written for this module; they are not the DMRS manual's or any data set's. They serve as
prototypes for the defense classifier (:mod:`reverie.analysis.defenses`).

Overall defensive functioning (ODF) = Σ level × (share of coded defenses at that level), levels 1–7 only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

NO_DEFENSE = 0
NEEDS_MORE_INFORMATION = 8


@dataclass(frozen=True, slots=True)
class Defense:
    key: str
    name: str
    level: int
    description: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Level:
    number: int
    name: str
    description: str


LEVELS: dict[int, Level] = {
    0: Level(0, "No defense", "Greetings, thanks, plain questions or facts: nothing is being warded off."),
    1: Level(
        1, "Action", "Distress is discharged through action or complaint instead of being thought about."
    ),
    2: Level(
        2,
        "Major image-distorting",
        "Self or others are seen as all good or all bad; feelings are pushed into others.",
    ),
    3: Level(
        3, "Disavowal", "An unwelcome fact, feeling or motive is kept out of awareness or blamed elsewhere."
    ),
    4: Level(
        4, "Minor image-distorting", "Self-esteem is propped up by inflating or belittling self or others."
    ),
    5: Level(
        5, "Neurotic", "The feeling or wish is kept away by forgetting, switching targets or its opposite."
    ),
    6: Level(
        6, "Obsessional", "The facts are kept but the feeling is cut off or talked away in abstractions."
    ),
    7: Level(
        7, "High-adaptive", "The feeling is faced and handled: named, shared, planned for or put to use."
    ),
    8: Level(8, "Needs more information", "Too little was said to tell whether or how a defense is at work."),
}

DEFENSES: tuple[Defense, ...] = (
    # 7 High-adaptive
    Defense(
        "affiliation",
        "Affiliation",
        7,
        "Turning to others for support while keeping responsibility.",
        (
            "I called my sister last night and told her how scared I've been, and it helped.",
            "I asked a friend to sit with me while I opened the letter.",
            "Talking it through with my partner made the worry feel smaller.",
        ),
    ),
    Defense(
        "altruism",
        "Altruism",
        7,
        "Finding relief in meeting other people's needs, with real satisfaction.",
        (
            "Helping at the food bank on Saturdays gives me a reason to get up.",
            "When I coach the younger players I forget my own worries for a while, and I like that.",
        ),
    ),
    Defense(
        "anticipation",
        "Anticipation",
        7,
        "Feeling ahead of time what a hard event will bring, and preparing.",
        (
            "I know the anniversary will be hard, so I've planned a quiet day and told my boss.",
            "I've written down what I want to say to my father before the visit.",
            "I'm already nervous about the surgery, so I'm arranging help for the first week.",
        ),
    ),
    Defense(
        "humor",
        "Humor",
        7,
        "Seeing the absurd or ironic side of a painful thing without hiding the pain.",
        (
            "Well, at least the car broke down before the bad news, so I had time to practise my swearing.",
            "I laughed at myself for crying over a sandwich, and honestly that helped.",
        ),
    ),
    Defense(
        "self_assertion",
        "Self-assertion",
        7,
        "Saying what one feels or needs directly and without coercion.",
        (
            "I told my manager I can't take on another project and explained why.",
            "I said no to my mother's plan for the holidays and it felt right.",
            "I let him know that it hurt when he forgot my birthday.",
        ),
    ),
    Defense(
        "self_observation",
        "Self-observation",
        7,
        "Reflecting on one's own feelings, motives and patterns.",
        (
            "I notice that I go quiet whenever someone raises their voice.",
            "I think I get angry so fast because I'm actually afraid of being left.",
            "I can see now that I keep picking people who are not available.",
        ),
    ),
    Defense(
        "sublimation",
        "Sublimation",
        7,
        "Channelling a difficult feeling into something constructive or creative.",
        (
            "When I'm furious I go for a long run and come back clear.",
            "I painted all weekend after the break-up; the pictures are full of what I felt.",
        ),
    ),
    Defense(
        "suppression",
        "Suppression",
        7,
        "Deliberately setting a worry aside until there is a time to deal with it.",
        (
            "I decided not to think about the test results until the doctor calls on Monday.",
            "I put the argument out of my mind so I could get through the exam, and I'll talk to her tonight.",
        ),
    ),
    # 6 Obsessional
    Defense(
        "isolation_of_affect",
        "Isolation of affects",
        6,
        "Recounting painful events with the feeling cut away.",
        (
            "My dad died in March; the funeral was on a Tuesday and then I went back to work.",
            "I was told I was being let go, which was a fact, and I noted it.",
            "It happened, I don't really feel anything about it.",
            "My contract ended last month and I have been applying for jobs since.",
        ),
    ),
    Defense(
        "intellectualization",
        "Intellectualization",
        6,
        "Talking about a painful thing in abstract, general or technical terms.",
        (
            "Statistically most relationships end within a few years, so it was predictable.",
            "From an evolutionary point of view jealousy is just a mate-guarding mechanism.",
            "Grief follows known stages, so I'm probably in the bargaining phase.",
            "The economy is in bad shape, so it makes sense that companies are cutting staff.",
            "Research says isolation raises anxiety, which explains a lot.",
        ),
    ),
    Defense(
        "undoing",
        "Undoing",
        6,
        "Saying or doing something and then taking it back or making up for it.",
        (
            "I snapped at her, but I didn't mean it, I take it back, she's great, really.",
            "I yelled at my son and then bought him a huge present to make it go away.",
        ),
    ),
    # 5 Neurotic
    Defense(
        "repression",
        "Repression",
        5,
        "Being unable to recall or know a feeling or wish that is plainly there.",
        (
            "I know something upset me at the party but I honestly can't remember what.",
            "I keep crying at work and I have no idea why.",
        ),
    ),
    Defense(
        "dissociation",
        "Dissociation",
        5,
        "A break in awareness: feeling unreal, detached, or losing time.",
        (
            "During the fight it was like I was watching myself from the ceiling.",
            "I zoned out for the whole drive and don't remember getting home.",
            "Everything felt far away and fake, like a film.",
        ),
    ),
    Defense(
        "reaction_formation",
        "Reaction formation",
        5,
        "Showing the opposite of an unwelcome feeling.",
        (
            "I can't stand my new boss, so I'm extra sweet to her every morning.",
            "I was so jealous of my brother that I threw him the biggest party.",
        ),
    ),
    Defense(
        "displacement",
        "Displacement",
        5,
        "Moving a feeling from its real target to a safer one.",
        (
            "My boss humiliated me, and when I got home I shouted at the dog.",
            "I was angry at my husband but I ended up snapping at the cashier.",
        ),
    ),
    # 4 Minor image-distorting
    Defense(
        "devaluation_self",
        "Devaluation of self-image",
        4,
        "Belittling oneself in sweeping terms to manage shame or fear.",
        (
            "I'm useless at everything, I always have been.",
            "I'm such an idiot, no wonder nobody takes me seriously.",
        ),
    ),
    Defense(
        "devaluation_other",
        "Devaluation of other's image",
        4,
        "Belittling others to feel less hurt or less small.",
        (
            "My therapist is clueless, she just reads from a script.",
            "My ex was a loser anyway, I don't even know what I saw in him.",
        ),
    ),
    Defense(
        "idealization_self",
        "Idealization of self-image",
        4,
        "Inflating one's own qualities to avoid feeling small.",
        (
            "Honestly I'm the only one in that office who knows what they're doing.",
            "I'm smarter than all of them, they just can't see it.",
        ),
    ),
    Defense(
        "idealization_other",
        "Idealization of other's image",
        4,
        "Seeing another as flawless to feel protected.",
        (
            "My new doctor is perfect, she understands me completely, not like anyone else.",
            "He's the most amazing man in the world, he never does anything wrong.",
        ),
    ),
    Defense(
        "omnipotence",
        "Omnipotence",
        4,
        "Acting as if one has special power or needs no one.",
        (
            "I don't need anybody, I can handle all of it on my own.",
            "Whatever happens, I'll fix it, I always do.",
        ),
    ),
    # 3 Disavowal
    Defense(
        "denial",
        "Denial",
        3,
        "Refusing to acknowledge an obvious fact or feeling.",
        (
            "I'm fine, it doesn't bother me at all that she left.",
            "There's no problem with my drinking, everyone has a few every night.",
            "It's nothing, really, I'm totally okay.",
            "Honestly it's not a big deal, I'm handling it fine.",
        ),
    ),
    Defense(
        "rationalization",
        "Rationalization",
        3,
        "Giving a plausible but self-serving reason to hide the real motive or hurt.",
        (
            "I guess it doesn't matter anyway, I didn't want that job.",
            "It's probably for the best that they didn't invite me, I'd have been tired.",
            "I only skipped the appointment because the weather was bad.",
            "I suppose it's just the way things are these days, so there's no use getting upset.",
            "Lots of people lost their jobs this year, so it's not really about me.",
        ),
    ),
    Defense(
        "projection",
        "Projection",
        3,
        "Attributing one's own unacknowledged feelings or motives to others.",
        (
            "It's all their fault, they're the ones who are always angry, not me.",
            "Everyone at work is jealous of me and wants me to fail.",
            "He's the one who hates me, I've never had a problem with him.",
        ),
    ),
    Defense(
        "autistic_fantasy",
        "Autistic fantasy",
        3,
        "Retreating into daydreams instead of acting or relating.",
        (
            "I spend hours imagining a different life where none of this happened.",
            "Instead of calling anyone I just daydream about being rescued.",
        ),
    ),
    # 2 Major image-distorting
    Defense(
        "splitting_self",
        "Splitting of self-image",
        2,
        "Seeing oneself as all good or all bad, flipping between them.",
        (
            "One day I'm brilliant and the next I'm completely worthless, there's nothing in between.",
            "I'm a terrible person, totally rotten, there's nothing good in me at all.",
        ),
    ),
    Defense(
        "splitting_other",
        "Splitting of other's image",
        2,
        "Seeing others as all good or all bad.",
        (
            "My mother is pure evil and my father is a saint.",
            "Everyone is against me, every single person I've ever trusted has betrayed me.",
            "She was wonderful until last week, now she's dead to me.",
        ),
    ),
    Defense(
        "projective_identification",
        "Projective identification",
        2,
        "Attributing a feeling to another and then provoking it in them.",
        (
            "I knew he'd get angry with me eventually, so I kept pushing until he finally exploded.",
            "You want to hurt me, I can tell, so go on and do it.",
        ),
    ),
    # 1 Action
    Defense(
        "acting_out",
        "Acting out",
        1,
        "Discharging a feeling in impulsive action instead of reflecting on it.",
        (
            "I just want to scream at everyone and smash something.",
            "I got so angry I punched the wall and stormed out.",
            "I drank until I blacked out so I wouldn't have to feel it.",
            "Last night I just got in the car and drove off without telling anyone.",
        ),
    ),
    Defense(
        "help_rejecting_complaining",
        "Help-rejecting complaining",
        1,
        "Asking for help, then rejecting every offer of it.",
        (
            "I've tried everything, nothing works, and that won't work either.",
            "Yes but that's no use for me, nothing anyone says ever helps.",
            "There's no point telling me to exercise, I've heard it all and it's useless.",
            "I've already tried all of that and none of it made any difference.",
            "Talking to people doesn't help, it never has.",
        ),
    ),
    Defense(
        "passive_aggression",
        "Passive aggression",
        1,
        "Expressing anger indirectly: delaying, sulking, 'forgetting'.",
        (
            "Fine, whatever, I'll just do it slowly so they see how unfair it is.",
            "I didn't reply to his messages for a week, let him wonder.",
        ),
    ),
)

# Examples for the two labels that are not defenses (own sentences as well).
OTHER_EXAMPLES: dict[int, tuple[str, ...]] = {
    NO_DEFENSE: (
        "Hi, how are you today?",
        "Thank you so much, that's kind of you.",
        "Hello.",
        "Yes, I work as a nurse.",
        "It started about two weeks ago.",
        "Do you have any tips for sleeping better?",
        "Okay, I'll look into that.",
        "Bye, have a good evening.",
    ),
    NEEDS_MORE_INFORMATION: (
        "Maybe.",
        "I don't know, it's hard.",
        "Well, sort of.",
        "Kind of like that.",
    ),
}


def defenses_at(level: int) -> tuple[Defense, ...]:
    return tuple(d for d in DEFENSES if d.level == level)


def defense(key: str) -> Defense:
    for d in DEFENSES:
        if d.key == key:
            return d
    raise KeyError(key)


def examples_by_label() -> dict[int, tuple[str, ...]]:
    """Every example sentence grouped by PsyDefConv label 0–8."""
    out = {label: tuple(ex for d in defenses_at(label) for ex in d.examples) for label in range(1, 8)}
    return {**out, **OTHER_EXAMPLES}


def odf(counts: Mapping[int, int]) -> float | None:
    """Overall defensive functioning: Σ level × share of coded defenses at that level, over levels 1–7.

    ``counts`` maps a label (0–8) to how many times it was coded; labels 0 and 8 are not defenses and are
    ignored. ``None`` when no defense at levels 1–7 was coded.
    """
    coded = {level: n for level, n in counts.items() if 1 <= level <= 7 and n > 0}
    total = sum(coded.values())
    if total == 0:
        return None
    return sum(level * n for level, n in coded.items()) / total
