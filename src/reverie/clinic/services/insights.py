"""Patterns over time for one client, built from stored (sealed) analyses and kept up to date incrementally.

The client decides whether to look. The therapist's view holds only what the client shared; process notes never
feed it unless the therapist asks, and that request is audited by the caller of :func:`view_for`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Container, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef

from reverie.clinic.models import Entry, Pair, StoredAnalysis, User
from reverie.clinic.services import analysis, audit
from reverie.clinic.services.analysis import latest_by_entry, stored_findings
from reverie.clinic.services.local_time import (
    day_in,
    local_date,
    within_years,
    zone_name,
    zone_named,
    zone_of,
)
from reverie.errors import NotFound, PermissionDenied
from reverie.insights.highlights import Week, feeling_calendar
from reverie.insights.items import Item
from reverie.insights.shown import counted_of
from reverie.insights.state import InsightState
from reverie.insights.view import InsightView

if TYPE_CHECKING:
    from reverie.clinic.services.journal import EntryView

_lock = threading.Lock()


# What one cached item is built from (:func:`_item`), so any change to it rebuilds the item: the entry's revision
# (every edit, the date or a tag alone included), kind and time, the stored analysis row and the revision it is of
# (a re-analysis is a new row; an analysis carried forward to a new revision keeps its row but not its revision),
# when it was shared (None: not shared), and the client's "doesn't fit" answers on it (their rows: what is put away,
# :func:`analysis.stored_findings`).
_Inputs = tuple[int, str, datetime, int, int, datetime | None, tuple[str, ...]]


def _inputs(entry: Entry, stored: StoredAnalysis, put_away: tuple[str, ...] = ()) -> _Inputs:
    shared_at = entry.shared_at if entry.shared else None
    return (entry.revision, entry.kind, entry.happened_at, stored.pk, stored.revision, shared_at, put_away)


@dataclass(slots=True)
class _Cached:
    state: InsightState
    # item id -> what it was built from (:func:`_inputs`): detects new analyses, edits of any kind and (re)shares
    versions: dict[str, _Inputs]
    zone: str = ""  # the client's zone the items' times are in (their quarters are the client's own)


_cache: dict[int, _Cached] = {}


def _item(entry: Entry, stored: StoredAnalysis, answered: Container[uuid.UUID] = ()) -> Item:
    """The entry for the insight engine, its time in the client's zone: the calendar fields the engine reads (the
    quarter of a period, the report's dates) are the client's own day, whoever looks."""
    findings = tuple(stored_findings(entry, stored, answered))
    return Item(
        id=str(entry.id),
        source="entry",
        kind=entry.kind,
        happened_at=within_years(entry.happened_at).astimezone(zone_of(entry.client)),
        shared_with_therapist=entry.shared,
        is_process_note=False,
        findings=findings,
        shared_at=entry.shared_at if entry.shared else None,
    )


def _latest_analyses(client: User) -> Iterable[tuple[Entry, StoredAnalysis]]:
    """The client's entries (not in the trash) that have an analysis of their current revision, each with it, in
    the entries' order. Only those are read (issue 16: every entry was loaded, then all but these dropped here; none
    at all when nothing is analysed yet)."""
    stored = latest_by_entry(client)
    if not stored:
        return
    current = StoredAnalysis.objects.filter(entry=OuterRef("pk"), revision=OuterRef("revision"))
    rows = Entry.objects.filter(Exists(current), client=client, deleted_at__isnull=True).select_related(
        "client"
    )
    for entry in rows:
        analysis = stored.get(entry.id)
        if analysis is not None:
            yield entry, analysis


def state_for(client: User) -> InsightState:
    """The client's insight state: built once, then updated item by item as analyses and sharing change."""
    with _lock:
        zone = zone_name(client)
        cached = _cache.get(client.pk)
        if cached is None or cached.zone != zone:  # a new zone moves entries between quarters: build again
            cached = _cache[client.pk] = _Cached(InsightState(), {}, zone)
        seen: set[str] = set()
        from reverie.clinic.services.observations import put_away_versions

        answered = put_away_versions(client)
        for entry, stored in _latest_analyses(client):
            key = str(entry.id)
            seen.add(key)
            version = _inputs(entry, stored, answered.get(entry.id, ()))
            if cached.versions.get(key) == version:
                continue
            item = _item(entry, stored, answered)
            if key in cached.versions:
                cached.state.replace(item)
            else:
                cached.state.add(item)
            cached.versions[key] = version
        for gone in set(cached.versions) - seen:
            cached.state.remove(gone)
            del cached.versions[gone]
        return cached.state


def forget(client_id: int) -> None:
    with _lock:
        _cache.pop(client_id, None)


