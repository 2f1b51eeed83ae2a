"""Review r99: are the findings on a journal entry's page more likely right than wrong?

Forty short entries written for this review (the reviewer's own texts, not licensed data), each analysed by the real
pipeline (``analysis.pipeline.analyse``, the committed models) and read the way the entry page reads a stored
analysis (``insights.observations.read_entry``, which ``seen_by`` and ``web/observation_views.panel_context`` call).
``JUDGED`` records, for each text, what the panel showed on this branch's base and the reviewer's judgement of each
shown sentence: ``right``, ``wrong`` or ``unsure``. Relationship observations, defenses and mixed feelings were
never shown on these texts (relationships and DMRS score under ``MIN_SCORE``; the one mixed entry was not read as
mixed). Tally of the 32 shown findings: feelings 16 right, 9 wrong, 3 unsure; unexplained feeling 0 right, 1
wrong; dreams 2 right, 0 wrong, 1 unsure (18 right, 10 wrong, 4 unsure). Beside the panel, the risk note read on the
sentence model alone ("… may have misread you") showed on 4 of the 40, none with any risk in the words.

The failing tests below are the wrong findings that follow a mechanism (a class of texts, each shown on several
texts written for it), not one phrase:

- a plan to raise something with someone ("I want to ask my doctor about …", "I plan to email my manager …") shown
  as the writer's nervousness, at high confidence, with no feeling in the words;
- "I don't know why", "for some reason", "no idea why", "I can't explain why" about a thing or an act (the bus, the
  printer, why I'm writing) shown as "You name a feeling you cannot place yet." when no feeling is named;
- sarcasm that runs over two sentences: a mishap with an opening "Oh great," / "Great," and then a first-person
  claim of delight ("I just love cold showers.", "I'm so thrilled.") shown as the writer's love or joy.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import Observation, read_entry

# (name, kind, text, {shown sentence: judgement}) as seen on the base of branch r99.
JUDGED: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    (
        "teen",
        "free_association",
        "ok so mom took my phone AGAIN because i was up late. so unfair. i literally hate living here sometimes. "
        "whatever. going to see jake tmrw at least.",
        {"Your words carry anger.": "right", "Your words carry annoyance.": "right"},
    ),
    (
        "teen, betrayed",
        "free_association",
        "my best friend told everyone my secret and now the whole class is laughing at me. i wanted to disappear in "
        "chemistry. i didnt say anything to her, i just walked out.",
        {},
    ),
    (
        "older man, birthday",
        "free_association",
        "Seventy-one today. The children phoned in the morning, which was decent of them. Margaret would have baked a "
        "cake. I went for my walk along the canal as usual and fed the ducks.",
        {},
    ),
    (
        "older man, knee",
        "free_association",
        "The doctor says my knee will not improve. I told him I understood. I did not tell him I was frightened of "
        "ending up like my father, in a chair by the window.",
        {"Your words carry fear.": "right"},
    ),
    (
        "non-native, boss",
        "free_association",
        "Today I am very tired because of work. My boss he shout at me in front of colleague and I feel so much "
        "shame. I not say nothing. In my country we don't answer to boss.",
        {"Your words carry embarrassment.": "right", "Your words carry disapproval.": "unsure"},
    ),
    (
        "non-native, family",
        "free_association",
        "I miss my family very much. Yesterday I call my mother by video and she is crying because my father is "
        "sick. I want to go home but the visa is problem.",
        {"Your words carry sadness.": "right"},
    ),
    ("terse", "free_association", "Work. Gym. Dinner. Bed.", {}),
    (
        "terse, argument",
        "free_association",
        "Bad day. Argued with Tom. Slept badly.",
        {"Your words carry sadness.": "unsure"},
    ),
    (
        "rambler",
        "free_association",
        "So I was thinking about the thing with the car, and then that reminded me of the summer we drove to the "
        "coast, and my sister kept kicking the seat, and honestly I don't know why I'm writing about that except that "
        "it came up, and then I thought about the coffee I need to buy, and the dentist appointment, and whether I "
        "left the stove on, which I didn't, I checked twice.",
        {"You name a feeling you cannot place yet.": "wrong"},
    ),
    (
        "rambler, small things",
        "free_association",
        "Long day, lots of little things. The printer jammed, the cat threw up on the rug, I forgot my lunch, and the "
        "meeting ran over by forty minutes. Nothing terrible, just one thing after another until I stopped noticing.",
        {},
    ),
    (
        "dream, grandmother",
        "dream",
        "I was in my childhood house but the rooms were wrong, there was a staircase that went nowhere. My "
        "grandmother was in the kitchen making soup and she didn't recognise me. I tried to call out but no sound "
        "came.",
        {"Your grandmother appears in the dream.": "right"},
    ),
    (
        "dream, flying",
        "dream",
        "I dreamt I was flying over a city at night. It felt wonderful, completely free. Then a dog started chasing "
        "me along the rooftops and I woke up.",
        {
            "Your words carry admiration.": "wrong",
            "Your words carry joy.": "right",
            "A dog appears in the dream.": "right",
        },
    ),
    (
        "dream, exam",
        "dream",
        "In the dream I was sitting an exam I hadn't studied for. The teacher was my old boss. Everyone else was "
        "writing and I just stared at the blank page.",
        {"A teacher and a boss appear in the dream.": "unsure"},
    ),  # one person, teacher and boss at once
    (
        "daydream, bookshop",
        "daydream",
        "On the train I imagined quitting and opening a little bookshop by the sea. Quiet mornings, a cat asleep in "
        "the window, people coming in to browse.",
        {"Your words carry disappointment.": "wrong"},
    ),
    (
        "daydream, brother",
        "daydream",
        "I keep picturing what it would be like to tell my brother exactly what I think of him. In the fantasy he "
        "finally listens.",
        {},
    ),
    (
        "about the therapist",
        "free_association",
        "I was annoyed with my therapist today. She kept asking about my mother when I wanted to talk about work. I "
        "didn't say anything, I just nodded along.",
        {"Your words carry annoyance.": "right"},
    ),
    (
        "about the therapist, good",
        "free_association",
        "Session was good today. Dr. Ellis pointed out that I always apologise before I ask for anything. I hadn't "
        "noticed that.",
        {},
    ),
    (
        "plans, chores",
        "free_association",
        "Next week I plan to call the landlord about the boiler, book the car in for its service and finish the tax "
        "forms. I'll make a list tonight.",
        {"Your words carry nervousness.": "wrong"},
    ),
    (
        "plans, session",
        "free_association",
        "I want to bring this to my next session. I intend to ask about changing the time of our appointments.",
        {"Your words carry desire.": "wrong"},
    ),
    (
        "plans, goals",
        "free_association",
        "Goals for the month: run three times a week, read two books, and cook at home more. I'd like to start on "
        "Monday.",
        {},
    ),
    (
        "plans, medication",
        "free_association",
        "I need to remember to ask my therapist about the medication. I should also phone the pharmacy tomorrow.",
        {},
    ),
    (
        "quoting, sister",
        "free_association",
        "My sister said she was furious with our dad for missing her wedding. She cried on the phone for an hour. I "
        "just listened.",
        {"Your words carry sadness.": "wrong"},
    ),  # its evidence is the sister's fury
    (
        "quoting, husband",
        "free_association",
        "My husband told me he feels lonely since the kids moved out. He seemed sad all evening.",
        {},
    ),
    (
        "quoting, Sam",
        "free_association",
        "Sam was so excited about his new job, he couldn't stop talking about it over dinner.",
        {},
    ),
    (
        "quoting, nurse",
        "free_association",
        "The nurse said my mother was scared during the night and kept asking for me.",
        {},
    ),
    (
        "negated anger",
        "free_association",
        "I'm not angry with him. I'm really not. I just need some space.",
        {"Your words carry disapproval.": "wrong"},
    ),  # evidence "I'm really not."
    (
        "negated sadness",
        "free_association",
        "I didn't feel sad at the funeral at all, which surprised me.",
        {"Your words carry surprise.": "right"},
    ),
    (
        "negated anxiety",
        "free_association",
        "I'm not anxious about the interview anymore. I've prepared well.",
        {},
    ),
    ("negated happiness", "free_association", "Never once felt happy at that job. Not one day.", {}),
    (
        "sarcasm, Monday",
        "free_association",
        "Oh great, another Monday. Just what I needed. I just love sitting in traffic for an hour.",
        {"Your words carry love.": "wrong"},
    ),
    (
        "sarcasm, rent",
        "free_association",
        "Fantastic, the landlord raised the rent again. Wonderful news. Really thrilled.",
        {"Your words carry joy.": "wrong", "Your words carry excitement.": "wrong"},
    ),
    (
        "relief",
        "free_association",
        "Got the results back and everything is clear. I cried with relief in the car park. So grateful.",
        {"Your words carry gratitude.": "right"},
    ),
    (
        "grief",
        "free_association",
        "It's been a year since Dad died. I still reach for the phone to call him on Sundays.",
        {"Your words carry grief.": "right"},
    ),
    (
        "bodily anxiety",
        "free_association",
        "My heart was racing all morning and I couldn't catch my breath before the presentation.",
        {"Your words carry nervousness.": "right"},
    ),
    (
        "ignored by partner",
        "free_association",
        "When I asked my partner to help with the dishes, he ignored me and kept watching TV. I felt invisible and "
        "went to bed early.",
        {"Your words carry sadness.": "right"},
    ),
    (
        "boss said yes",
        "free_association",
        "I asked my boss for a day off and she said yes straight away. I was pleasantly surprised.",
        {"Your words carry surprise.": "right"},
    ),
    (
        "thinking of father",
        "free_association",
        "I thought about my father a lot today. He would have been sixty.",
        {"Your words carry sadness.": "unsure"},
    ),
    (
        "a birthday card",
        "free_association",
        "My mother's birthday is next Tuesday. I need to buy a card.",
        {},
    ),
    (
        "mixed, mum",
        "free_association",
        "I love my mum but she drives me mad. Every visit ends with me feeling guilty and resentful.",
        {
            "Your words carry love.": "right",
            "Your words carry remorse.": "right",
            "Your words carry annoyance.": "right",
        },
    ),
    (
        "hypothetical",
        "free_association",
        "If I lost my job I would be devastated. Luckily that isn't going to happen.",
        {},
    ),
)

POSITIVE = frozenset(
    {
        "love",
        "joy",
        "excitement",
        "admiration",
        "amusement",
        "approval",
        "gratitude",
        "optimism",
        "pride",
        "relief",
        "caring",
        "desire",
    }
)


def shown(text: str, kind: str = "free_association") -> tuple[Observation, ...]:
    """What the entry page's panel shows for ``text``: the real analysis, read as the page reads it."""
    return read_entry(text, analyse(text, kind).to_json()).observations


