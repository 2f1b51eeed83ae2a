"""Summary first: up to 5 of the strongest patterns of a view in plain sentences, and a calendar of self-rated feelings.

Pure. ``highlights(view)`` picks at most one statement per kind of pattern (recurring pattern, therapist mirror,
the core relationship theme, the biggest shift in feelings, a dream figure that also appears in waking life, the
past meeting the present), leaves out what is tentative, and words it without codes. ``feeling_calendar`` lays
the person's *own* ratings (feeling and intensity 1–5, as ticked on the write form) out by week and day; what the
model read is a separate layer (``Week.model``), never mixed into the person's ratings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from reverie.insights.ccrt import RO_WORDED
from reverie.insights.goemotions import valence
from reverie.insights.pictures import quarter_months
from reverie.insights.shown import RELATIONSHIP_SECTIONS, defenses_worded, relationships_worded
from reverie.insights.statements import Statement, unit_words
from reverie.insights.view import FEW_TIMES, InsightView

MAX_HIGHLIGHTS = 5
_CODES = re.compile(r"\s*\((W|RO|RS)\)|\b(W|RO|RS) (?=[a-z])")
_CODE_WORDS = {"W": "wish: ", "RO": "others: ", "RS": "you: "}
HIDDEN_FROM_CLIENTS = ("dream:element:", "defense:")
_RO = {
    1: "others come across as strong",
    2: "others try to take control",
    3: "others get upset",
    4: "others come across as unkind",
    5: "others seem to turn you away",
    6: "others help",
    7: "others warm to you",
    8: "others understand you",
}
_RS = {
    1: "you help",
    2: "you withdraw",
    3: "you feel respected",
    4: "you push back",
    5: "you keep yourself in check",
    6: "you feel helpless",
    7: "you feel let down and low",
    8: "you feel anxious and ashamed",
}
_RS_THEY = {
    1: "the client helps",
    2: "the client withdraws",
    3: "the client feels respected",
    4: "the client pushes back",
    5: "the client keeps themself in check",
    6: "the client feels helpless",
    7: "the client feels let down and low",
    8: "the client feels anxious and ashamed",
}
_W = {
    1: "to stand up for yourself",
    2: "to push back",
    3: "for someone else to take charge",
    4: "to keep your distance",
    5: "to be close",
    6: "to be loved and understood",
    7: "to feel at ease",
    8: "to achieve something",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    key: str
    sentence: str
    seen: str  # "seen in 11 of 24 relationship moments"
    evidence: tuple[str, ...]  # item ids, time order
    sure: str = ""  # how sure, in words, as the entry panel says it (:func:`sureness`)


# From this many times a strongest pattern is said with "fairly sure"; below it (from FEW_TIMES, the least a
# strongest pattern needs) "less sure": the entry panel's two words of sureness (r134 fault 5).
SURE_TIMES = 2 * FEW_TIMES


def sureness(count: int) -> str:
    """How sure Reverie is of a strongest pattern, in the entry panel's words: each reading behind it can be wrong,
    so a pattern that came up many times is surer than one that came up a few times."""
    if count >= SURE_TIMES:
        return "Reverie is fairly sure of this: it came up many times"
    return "Likely, but Reverie is less sure of this one: it came up only a few times"


# What a statement counts, in a client's words: they write entries, not "items"; the moments, not "episodes".
CLIENT_UNITS = {
    "items": "entries",
    "later items": "later entries",
    "episodes": "relationship moments",
    "later episodes": "later relationship moments",
}


def client_unit(unit: str) -> str:
    """A statement's unit as the client reads it (their page's "seen in ..." and highlights, h10)."""
    return CLIENT_UNITS.get(unit, unit)


def _seen(s: Statement) -> str:
    unit = client_unit(s.unit)
    if s.total:
        return f"seen in {s.count} of {s.total} {unit_words(unit, s.total)}"
    return f"seen in {s.count} {unit_words(unit, s.count)}"


# The core theme's components worded for the client. None since 2026-12-04: with each frozen vignette batch
# (frozen6-11) read as one history, the wish the found episodes hold most often was the writers' most frequent one
# in 1 of 6 batches, the response of self in 3 of 6 (a rule written before asked for 4 of 6; docs/ccrt.md, "What a
# person sees"). The therapist's view keeps every component.
CLIENT_CORE_WORDED: frozenset[str] = frozenset()


def _core(view: InsightView, audience: str) -> Highlight | None:
    client = audience == "client"
    rows = {
        r.component: r for r in view.core if r.count and (not client or r.component in CLIENT_CORE_WORDED)
    }
    if not rows or not view.core:
        return None
    total = max(r.total for r in view.core)
    parts = []
    if "w" in rows and rows["w"].count >= FEW_TIMES:
        wish = "you often wish" if client else "the client often wishes"
        parts.append(f"{wish} {_W[rows['w'].cluster]} ({rows['w'].count} of {total})")
    if "ro" in rows and rows["ro"].count >= FEW_TIMES and rows["ro"].cluster in RO_WORDED:
        others = _RO[rows["ro"].cluster]
        others = others if client else others.replace(" you", " the client")
        parts.append(f"{others} ({rows['ro'].count} of {total})")
    if "rs" in rows and rows["rs"].count >= FEW_TIMES:
        self_ = _RS[rows["rs"].cluster] if client else _RS_THEY[rows["rs"].cluster]
        parts.append(f"{self_} ({rows['rs'].count} of {total})")
    if not parts:
        return None
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    evidence = tuple(
        i
        for key in ("ccrt:core:w", "ccrt:core:ro", "ccrt:core:rs")
        for s in view.statements()
        if s.key == key
        for i in s.evidence
    )
    ordered = tuple(dict.fromkeys(evidence))
    return Highlight(
        "core",
        f"In the relationship moments described, {words}.",
        f"from {total} relationship moments",
        ordered,
        sureness(min(r.count for r in rows.values())),
    )


def _first(view: InsightView, section: str, prefix: str = "", *, tested: bool = False) -> Statement | None:
    """The strongest statement of a kind; ``tested``: only one that stands out beyond chance (mixed feelings: one
    person among several at similar rates is no strongest pattern, review r87)."""
    found = view.section(section)
    ranked = [
        s
        for s in (found.statements if found else ())
        if s.key.startswith(prefix)
        and not s.tentative
        and s.count >= FEW_TIMES
        and (s.beyond_chance or not tested)
    ]
    ranked.sort(key=lambda s: (-(s.count / s.total if s.total else 0), -s.count))
    return ranked[0] if ranked else None


def highlights(view: InsightView, limit: int = MAX_HIGHLIGHTS) -> list[Highlight]:
    """The strongest patterns in plain words (at most ``limit``), each with how often and the items behind it."""
    out: list[Highlight] = []
    for section, prefix in (("patterns", ""), ("transference", "")):
        s = _first(view, section, prefix)
        if s is not None:
            out.append(Highlight(s.key, s.text, _seen(s), s.evidence, sureness(s.count)))
    core = _core(view, view.audience)
    if core is not None:
        out.append(core)
    for section, prefix in (
        ("feelings", "feelings:shift:"),
        ("dreams", "dream:waking:"),
        ("triangles", "pattern-link"),
        ("triangles", "link:C-P"),
        ("feelings", "feelings:mixed:"),
    ):
        s = _first(view, section, prefix, tested=prefix == "feelings:mixed:")
        if s is not None and not any(h.key == s.key for h in out):
            out.append(Highlight(s.key, s.text, _seen(s), s.evidence, sureness(s.count)))
    if view.audience == "client":
        out = [replace(h, sentence=plain(h.sentence)) for h in out]
    return out[:limit]


def plain(text: str) -> str:
    """A statement without CCRT letters ('(W)' goes, 'RO controlling' reads 'others: controlling') and with calendar
    quarters in months ('2026-Q2' reads 'April–June 2026', '2026-Q3 to 2026-Q4' 'July–December 2026')."""
    return _QUARTERS.sub(_months, _CODES.sub(lambda m: _CODE_WORDS.get(m.group(2) or "", ""), text))


_QUARTERS = re.compile(r"\b(\d{4})-Q([1-4])(?: to (\d{4})-Q([1-4]))?\b")


def _months(match: re.Match[str]) -> str:
    """A quarter, or a run of quarters, as the months a person reads."""
    year, quarter = match.group(1), int(match.group(2))
    last_year, last_quarter = match.group(3) or year, int(match.group(4) or quarter)
    first, last = quarter_months(quarter)[0], quarter_months(last_quarter)[1]
    if year == last_year:
        return f"{first}\u2013{last} {year}"
    return f"{first} {year} \u2013 {last} {last_year}"


# What an empty section says, where "Nothing to show here yet" would read as broken after months of writing (r134):
# the thread is empty when no two themes come up next to each other beyond chance, however many entries there are.
EMPTY_WORDS = {
    "thread": "No two themes come up next to each other more often than chance alone would give.",
}


def empty_words(key: str) -> str:
    """What the page and the PDF say under a section with no statement."""
    return EMPTY_WORDS.get(key, "Nothing to show here yet.")


def readable_sections(view: InsightView) -> list[tuple[str, tuple[Statement, ...]]]:
    """The sections a reader's page shows. For every reader, no empty section of relationship episodes while they
    are not put into words and no defense (DMRS/ODF) section while defense readings are not (``insights.shown``:
    analyzers under MIN_SCORE are not stated); for a client also no raw codes: no Hall–Van de Castle element codes,
    no CCRT letters."""
    return [(title, rows) for _, title, rows in keyed_sections(view)]


def keyed_sections(view: InsightView) -> list[tuple[str, str, tuple[Statement, ...]]]:
    """:func:`readable_sections` with each section's key: what the page shows, and what
    ``reverie insights --json`` prints (``InsightView.to_json``, review r21)."""
    out = []
    for section in view.sections:
        rows = section.statements
        if section.key == "defenses" and not rows and (view.audience == "client" or not defenses_worded()):
            continue  # no defense reading is stated to anyone today (insights.shown)
        if section.key in RELATIONSHIP_SECTIONS and not rows and not relationships_worded():
            continue  # no relationship episode is put into words today (insights.shown)
        if view.audience == "client":
            if section.key == "defenses":
                continue
            rows = tuple(
                replace(s, text=plain(s.text), unit=client_unit(s.unit))
                for s in rows
                if not s.key.startswith(HIDDEN_FROM_CLIENTS)
            )
        out.append((section.key, section.title, rows))
    return out


# --- the person's own feelings by week and day ---------------------------------------------------------------

POSITIVE = frozenset({"love", "tenderness", "joy", "relief", "hope", "pride", "calm", "gratitude", "content"})
NEGATIVE = frozenset(
    {
        "sadness",
        "grief",
        "loneliness",
        "anger",
        "resentment",
        "envy",
        "fear",
        "anxiety",
        "shame",
        "guilt",
        "disgust",
    }
)


def tone(name: str) -> str:
    """'pos', 'neg' or 'amb' for a self-rated feeling (the write form's list, else the GoEmotions grouping)."""
    word = name.strip().lower()
    if word in POSITIVE:
        return "pos"
    if word in NEGATIVE:
        return "neg"
    return {"positive": "pos", "negative": "neg"}.get(valence(word), "amb")


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    feelings: tuple[tuple[str, int], ...]  # strongest first

    @property
    def tone(self) -> str:
        tones = {tone(n) for n, _ in self.feelings}
        if {"pos", "neg"} <= tones:
            return "mix"
        return next(iter(tones - {"amb"}), "amb") if self.feelings else "v0"

    @property
    def level(self) -> int:
        return max((i for _, i in self.feelings), default=0)

    @property
    def short(self) -> str:
        """What the cell shows: the strongest intensity, '+' when more than one feeling was rated."""
        if not self.feelings:
            return ""
        return f"{self.level}" + ("+" if len(self.feelings) > 1 else "")

    @property
    def words(self) -> str:
        return ", ".join(f"{n} {i} of 5" for n, i in self.feelings) or "nothing rated"


@dataclass(frozen=True, slots=True)
class Week:
    start: date
    days: tuple[Day, ...]  # Monday to Sunday
    model: tuple[str, ...]  # what the model read in the words that week (its own layer), most frequent first

    @property
    def rated(self) -> int:
        return sum(1 for d in self.days if d.feelings)


def rated_days(calendar: Iterable[Week]) -> list[Day]:
    """The calendar's days with a rating, newest first throughout: the one order of "Your ratings in words, day by
    day" (a week's days run Monday to Sunday for the table's columns, which inside newest-first weeks read as no
    order at all in a list, review r128)."""
    return sorted(
        (d for week in calendar for d in week.days if d.feelings), key=lambda d: d.day, reverse=True
    )


def feeling_calendar(
    rated: Iterable[tuple[datetime, Iterable[tuple[str, int]]]],
    read: Iterable[tuple[datetime, Iterable[str]]] = (),
    *,
    weeks: int = 6,
) -> list[Week]:
    """The last ``weeks`` weeks that hold a rating, newest first: per day the person's own feelings, strongest first.

    Several entries on one day merge (a feeling's highest intensity counts). ``read`` gives, per entry, the
    feelings the model read; they form the separate ``model`` layer of each week.
    """
    by_day: dict[date, dict[str, int]] = {}
    for when, feelings in rated:
        day = by_day.setdefault(when.date(), {})
        for name, intensity in feelings:
            day[name] = max(day.get(name, 0), int(intensity))
    by_day = {d: f for d, f in by_day.items() if f}
    model: dict[date, Counter[str]] = {}
    for when, names in read:
        start = when.date() - timedelta(days=when.weekday())
        model.setdefault(start, Counter()).update(n for n in names if n != "neutral")
    starts = sorted({d - timedelta(days=d.weekday()) for d in by_day}, reverse=True)[:weeks]
    out = []
    for start in starts:
        days = []
        for offset in range(7):
            d = start + timedelta(days=offset)
            felt = sorted(by_day.get(d, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            days.append(Day(d, tuple(felt)))
        read_words = tuple(n for n, _ in model.get(start, Counter()).most_common(3))
        out.append(Week(start, tuple(days), read_words))
    return out
