"""The therapist's preparation for the next session: what changed since the last one, in one place.

Everything comes from the services that own it (journal sharing, measures, alerts, insights, formulation), so the
page shows nothing the therapist could not already see elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from reverie.care.models import Course
from reverie.care.services import alerts, formulation, measures
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.clinic.services import insights, journal
from reverie.clinic.services.journal import EntryView
from reverie.errors import NotFound
from reverie.insights.highlights import Highlight, highlights
from reverie.insights.statements import Statement
from reverie.programmes.formats import CoursePosition

PATTERN_SECTIONS = ("themes", "transference", "patterns", "triangles")
RISK_WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class RiskOverview:
    """Risk readings of the client's entries over the last 30 days: levels and dates only, never words.

    One reading per entry's words (an edit that changed no words adds none): the higher of the save-time screen and
    the full analysis, so the count never waits for the worker. Only words written since the client linked with
    this therapist count (as for the alerts; an imported date after the import is not trusted)."""

    highest: str
    on: datetime | None
    screened: int
    flagged: int
    trend: str  # "rising", "falling" or "steady" (flagged screens, second half of the window vs the first)


def risk_overview(course: Course, now: datetime) -> RiskOverview:
    from reverie.clinic.models import EntryScreen, Pair, StoredAnalysis
    from reverie.clinic.services.analysis import RISK_ORDER

    since = now - RISK_WINDOW
    linked = (
        Pair.objects.open()
        .filter(client_id=course.client_id, therapist_id=course.therapist_id)
        .values_list("started_at", flat=True)
        .first()
    )
    if linked is None:
        return RiskOverview("none", None, 0, 0, "steady")
    rank = {level: i for i, level in enumerate(RISK_ORDER)}
    window = {"entry__client_id": course.client_id, "entry__happened_at__gte": since}
    screens = list(
        EntryScreen.objects.filter(**window).values_list(
            "entry_id",
            "revision",
            "words_revision",
            "level",
            "screened_at",
            "entry__written_at",
            "entry__happened_at",
        )
    )
    words = {(entry, revision): kept or revision for entry, revision, kept, *_ in screens}
    saved = {(entry, revision): at for entry, revision, _, _, at, _, _ in screens}
    best: dict[tuple[Any, int], tuple[str, datetime, datetime]] = {}  # level, words written, happened

    def add(entry: Any, revision: int, level: str, first: datetime, updated: datetime, on: datetime) -> None:
        key = (entry, words.get((entry, revision), revision))
        when = saved.get(key) or (first if key[1] <= 1 else updated)
        if key[1] <= 1:
            when = min(first, when)  # a date after the save (an import's) is not trusted
        held = best.get(key)
        if held is None or rank.get(level, 0) > rank.get(held[0], 0):
            best[key] = (level, when, on)

    for entry, revision, _, level, at, first, on in screens:
        add(entry, revision, str(level), first, at, on)
    analyses = StoredAnalysis.objects.filter(**window).values_list(
        "entry_id", "revision", "risk_level", "entry__written_at", "entry__updated_at", "entry__happened_at"
    )
    for entry, revision, level, first, updated, on in analyses:
        add(entry, revision, str(level), first, updated, on)
    rows = sorted(((level, on) for level, when, on in best.values() if when >= linked), key=lambda r: r[1])
    flagged = [(level, at) for level, at in rows if rank.get(level, 0) >= rank["ideation"]]
    highest = max(rows, key=lambda r: rank.get(r[0], 0), default=("none", None))
    middle = since + RISK_WINDOW / 2
    early, late = sum(at < middle for _, at in flagged), sum(at >= middle for _, at in flagged)
    trend = "rising" if late > early else "falling" if late < early else "steady"
    return RiskOverview(highest[0], highest[1], len(rows), len(flagged), trend)


@dataclass(frozen=True, slots=True)
class Prep:
    course: Course
    position: CoursePosition
    next_session: datetime | None
    last_session: datetime | None
    shared_since: list[EntryView]
    progress: measures.Progress
    open_alerts: list[Any]
    patterns: list[Statement]
    formulation: formulation.FormulationVersion | None
    risk: RiskOverview
    summary: tuple[
        tuple[Highlight, tuple[tuple[str, date], ...]], ...  # (entry id, the client's day)
    ] = ()  # the strongest, dated entries


def _sessions_around(course: Course, now: datetime) -> tuple[datetime | None, datetime | None]:
    held = [row.start for row in courses.held_sessions(course)]
    past = [start for start in held if start <= now]
    future = [start for start in held if start > now]
    return (past[-1] if past else None), (future[0] if future else None)


def prepare(therapist: User, course_id: object, now: datetime | None = None) -> Prep:
    course = courses.read_course(therapist, course_id)
    if course.therapist_id != therapist.pk:
        raise NotFound("No such course.")
    moment = now or timezone.now()
    last, upcoming = _sessions_around(course, moment)
    shared = [
        v
        for v in journal.list_entries(therapist, client_id=course.client_id, limit=200)
        if last is None or v.written_at > last or v.updated_at > last
    ]
    view = insights.view_for(therapist, course.client_id)
    patterns = [s for key in PATTERN_SECTIONS if (sec := view.section(key)) for s in sec.statements][:8]
    found = highlights(view)
    dates = insights.entry_dates(therapist, [i for h in found for i in h.evidence])
    summary = tuple(
        (h, tuple(sorted(((i, dates[i]) for i in h.evidence if i in dates), key=lambda p: p[1])[-3:][::-1]))
        for h in found
    )
    versions = formulation.versions(therapist, course.id)
    return Prep(
        course=course,
        position=courses.position(course, moment, viewer=therapist),
        next_session=upcoming,
        last_session=last,
        shared_since=shared,
        progress=measures.progress(therapist, course.id),
        open_alerts=[a for a in alerts.open_alerts(therapist) if a.client_id == course.client_id],
        patterns=patterns,
        formulation=versions[-1] if versions else None,
        risk=risk_overview(course, moment),
        summary=summary,
    )