def view_for(actor: User, client_id: int | None = None) -> InsightView:
    """The client's own view, or the linked therapist's view of what the client shared. Either counts the entries
    still waiting for the worker (``waiting``) among those it is of: the client's all of theirs, the therapist's
    only those shared with them within the link (:func:`analysis.pending_count`, the policy's reading rule), never
    a count of the entries the client has not shared."""
    if actor.is_client:
        if client_id not in (None, actor.pk):
            raise NotFound("No such client.")
        view = state_for(actor).view("client")
        if analysis.in_background():  # entries the worker has not read yet: in the sentence, not the figures
            view = replace(view, waiting=analysis.pending_count(actor))
        audit.record(actor, "insights.read", "insights", actor.pk, subject=actor)
        return view
    if client_id is None:
        raise PermissionDenied("Choose a client to see the patterns they shared.")
    pair = Pair.objects.open().filter(therapist=actor, client_id=client_id).select_related("client")
    link = pair.first()
    if link is None:
        raise NotFound("No such client.")
    # only what the client shared within this link (policy.shared_within): never a share made to an earlier one
    view = state_for(link.client).view("therapist", shared_since=link.started_at)
    # the shared entries still being read (of the unshared ones, not even a count)
    if analysis.in_background():
        view = replace(view, waiting=analysis.pending_count(link.client, reader=actor))
    audit.record(actor, "insights.read", "insights", link.client.pk, subject=link.client)
    return view


def entry_dates(actor: User, ids: Iterable[str]) -> dict[str, date]:
    """The day each entry behind a pattern happened, the client's own day whoever looks, for links that read as
    dates (only entries the actor may read); in the order the entries happened."""
    from reverie.clinic.services.policy import visible_entries

    wanted = [i for i in set(ids) if _is_uuid(i)]
    rows = visible_entries(actor).filter(pk__in=wanted).order_by("happened_at")
    return {
        str(pk): day_in(at, zone_named(zone))
        for pk, at, zone in rows.values_list("id", "happened_at", "client__time_zone")
    }


def _is_uuid(raw: str) -> bool:
    try:
        uuid.UUID(raw)
    except ValueError:
        return False
    return True


def feelings_calendar(actor: User, client_id: int | None = None, *, weeks: int = 6) -> list[Week]:
    """The person's own feeling ratings by week and day (the therapist: shared entries only), with the model's
    reading as a separate layer (for every reader, only the readings an entry page shows:
    :func:`reverie.insights.shown.counted`, reviews r21 and r30). Goes back over the latest entries only (at most 400), and decrypts them newest
    first only until ``weeks`` weeks with a rating are complete: the older ones could not change the calendar."""
    from reverie.clinic.services import journal

    client = actor if actor.is_client else None
    owner = client or (User.objects.filter(pk=client_id).first() if client_id is not None else None)
    zone = zone_of(owner)  # the client's own days, whoever looks (no such client: nothing is listed anyway)
    views = []
    rated = []
    rated_weeks: set[date] = set()
    for v in journal.iter_entries(actor, client_id=None if client else client_id, limit=400):
        day = local_date(v.happened_at, owner)
        week = day - timedelta(days=day.weekday())  # as feeling_calendar counts weeks
        if len(rated_weeks) >= weeks and week < min(rated_weeks):
            break  # newest first: every entry from here on is in a week older than the calendar's
        views.append(v)
        if v.feelings:
            rated.append((v.happened_at.astimezone(zone), [(f.name, f.intensity) for f in v.feelings]))
            rated_weeks.add(week)
    calendar = feeling_calendar(rated, weeks=weeks)
    if not calendar:
        return []
    since = min(w.start for w in calendar)
    if owner is None:
        return calendar
    shown = [v.id for v in views if local_date(v.happened_at, owner) >= since]
    stored = latest_by_entry(owner, shown)  # for the shown entries only
    entries = Entry.objects.select_related("client").in_bulk(list(stored))
    from reverie.clinic.services.observations import put_away_versions

    answered = put_away_versions(owner)  # read once: only entries with a "doesn't fit" answer are asked about
    read = []
    for v in views:
        row = stored.get(v.id)
        if row is None or local_date(v.happened_at, owner) < since:
            continue
        names = [
            f.label
            # every reader: the entry page's bar (insights.shown, review r30), apart from the risk words (r128)
            for f in counted_of(stored_findings(entries[v.id], row, answered))
            if f.kind == "emotion" and f.data.get("scope") == "entry"
        ]
        read.append((v.happened_at.astimezone(zone), names))
    return feeling_calendar(rated, read, weeks=weeks)


def evidence_labels(actor: User, ids: Iterable[str]) -> dict[str, str]:
    """Item id → "12 Mar 2024, “first words …”" for the report, for entries the actor may read (others: none); the
    date is the client's own day, whoever reads the report.

    The quote never repeats the words the risk screen read, at save or in the analysis (the entry's risk as shown,
    :func:`reverie.clinic.services.observations.risk_as_shown`): of an entry either flagged it quotes the body, never
    the title (which the save-time screen reads), and only its whole sentences before the first holding those words,
    decided before the quote is cut (:func:`reverie.insights.observations.risk_free_head`: never a phrase in part);
    or names the entry by its date only (nothing before them, or the words read can no longer be opened)."""
    from reverie.analysis.summary import quote
    from reverie.clinic.services import journal
    from reverie.clinic.services.policy import visible_entries
    from reverie.insights.observations import risk_free_head, without_risk_words

    wanted = [i for i in dict.fromkeys(ids) if _is_uuid(i)]
    out = {}
    for entry in visible_entries(actor).filter(pk__in=wanted).select_related("client"):
        view = journal._view(entry)
        flagged, phrases = _risk_words(entry, view)
        if not flagged:
            text = view.title or view.body
        elif phrases:
            text = risk_free_head(view.body, phrases)
        else:
            text = ""  # flagged, and the words read cannot be told: nothing is quoted
        words = quote(text, 0, len(text), limit=60)
        if words and phrases:
            words = next(iter(without_risk_words((words,), phrases)), "")
        day = local_date(view.happened_at, entry.client)
        out[str(entry.id)] = f"{day:%-d %b %Y}" + (f", “{words}”" if words else "")
    return out


