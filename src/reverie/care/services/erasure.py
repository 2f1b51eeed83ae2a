"""What a client's erasure does to their therapists' records, said before (to the client) and after (to them).

Decision (``docs/security.md``): every record of a course of therapy is sealed with the *client's* data key —
sessions, progress notes, process notes, the formulation, goals, measures, the safety plan and risk alerts. Erasure
destroys that key, so these records could not be read again by anyone; they are removed with the account instead of
being kept as unreadable ciphertext. Nothing goes silently: the erase page lists, before the client confirms, what
their therapists will lose (process notes left out: the therapist's own record) and that they will be told; afterwards each therapist linked to the client (an active
link or a course) gets an :class:`ErasureNotice` on their caseload — the client's user name, when, and how many of
each record were removed, never any content. A therapist whose professional rules oblige them to keep records keeps
them outside Reverie (e.g. the record or letter pages, printed) while the course runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from reverie.care.models import (
    Course,
    CourseSession,
    Formulation,
    Goal,
    MeasureResponse,
    ProgressNote,
    RiskAlert,
    TherapistNote,
)
from reverie.care.models.notices import NOTICE_FORMAT, ErasureNotice
from reverie.clinic.models import Pair, User

LABELS = {
    "courses": ("course of therapy", "courses of therapy"),
    "sessions": ("session", "sessions"),
    "progress_notes": ("progress note", "progress notes"),
    "process_notes": ("process note", "process notes"),
    "formulations": ("formulation version", "formulation versions"),
    "goals": ("goal", "goals"),
    "measures": ("questionnaire answer", "questionnaire answers"),
    "alerts": ("risk alert", "risk alerts"),
}


# Counted for the therapist's notice, never said to the client: that a therapist keeps process notes is part of the
# therapist's own record (the client's privacy log leaves them out for the same reason, ``audit.THERAPIST_ONLY_*``).
THERAPIST_ONLY = frozenset({"process_notes"})


@dataclass(frozen=True, slots=True)
class TherapistLoss:
    therapist: User
    removed: dict[str, int]

    @property
    def lines(self) -> list[str]:
        """What the client's erase page says this therapist loses (without therapist-only notes)."""
        return describe({k: v for k, v in self.removed.items() if k not in THERAPIST_ONLY})


def describe(removed: dict[str, int]) -> list[str]:
    out = []
    for key, (one, many) in LABELS.items():
        count = int(removed.get(key, 0))
        if count:
            out.append(f"{count} {one if count == 1 else many}")
    return out


def _therapists_of(client: User) -> list[User]:
    ids = set(Pair.objects.filter(client=client).values_list("therapist_id", flat=True))
    ids |= set(Course.objects.filter(client=client).values_list("therapist_id", flat=True))
    return list(User.objects.filter(pk__in=ids).order_by("username"))


def _alerts_seen_by(client: User, therapist: User) -> int:
    """The client's risk alerts this therapist saw while linked: their source written, or "I need help now"
    answered, while the two were linked (any of their links, an ended one up to its end); never the client's total
    against every therapist. Alerts of an ended link are counted although the ``RiskAlert`` policy rule no longer
    lets the therapist read them: the notice is about what they held."""
    spans = Q()
    for started, ended in Pair.objects.filter(client=client, therapist=therapist).values_list(
        "started_at", "ended_at"
    ):
        spans |= Q(since__gte=started) & (Q() if ended is None else Q(since__lt=ended))
        spans |= Q(answer="need_help", answered_at__gte=started) & (
            Q() if ended is None else Q(answered_at__lt=ended)
        )
    if not spans:
        return 0
    rows = RiskAlert.objects.filter(client=client).annotate(since=Coalesce("written_at", "created_at"))
    return rows.filter(spans).count()


def losses(client: User) -> list[TherapistLoss]:
    """Per therapist linked to ``client``: what of their records goes if the client erases their account."""
    out = []
    for therapist in _therapists_of(client):
        courses = Course.objects.filter(client=client, therapist=therapist)
        removed = {
            "courses": courses.count(),
            "sessions": CourseSession.objects.filter(course__in=courses).count(),
            "progress_notes": ProgressNote.objects.filter(course__in=courses).count(),
            "process_notes": TherapistNote.objects.filter(course__in=courses).count(),
            "formulations": Formulation.objects.filter(course__in=courses).count(),
            "goals": Goal.objects.filter(course__in=courses).count(),
            "measures": MeasureResponse.objects.filter(course__in=courses).count(),
            "alerts": _alerts_seen_by(client, therapist),
        }
        out.append(TherapistLoss(therapist, removed))
    return out


def notify_therapists(client: User) -> int:
    """Called by erasure inside its transaction, before anything is deleted. Returns the notices written."""
    now = timezone.now()
    rows = [
        ErasureNotice(
            therapist=loss.therapist,
            client_username=client.username,
            erased_at=now,
            removed={"v": NOTICE_FORMAT, **loss.removed},
        )
        for loss in losses(client)
    ]
    ErasureNotice.objects.bulk_create(rows)
    return len(rows)


def notices_for(therapist: User) -> list[ErasureNotice]:
    if not (therapist.is_authenticated and therapist.is_therapist):
        return []
    return list(ErasureNotice.objects.filter(therapist=therapist, read_at__isnull=True))


def mark_read(therapist: User, notice_id: int) -> None:
    """The therapist has read the notice: it leaves the caseload (only their own notices; others are ignored)."""
    with transaction.atomic():
        ErasureNotice.objects.filter(therapist=therapist, pk=notice_id, read_at__isnull=True).update(
            read_at=timezone.now()
        )


def install() -> None:
    from reverie.clinic.services import portability_hooks

    if notify_therapists not in portability_hooks.before_erase_hooks:
        portability_hooks.before_erase_hooks.append(notify_therapists)
