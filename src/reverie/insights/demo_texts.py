"""Short, plausible, invented texts for ``reverie demo``: the demo stores them and runs the real analyzers.

Every sentence here was written for Reverie (no data set rows or quotes). The same planted pattern as the
synthetic history runs through them: closeness with a partner (and with the therapist) is followed by an
expected rejection and a withdrawal, a little less often as the months go by.

The demo's texts (``varied``) also carry one pattern planted to clear the insight rules by a wide margin
(``chance.beyond_chance``), so a newcomer sees what a strongest pattern looks like: the client's mother comes up in
a few short spells, each a dream of her, a waking entry about her within days, and another dream of her; outside
those spells she is in neither dreams nor waking entries (:data:`MOTHER_SPELLS`). Nothing forces the result: the
real analyzers read the texts, and the rule compares the dreams near a waking mention of her with how often any
entry's fortnight holds one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

START = datetime(2024, 1, 8, 19, 0, tzinfo=UTC)

PARTNERS = ("Sam", "Alex", "Robin")
FRIENDS = ("Priya", "Jonas", "Mei")

WITHDRAWAL = (
    "{partner} asked if I wanted to spend the whole weekend together. I was nervous that {partner} would "
    "see too much of me and lose interest. I said I was busy and stayed home alone.",
    "Last night {partner} told me I matter a lot. I felt scared that it would not last. I went quiet and "
    "left early without saying why.",
    "{partner} wants to meet my family. I keep thinking {partner} will be disappointed and leave. I "
    "cancelled our dinner before {partner} could change their mind.",
)
THERAPIST = (
    "In session I wanted to tell my therapist how much the last weeks meant to me. I was sure she would "
    "find it silly. I changed the subject and said very little for the rest of the hour.",
    "I almost told my therapist that I look forward to our sessions. I expected her to keep her distance. "
    "I kept my coat on and left right at the end.",
)
CHILDHOOD = (
    "When I was a child I wanted my mother to notice my drawings. She told me to stop bothering her. I "
    "went to my room and stopped showing her anything.",
    "As a kid I waited for my father to come to my school play. He said he had better things to do. I "
    "told myself I did not care.",
)
WORK = (
    "My boss offered me the lead on the new project. I was afraid I would fail in front of everyone. I "
    "said I was too busy and let someone else take it.",
    "There is an opening for a senior role at work. I worry I am not good enough. I did not apply and "
    "felt flat all day.",
)
FRIENDLY = (
    "Had lunch with {friend} and laughed a lot. {friend} listened when I talked about the move. I felt "
    "grateful and calm afterwards.",
    "{friend} helped me carry boxes all afternoon. I felt cared for and a bit proud of the new place.",
)
DREAMS = (
    "I dreamt I was in my childhood house and {partner} was in the kitchen. Every door I opened led back "
    "to the same hallway. I woke up anxious.",
    "In the dream my mother was packing a suitcase and would not look at me. I kept calling but no sound "
    "came out.",
    "I dreamt I lost my keys on the way to work and my boss laughed at me in front of everyone.",
)
UNEXPLAINED = (
    "I felt sad all afternoon and I don't know why.",
    "Out of nowhere I was angry this morning. I can't explain it.",
)
LATER_LINK = (
    "I think the sadness last week was about my mother. Talking to her reminded me how alone I felt as a "
    "child.",
    "I realised the anger was about {partner} cancelling again. I felt let down by {partner}.",
)
# The planted pattern (the demo): dreams of the client's mother, and waking entries about her, in the same spells.
MOTHER_DREAMS = (
    "In the dream my mother was packing a suitcase and would not look at me. I kept calling but no sound "
    "came out.",
    "I dreamt my mother was standing at the far end of a long platform. The train left before I could reach "
    "her.",
    "In the dream I was small again and my mother was in the next room. I knocked and knocked but she did "
    "not open the door.",
)
MOTHER_WAKING = (
    "My mother phoned yesterday and asked why I never visit. I felt guilty and then cross with myself. I "
    "kept the call short.",
    "When I was a child I wanted my mother to notice my drawings. She told me to stop bothering her. I "
    "went to my room and stopped showing her anything.",
    "My mother has been unwell and I went to see her. She asked about my job and not about me. I stayed an "
    "hour and left feeling small.",
)
# Where the spells fall, as shares of the six months, and what each spell holds, in order (entries are a few days
# apart, so a spell's three entries lie within about nine days; the last spell is the weeks the mother was unwell).
MOTHER_SPELLS = (0.15, 0.5, 0.8)
SPELL = ("dream", "waking", "dream")
MOTHER = "my mother"  # outside the spells, texts that mention her are not drawn (the demo)

MINDFUL = (
    "Today I chose to tell {partner} I needed an evening to myself instead of just disappearing. It felt "
    "awkward but honest.",
    "I noticed the urge to cancel on {friend}. I went anyway and I am glad I did.",
)


@dataclass(frozen=True, slots=True)
class SyntheticText:
    """One invented entry or session note for the demo (the caller stores it and runs the analyzers)."""

    id: str
    source: str
    kind: str
    happened_at: datetime
    shared_with_therapist: bool
    text: str
    is_process_note: bool = False
    feelings: tuple[tuple[str, int], ...] = ()  # what the invented writer ticked on the form (name, 1-5)


@dataclass(frozen=True, slots=True)
class Window:
    """When, in the writer's own time, an opener's words can be true: from ``start`` to ``end`` (minutes after
    midnight, the same day, never in the hour a clock change skips or repeats) on the given weekdays (0 Monday)."""

    start: int
    end: int
    weekdays: frozenset[int] = frozenset(range(7))

    def holds(self, local: datetime) -> bool:
        minute = local.hour * 60 + local.minute
        return local.weekday() in self.weekdays and self.start <= minute < self.end


WEEKDAYS = frozenset(range(5))
# Each opener with the time its words name (review r83: "In my lunch break." was dated 05:04): the demo dates an
# entry inside its opener's window, and only gives an opener to a day it fits ("Sunday morning." on Sundays).
OPENERS: dict[str, Window] = {
    "Late, and I cannot sleep.": Window(23 * 60 + 15, 24 * 60),
    "Writing this on the train home.": Window(17 * 60 + 30, 19 * 60 + 30, WEEKDAYS),
    "A grey, slow day.": Window(15 * 60, 20 * 60),
    "A quick note before bed.": Window(22 * 60, 23 * 60 + 30),
    "Sunday morning.": Window(8 * 60, 12 * 60, frozenset({6})),
    "Straight after work.": Window(17 * 60, 19 * 60, WEEKDAYS),
    "Early, with the first coffee.": Window(6 * 60, 8 * 60),
    "Rain all evening.": Window(20 * 60, 23 * 60),
    "Back from a long walk.": Window(11 * 60, 18 * 60),
    "In my lunch break.": Window(12 * 60, 14 * 60, WEEKDAYS),
    "The flat is quiet tonight.": Window(20 * 60 + 30, 23 * 60 + 30),
}

CLOSERS = (
    "I want to bring this to my next session.",
    "Writing it down helps a little.",
    "I am not sure what to make of it yet.",
    "My shoulders were tight the whole time.",
    "Maybe this is the old pattern again.",
    "I slept badly afterwards.",
    "I made tea and watched the street for a while.",
    "It is easier to see on paper.",
    "",
)


def synthetic_texts(
    seed: int = 7,
    n_entries: int = 40,
    n_sessions: int = 8,
    *,
    start: datetime | None = None,
    varied: bool = False,
    zone: tzinfo = UTC,
) -> list[SyntheticText]:
    """``n_entries`` entries over about six months and ``n_sessions`` session notes, in time order.

    ``start`` moves the six months (the demo ends them yesterday); ``varied`` gives each entry its own opening
    and closing words, so no two bodies are the same (the demo; the evaluations keep the plain texts), and dates
    each such entry inside its opener's :data:`OPENERS` window, in ``zone`` (the writer's time zone); ``varied``
    also plants the demo's pattern (:data:`MOTHER_SPELLS`: the client's mother in dreams and in waking entries in
    the same few days, and nowhere else).
    """
    rng = random.Random(seed)
    spells = _spells(n_entries) if varied else {}
    first = start or START
    partner, friend = rng.choice(PARTNERS), rng.choice(FRIENDS)
    texts: list[SyntheticText] = []
    seen: set[str] = set()
    for n in range(n_entries):
        day = first + timedelta(days=n * 180 / max(n_entries, 1))
        when = day + timedelta(minutes=rng.randrange(600))
        kind, text = spells.get(n) or _entry(rng, n / max(n_entries, 1), planted=varied)
        body = text.format(partner=partner, friend=friend)
        if varied:
            body, when = _vary(rng, body, seen, day.astimezone(zone), when)
        shared = rng.random() < 0.7 or n in spells  # the spells' entries: brought to the therapist
        felt = _rated(text)
        texts.append(SyntheticText(f"demo-e{n + 1:03d}", "entry", kind, when, shared, body, feelings=felt))
    for n in range(n_sessions):
        when = first + timedelta(days=3 + n * 180 / max(n_sessions, 1))
        body = rng.choice(THERAPIST if rng.random() < 0.6 else WITHDRAWAL).format(
            partner=partner, friend=friend
        )
        texts.append(SyntheticText(f"demo-s{n + 1:03d}", "session", "session", when, True, body))
    return sorted(texts, key=lambda t: (t.happened_at, t.id))


def _vary(
    rng: random.Random, body: str, seen: set[str], day: datetime, when: datetime
) -> tuple[str, datetime]:
    """The body with an opening and a closing of its own, never one already used, and its moment: on ``day`` (in
    the writer's zone), inside the window of the opener, which is one that fits that weekday (seeded, so
    reproducible)."""
    fitting = [opener for opener, window in OPENERS.items() if day.weekday() in window.weekdays]
    for _ in range(200):
        opener = rng.choice(fitting)
        words = " ".join(part for part in (opener, body, rng.choice(CLOSERS)) if part)
        if words not in seen:
            seen.add(words)
            window = OPENERS[opener]
            midnight = day.replace(hour=0, minute=0, second=0, microsecond=0)
            local = midnight + timedelta(minutes=window.start + rng.randrange(window.end - window.start))
            return words, local.astimezone(UTC)  # wall-clock arithmetic: the window in local time
    return body, when  # pragma: no cover - 11 x 9 combinations per text are far more than the demo uses


RATED: tuple[tuple[tuple[str, ...], tuple[tuple[str, int], ...]], ...] = (
    (WITHDRAWAL, (("longing", 3), ("anxiety", 4))),
    (THERAPIST, (("longing", 3), ("shame", 2))),
    (CHILDHOOD, (("sadness", 4), ("loneliness", 3))),
    (WORK, (("fear", 3), ("shame", 2))),
    (FRIENDLY, (("joy", 4), ("relief", 3))),
    (DREAMS, (("anxiety", 3),)),
    (UNEXPLAINED, (("sadness", 3), ("confusion", 3))),
    (LATER_LINK, (("sadness", 2), ("relief", 3))),
    (MINDFUL, (("pride", 3), ("anxiety", 2))),
    (MOTHER_DREAMS, (("longing", 3), ("sadness", 3))),
    (MOTHER_WAKING, (("guilt", 3), ("sadness", 3))),
)


def _spells(n_entries: int) -> dict[int, tuple[str, str]]:
    """The planted spells (:data:`MOTHER_SPELLS`): entry index -> (kind, text), a dream of the mother, a waking entry
    about her, another dream (each spell its own waking text; the dream texts taken in turn)."""
    out: dict[int, tuple[str, str]] = {}
    for number, where in enumerate(MOTHER_SPELLS):
        first = int(where * n_entries)
        dreams = iter((MOTHER_DREAMS[number % 3], MOTHER_DREAMS[(number + 1) % 3]))
        for offset, part in enumerate(SPELL):
            if first + offset < n_entries and first + offset not in out:
                if part == "dream":
                    out[first + offset] = ("dream", next(dreams))
                else:
                    out[first + offset] = ("reflection", MOTHER_WAKING[number % 3])
    return out


def _rated(template: str) -> tuple[tuple[str, int], ...]:
    """The feelings an invented writer of this kind of text would tick: the demo's self-ratings, mixed ones too."""
    return next((felt for group, felt in RATED if template in group), ())


def _entry(rng: random.Random, progress: float, *, planted: bool = False) -> tuple[str, str]:
    """One drawn entry; ``planted`` (the demo): none that mentions the mother, who belongs to the spells, and half
    the drawn dreams are everyday entries instead (the spells bring dreams of their own)."""

    def pick(group: tuple[str, ...]) -> str:
        return rng.choice([t for t in group if MOTHER not in t.lower()] if planted else group)

    roll = rng.random()
    if roll < 0.12:
        if planted and roll >= 0.06:
            return "free_association", rng.choice(FRIENDLY + MINDFUL)
        return "dream", pick(DREAMS)
    if roll < 0.2:
        return "free_association", pick(UNEXPLAINED + LATER_LINK)
    if roll < 0.3:
        return "mindful_choice", rng.choice(MINDFUL)
    if roll < 0.42:
        return "reflection", pick(CHILDHOOD)
    if roll < 0.54:
        return "reflection", rng.choice(WORK)
    if roll < 0.54 + 0.3 * (1 - progress):
        return "free_association", rng.choice(WITHDRAWAL)
    return "free_association", rng.choice(FRIENDLY + MINDFUL)