def _risk_words(entry: Entry, view: EntryView) -> tuple[bool, list[str]]:
    """Whether the entry's risk as shown flags it (:func:`observations.risk_as_shown`: its analysis or its save-time
    screen), and the words either read (the analysis's risk spans in the analysed text, the screen's triggers in
    the screened one, the title's among them)."""
    from reverie.clinic.services.analysis import analysis_text, current_analysis, open_result
    from reverie.clinic.services.observations import risk_as_shown, screen_read
    from reverie.insights.observations import risk_phrases

    stored = current_analysis(entry)
    result = open_result(entry, stored) if stored is not None else None
    flagged = risk_as_shown(entry, result) is not None
    if not flagged or view.unreadable:
        return flagged, []
    phrases = screen_read(entry)[1]
    if result is not None:
        text = analysis_text({"body": view.body, "extra": dict(view.extra)})
        phrases += risk_phrases(text, result.get("findings", []))
    return True, phrases


def risk_in_report(actor: User, view: InsightView, client_id: int | None = None) -> bool:
    """Whether an entry of the report's period (``view.first`` to ``view.last``) that the actor may read is flagged
    by its risk as shown (:func:`reverie.clinic.services.observations.risk_as_shown`, as the entry page reads it: its
    analysis or its save-time screen, a flagged title too): the report then carries the safety plan and crisis lines,
    as the pages do."""
    from reverie.clinic.services.analysis import open_result
    from reverie.clinic.services.observations import risk_as_shown
    from reverie.clinic.services.policy import visible_entries

    owner = actor if actor.is_client else None
    if owner is None and client_id is not None:
        owner = User.objects.filter(pk=client_id).first()
    if owner is None or view.first is None or view.last is None:
        return False
    rows = visible_entries(actor).filter(
        client=owner, deleted_at__isnull=True, happened_at__gte=view.first, happened_at__lte=view.last
    )
    ids = list(rows.values_list("id", flat=True))
    stored = latest_by_entry(owner, ids)
    entries = Entry.objects.select_related("client").in_bulk(ids)
    return any(
        risk_as_shown(entry, open_result(entry, stored[pk]) if pk in stored else None) is not None
        for pk, entry in entries.items()
    )


def report_pdf(actor: User, view: InsightView, client_id: int | None = None) -> bytes:
    """The printed patterns report (web and CLI): the evidence as dates and risk-free quotes
    (:func:`evidence_labels`) and, when the period holds a risk finding (:func:`risk_in_report`), the safety plan
    and crisis lines for a client, the pointer to alerts for a therapist."""
    from reverie.insights.report import printed_ids, render_pdf

    labels = evidence_labels(actor, printed_ids(view))
    safety: tuple[str, ...] = ()
    if risk_in_report(actor, view, client_id):
        safety = _safety_lines(actor) if view.audience == "client" else (THERAPIST_RISK_NOTE,)
    return render_pdf(view, labels=labels, safety=safety)


THERAPIST_RISK_NOTE = (
    "The risk screen flagged at least one entry in this period. Risk is handled by the alerts, not by these "
    "patterns: see Alerts in Reverie."
)
CLIENT_RISK_NOTE = (
    "Some of what you wrote in this period sounds heavy. If you are not safe right now, your safety plan is on "
    'Reverie\'s page "Safety plan & crisis lines" (linked on every page), and these lines can help today:'
)


def _safety_lines(reader: User) -> tuple[str, ...]:
    """The client's risk note and the crisis lines they read first, as every page and the command line choose them
    (``care.services.safety.lines_for_person``: their plan's country's lines, else their time zone's country's
    lines and each other country's first line, their likely countries first), each named with its country. Before (r126) the report printed the first two countries
    of the file, the United States' and Canada's, for a client whose plan named the United Kingdom."""
    from reverie.care.services.safety import lines_for_person

    lines = [CLIENT_RISK_NOTE]
    for one in lines_for_person(reader).first:
        numbers = ", ".join(label for label, _ in one.line.links)
        lines.append(
            f"{one.country_name}: {one.line.name}"
            + (f" ({numbers})" if numbers else "")
            + f". {one.line.instruction}"
        )
    lines.append("Call your local emergency number if you are in danger. Reverie is not a crisis service.")
    return tuple(lines)
