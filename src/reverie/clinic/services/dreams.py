"""A person's dream series: Hall–Van de Castle indicators against the norms, recurring elements, and links to
waking life (journal entries near each dream). Built from stored, sealed findings; descriptive, never interpretive."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from reverie.analysis.dreams import (
    coding_from_findings,
    compare_with_norms,
    find_continuity,
    recurring_elements,
)
from reverie.analysis.dreams.codes import DreamCoding
from reverie.analysis.dreams.continuity import Continuity, WakingFinding
from reverie.analysis.dreams.profile import Profile
from reverie.analysis.dreams.recurring import RecurringElement, came_back
from reverie.analysis.findings import Finding
from reverie.clinic.models import Entry, User
from reverie.clinic.services import audit
from reverie.clinic.services.analysis import latest_by_entry, stored_findings
from reverie.clinic.services.journal import EntryView
from reverie.clinic.services.local_time import local_date
from reverie.errors import IntegrityError, InvalidInput, PermissionDenied
from reverie.insights.ccrt import CATCH_ALL_ROLE
from reverie.insights.shown import counted_of

DREAM_KINDS = ("dream",)  # night dreams only: the HVdC coder does not code daydreams (their kind decides)
THEME_OF = {"ro": "RO", "rs": "RS", "w": "W"}


MIN_DREAMS_FOR_NORMS = 20
NORMS_WHY = (
    "With fewer dreams, one dream more or less moves each percentage by many points (even 50 dreams leave a "
    "percentage about 8 points from the value a larger sample would give), so differences from the norms would "
    "mostly be noise."
)
NORM_CHOICES = ("none", "female", "male")


@dataclass(frozen=True, slots=True)
class CameBack:
    """The dreams the person said came back (their tag "recurring" or their words: ``recurring.came_back``), in
    the order dreamt: each entry's id and the dreamer's own day."""

    dreams: list[tuple[str, date]]

    @property
    def count(self) -> int:
        return len(self.dreams)

    @property
    def since(self) -> date:
        return self.dreams[0][1]


@dataclass(frozen=True, slots=True)
class DreamSeries:
    codings: list[DreamCoding]
    profile: Profile
    recurring: list[RecurringElement]
    continuity: Continuity
    not_analysed: int
    came_back: CameBack | None = None  # None: no dream said to have come back


def came_back_words(view: EntryView) -> str:
    """On a dream's page, how its writer said it came back, in plain words: 'tagged it "recurring"' or 'wrote "had
    that dream again"'; "" when they said neither (Reverie never reads it into a dream by itself)."""
    if view.kind not in DREAM_KINDS or view.unreadable:
        return ""
    said = came_back(view.body, view.tags)
    if not said:
        return ""
    return "tagged it “recurring”" if said == "tag" else f"wrote “{said}”"


def _came_back(entries: list[Entry], client: User) -> CameBack | None:
    """The dreams among ``entries`` whose writer said they came back, oldest first (each opened once)."""
    from reverie.clinic.services.journal import _view

    said = []
    for entry in entries:
        if entry.kind not in DREAM_KINDS:
            continue
        try:
            view = _view(entry, with_attachments=False)
        except IntegrityError:  # an altered entry: its own page says so; the series goes on without it
            continue
        if not view.unreadable and came_back(view.body, view.tags):
            said.append((str(entry.id), local_date(entry.happened_at, client)))
    return CameBack(sorted(said, key=lambda d: (d[1], d[0]))) if said else None


def _waking(entry: Entry, findings: list[Finding]) -> list[WakingFinding]:
    """What a waking entry may link to a dream: only what the one findings rule counts (``shown.counted``, what
    its entry page would show: the writer's own feelings over the bar, no relationship theme while episodes are
    unverified), and people only when identified (r39: someone else's anger at 0.24 was "the same feeling" as the
    dream's, and every "someone else" was one person)."""
    day = local_date(entry.happened_at, entry.client)  # the dreamer's own day: "the same day" is theirs
    shown = counted_of(findings)  # apart from the risk screen's words too (r128)
    out = [
        WakingFinding(str(entry.id), day, "person", who)
        for f in shown
        if f.kind == "person" and (who := _identified(f))
    ]
    out += [
        WakingFinding(str(entry.id), day, "emotion", f.label)
        for f in shown
        if f.kind == "emotion" and f.label != "neutral"
    ]
    for f in shown:
        if f.kind == "episode":
            for key in ("ro", "rs"):
                code = f.data.get(key)
                if code and code.get("label"):
                    out.append(WakingFinding(str(entry.id), day, "theme", str(code["label"])))
    return out


def _identified(person: Finding) -> str:
    """The person a mention names: a specific role, or the name of someone under the catch-all role; "" for the
    writer and for an unnamed "someone else" (anyone, never one person to link through)."""
    if person.label == "self":
        return ""
    if person.label == CATCH_ALL_ROLE:
        name = person.data.get("name")
        return str(name) if isinstance(name, str) else ""
    return person.label


def series_for(client: User, norm_group: str = "female") -> DreamSeries:
    """The client's own dream series (clients only: a therapist's view of dreams goes through shared entries)."""
    if not client.is_client:
        raise PermissionDenied("Only the dreamer sees their dream series here.")
    if norm_group not in ("female", "male"):
        raise InvalidInput("Compare with the female or the male norms.")
    entries = list(Entry.objects.filter(client=client, deleted_at__isnull=True).select_related("client"))
    latest = latest_by_entry(client)
    from reverie.clinic.services.observations import put_away_versions

    answered = put_away_versions(
        client
    )  # read once: only entries with a "doesn't fit" answer are asked about
    codings: list[DreamCoding] = []
    waking: list[WakingFinding] = []
    missing = 0
    for entry in entries:
        stored = latest.get(entry.id)
        if stored is None:
            missing += entry.kind in DREAM_KINDS
            continue
        findings = stored_findings(entry, stored, answered)
        if entry.kind in DREAM_KINDS:
            coding = coding_from_findings(findings, dream_id=str(entry.id))
            codings.append(replace(coding, dreamed_on=local_date(entry.happened_at, client)))
        else:
            waking.extend(_waking(entry, findings))
    codings.sort(key=lambda c: c.dreamed_on or date.min)
    audit.record(client, "dreams.read", "journal", client.pk, subject=client)
    return DreamSeries(
        codings=codings,
        profile=compare_with_norms(codings, norm_group=norm_group),  # type: ignore[arg-type]
        recurring=recurring_elements(codings),
        continuity=find_continuity(codings, waking),
        not_analysed=missing,
        came_back=_came_back(entries, client),
    )