PLANS = (
    "I want to ask my doctor about the side effects at my next appointment.",
    "I want to talk to my GP about my blood test results next week.",
    "I plan to email my manager about the schedule tomorrow.",
    "I want to tell my therapist about the new job at our next session.",
    "I'm going to ask my landlord about fixing the window.",
    "I want to bring this to my next session.",
)


@pytest.mark.parametrize("text", PLANS)
def test_a_plan_to_raise_something_with_someone_is_not_shown_as_a_feeling(text: str) -> None:
    """A client writes a plan ("I want to ask my doctor about the side effects at my next appointment.") and the
    entry page says "Your words carry nervousness." (or "desire"), quoting the plan, though no feeling is in it.
    They should see no feeling read into a plan: an intention to ask or tell someone is not nervousness."""
    feelings = [o.text for o in shown(text) if o.analyzer == "feelings"]
    assert feelings == []


NO_FEELING_NAMED = (
    "I don't know why the bus was late again. I got to work at ten.",
    "I can't explain why the printer keeps jamming. Called IT again.",
    "No idea why I'm writing this, the day was ordinary. Shopping, laundry, TV.",
    "For some reason I took the long way home today and stopped for milk.",
    "I don't know why I'm telling you this, but the bus was late and I bought bread.",
)


@pytest.mark.parametrize("text", NO_FEELING_NAMED)
def test_not_knowing_why_about_a_thing_is_not_an_unexplained_feeling(text: str) -> None:
    """A client writes "I don't know why the bus was late again." and the entry page says "You name a feeling you
    cannot place yet.", though the entry names no feeling (the "makes no sense" marker needs one beside it since
    ambivalence 1.1.0; "don't know why", "can't explain why", "no idea why", "for some reason" do not). They should
    see no such observation unless a feeling is named by the marker."""
    unexplained = [o.text for o in shown(text) if o.analyzer == "unexplained"]
    assert unexplained == []


SARCASM_OVER_TWO_SENTENCES = (
    "Oh great, another Monday. I just love sitting in traffic.",
    "Oh brilliant, the boiler broke again. I just love cold showers.",
    "Oh great, another meeting. I just love waiting on hold for forty minutes.",
    "Great, the car won't start. I'm so thrilled.",
    "Perfect, my flight got cancelled. I'm absolutely delighted.",
)


@pytest.mark.parametrize("text", SARCASM_OVER_TWO_SENTENCES)
def test_sarcastic_delight_after_a_mishap_is_not_shown_as_the_writers_joy(text: str) -> None:
    """A client writes "Oh brilliant, the boiler broke again. I just love cold showers." and the entry page says
    "Your words carry love." (or joy, for "Great, the car won't start. I'm so thrilled."). The praise is sarcastic:
    a mishap opened by "Oh great,"/"Great,", then a first-person claim of delight. They should see no positive
    feeling credited to them (the sarcasm rule drops positive labels within a sentence and for short praise after a
    sarcastic one, not for "I just love …"/"I'm so thrilled" after it)."""
    positive = [o.text for o in shown(text) if o.analyzer == "feelings" and o.key.split(":")[1] in POSITIVE]
    assert positive == []
