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
    """The client's risk alerts this therapist received over the last 30 days: levels and dates, never words.

    Only what the client is told a therapist sees (``alerts.THERAPIST_SEES``): the alerts, nothing of the entries
    that raised none. Until review r128 it counted every entry and edit the client saved, private ones included
    ("7 entries screened"), which the client was never told, and counted an edit as another entry. Now one alert
    per record it is about (an entry's words edited into a new alert are still one entry, at its highest level);
    the trend compares those at ideation or above in the second half of the window with the first."""

    highest: str
    on: datetime | None  # when the words of the highest alert were written
    alerts: int
    flagged: int
    trend: str  # "rising", "falling" or "steady"


def _alert_subject(source: str, record_id: str) -> str:
    """What an alert is about, once: a journal entry (its alerts per version of its words are one), else the record."""
    return f"{source}:{record_id.partition('#r')[0] if source == 'journal' else record_id}"


def risk_overview(course: Course, now: datetime) -> RiskOverview:
    from reverie.clinic.models import Pair
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
    rank[alerts.IDEATION_OFTEN] = rank["ideation"]  # PHQ-9 item 9 "more than half the days": ideation (r133)
    best: dict[str, tuple[str, datetime]] = {}
    rows = list(
        alerts.received(course.therapist, course.client_id).only(
            "client_id", "source", "record_id", "level", "written_at", "created_at", "item_answer"
        )
    )
    # a refused PHQ-9's item 9 alert that a saved one followed within the hour is one moment, not two (r133)
    folded = measures.folded_into_saved(rows)
    for alert in rows:
        source, record_id, level = alert.source, alert.record_id, alert.level
        when = alert.written_at or alert.created_at
        if when < linked or when < since or alert.pk in folded:
            continue  # words written before the link: their level and date are never shown to this therapist
        key = _alert_subject(str(source), str(record_id))
        held = best.get(key)
        if held is None or rank.get(str(level), 0) > rank.get(held[0], 0):
            best[key] = (str(level), when)
    found = sorted(best.values(), key=lambda r: r[1])
    flagged = [at for level, at in found if rank.get(level, 0) >= rank["ideation"]]
    highest = max(found, key=lambda r: rank.get(r[0], 0), default=("none", None))
    middle = since + RISK_WINDOW / 2
    early, late = sum(at < middle for at in flagged), sum(at >= middle for at in flagged)
    trend = "rising" if late > early else "falling" if late < early else "steady"
    return RiskOverview(highest[0], highest[1], len(found), len(flagged), trend)


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
