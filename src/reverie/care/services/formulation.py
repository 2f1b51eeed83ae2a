"""The formulation workspace: the IPAF (DIT), the CCRT (wish, response of other, response of self) and Malan's
two triangles. Each save is a new dated, sealed version, so change over the course stays visible. Therapist-only
unless the therapist shares it with the client."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from reverie.care.models import Course, Formulation
from reverie.care.policy import is_course_therapist
from reverie.care.services import course as courses
from reverie.care.services import records
from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action, allows
from reverie.errors import InvalidInput, NotFound, StaleEdit

PURPOSE = "formulation"
TEXT_LIMIT = 2000
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "ipaf",
        "Interpersonal-affective focus (IPAF)",
        (
            ("ipaf_self", "How the person sees themselves"),
            ("ipaf_other", "How they see the other"),
            ("ipaf_affect", "The feeling that links them"),
            ("ipaf_defence", "What the pattern protects against"),
        ),
    ),
    ("ccrt", "Core conflictual relationship theme (CCRT)", (("ccrt_note", "Notes on the theme"),)),
    (
        "conflict",
        "Triangle of conflict (Malan)",
        (("defence", "Defence"), ("anxiety", "Anxiety"), ("hidden_feeling", "Hidden feeling")),
    ),
    (
        "persons",
        "Triangle of persons (Malan)",
        (
            ("therapist", "With the therapist"),
            ("current_others", "With current others"),
            ("past", "In the past"),
        ),
    ),
)
TEXT_FIELDS: tuple[str, ...] = tuple(key for _, _, fields in SECTIONS for key, _ in fields)
CCRT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("ccrt_w", "w", "Wishes in relationships (W)"),
    ("ccrt_ro", "ro", "How others respond (RO)"),
    ("ccrt_rs", "rs", "How the person responds (RS)"),
)
IPAF_FIELDS = ("ipaf_self", "ipaf_other", "ipaf_affect", "ipaf_defence")
CCRT_KEYS = frozenset(key for key, _, _ in CCRT_FIELDS)
# One mapping from a field's key to the words a person reads (the form, the version list, the errors).
# In the order of the form: the CCRT's three choices open its section.
FIELD_LABELS: dict[str, str] = {
    key: label
    for section, _, fields in SECTIONS
    for key, label in (*(((k, lbl) for k, _, lbl in CCRT_FIELDS) if section == "ccrt" else ()), *fields)
}


def client_label(label: str) -> str:
    """A label as the client reads it: the clinician's code after it goes ("How others respond (RO)" -> "How others
    respond"); the therapist's pages keep it."""
    return re.sub(r" \([A-Z]{1,5}\)$", "", label)


def field_label(key: str) -> str:
    """The words for a formulation field (the key itself never reaches a page)."""
    return FIELD_LABELS.get(key, "a field")


def cluster_choices(component: str) -> list[tuple[int, str]]:
    """The eight standard clusters of a CCRT component with their short labels (reverie.analysis.ccrt)."""
    from reverie.analysis.ccrt import CLUSTERS

    return [(c.number, c.label) for c in CLUSTERS[component]]


@dataclass(frozen=True, slots=True)
class FormulationVersion:
    version: int
    created_at: datetime
    values: Mapping[str, Any]
    changed: tuple[str, ...]

    @property
    def changed_labels(self) -> tuple[str, ...]:
        """The changed fields in words, in the order of the form."""
        return tuple(FIELD_LABELS[key] for key in FIELD_LABELS if key in self.changed)

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        """The filled fields in words, in the order of the form: (label, text); a CCRT choice as its cluster's
        label. The keys (``ipaf_self``, ``ccrt_w``) never reach a page."""
        out: list[tuple[str, str]] = []
        for key, label in FIELD_LABELS.items():
            text = self.cluster_label(key) if key in CCRT_KEYS else self.values.get(key)
            if text:
                out.append((label, str(text)))
        return tuple(out)

    def cluster_label(self, key: str) -> str:
        number = self.values.get(key)
        component = {k: c for k, c, _ in CCRT_FIELDS}[key]
        return dict(cluster_choices(component)).get(number, "") if isinstance(number, int) else ""


def _cluster(raw: object, label: str, key: str) -> int | None:
    if raw in (None, ""):
        return None
    try:
        number = int(str(raw))
    except ValueError:
        raise InvalidInput(f"{label}: choose a cluster number from 1 to 8.", field=key) from None
    if not 1 <= number <= 8:
        raise InvalidInput(f"{label}: choose a cluster number from 1 to 8.", field=key)
    return number


def clean(draft: Mapping[str, object]) -> dict[str, Any]:
    """Validate a formulation: known fields only, texts within limits, CCRT clusters 1–8. A refused text or
    cluster names its key (``InvalidInput.field``), so the form shows the refusal on it."""
    known = {*TEXT_FIELDS, *(k for k, _, _ in CCRT_FIELDS)}
    if set(draft) - known:
        raise InvalidInput("The formulation has fields it does not know.")
    values: dict[str, Any] = {
        key: records.clean_text(
            draft.get(key, ""), f"field “{field_label(key)}”", limit=TEXT_LIMIT, required=False, field=key
        )
        for key in TEXT_FIELDS
    }
    for key, _, label in CCRT_FIELDS:
        values[key] = _cluster(draft.get(key), label, key)
    if not any(values.values()):
        raise InvalidInput("The formulation is empty.")
    return values


def save_formulation(
    therapist: User, course_id: object, draft: Mapping[str, object], *, base_version: int | None = None
) -> Formulation:
    """Store a new version (the earlier ones stay). Nothing changed since the latest → InvalidInput.
    ``base_version`` is the version the form was filled from (0: none yet); a newer one stored meanwhile →
    :class:`StaleEdit`, nothing saved. Without it the save follows whatever is stored, as before."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    courses.check_open(
        course, therapist
    )  # an ended course's record is closed: no new version (as a note or a questionnaire)
    values = clean(draft)
    with transaction.atomic():
        records.hold(course)  # there may be no version yet: two first saves wait in turn
        latest = Formulation.objects.select_for_update().filter(course=course).order_by("-version").first()
        stored = latest.version if latest else 0
        if StaleEdit.check(
            stored,
            base_version,
            "formulation",
            lambda: latest is not None and _open(course, latest) == values,
        ):
            assert latest is not None  # resent: the same save sent again (a double tap), not a conflict
            return latest
        if latest is not None and _open(course, latest) == values:
            raise InvalidInput(f"Nothing changed since version {latest.version}.")
        row = Formulation(id=uuid.uuid4(), course=course, author=therapist, created_at=timezone.now())
        row.shared_at = (
            row.created_at if course.formulation_shared else None
        )  # saved while shared: the client sees it
        row.version = (latest.version if latest else 0) + 1
        row.payload = records.seal_json(course.client, row.id, PURPOSE, values)
        row.save()
        audit.record(therapist, "formulation.write", "formulation", row.id, subject=course.client)
    return row


def _open(course: Course, row: Formulation) -> dict[str, Any]:
    values: dict[str, Any] = records.open_json(course.client, row.id, PURPOSE, row.payload)
    return values


def versions(actor: User, course_id: object, *, record: bool = True) -> list[FormulationVersion]:
    """Every version, oldest first, each with the fields that changed since the one before.

    The client reads the versions shared with them, numbered among themselves (1, 2, 3): never the internal numbers,
    whose gaps would tell of drafts they were not shown (review r80: "1, 2, 4")."""
    course = courses.get_course(actor, course_id)
    therapist = is_course_therapist(actor, course)
    if not (therapist or course.formulation_shared):
        raise NotFound("No such formulation.")
    rows = Formulation.objects.filter(course=course).select_related("course").order_by("version")
    if not therapist:  # the client: only versions shared with them; changes counted between those
        rows = rows.filter(shared_at__isnull=False)
    out: list[FormulationVersion] = []
    before: dict[str, Any] = {}
    for row in rows:
        if not allows(actor, Action.READ, row):
            raise NotFound("No such formulation.")
        values = _open(course, row)
        changed = tuple(k for k, v in values.items() if v != before.get(k) and (v or before.get(k)))
        number = row.version if therapist else len(out) + 1
        out.append(FormulationVersion(number, row.created_at, values, changed))
        before = values
    if record:  # False: read as part of an export, whose own event is the privacy log's line (r134)
        audit.record(actor, "formulation.read", "course", course.id, subject=course.client)
    return out


def share(therapist: User, course_id: object, shared: bool, *, version: int | None = None) -> Course:
    """Let the client read the formulation (or stop sharing it).

    Sharing shows the client the version current now and every version saved while it stays shared; drafts saved
    while it is not shared stay the therapist's (the version current at the next share becomes visible). Versions
    once shown stay shown while shared. An empty formulation cannot be shared.

    ``version`` is the version the sharer's page showed (the share form sends it): a newer one saved meanwhile (in
    another tab) → :class:`StaleEdit`, nothing shared, so the client never sees a version the sharer did not. Without
    it the version current now is shared, as before."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    with transaction.atomic():
        latest = Formulation.objects.select_for_update().filter(course=course).order_by("-version").first()
        if shared and latest is None:
            raise InvalidInput("Write the formulation and save it before sharing it with the client.")
        if shared and version is not None and latest is not None and latest.version != version:
            raise StaleEdit(
                f"The formulation was changed somewhere else since you opened it: it is now at version "
                f"{latest.version}, you had version {version}. Nothing was shared: look at what changed under "
                "Versions, then share again.",
                current=latest.version,
            )
        if shared and latest is not None and latest.shared_at is None:
            latest.shared_at = timezone.now()
            latest.save(update_fields=["shared_at"])
        course.formulation_shared = bool(shared)
        course.save(update_fields=["formulation_shared"])
    action = "formulation.share" if shared else "formulation.unshare"
    audit.record(therapist, action, "course", course.id, subject=course.client)
    return course


def ipaf_written(values: Mapping[str, Any]) -> bool:
    return any(values.get(key) for key in IPAF_FIELDS)


def latest_version(course: Course) -> int:
    """The number of the formulation's latest version (0: none yet), for a form that acts on it (the IPAF's
    agreement on the course page). No audit: it reads a number, never the formulation."""
    return (
        Formulation.objects.filter(course=course)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
        or 0
    )


def agree_ipaf(
    therapist: User, course_id: object, now: datetime | None = None, *, version: int | None = None
) -> Course:
    """Record that the pair agreed the IPAF of the latest version (DIT asks for it in the initial phase).

    ``version`` is the version the therapist's page showed (the course page's form sends it): a newer one saved
    meanwhile (another tab) → :class:`StaleEdit`, nothing agreed, as Share refuses, so the record never names a
    version the therapist did not see. Without it the latest is agreed, as before. The first agreement is the one
    kept: once agreed, another press (a double tap, an older page) changes nothing and records nothing, so the
    session and version of the agreement the pair made are never overwritten. An ended course takes no agreement."""
    course = courses.get_course(therapist, course_id, Action.WRITE)
    with transaction.atomic():
        records.hold(course)  # the lock order of save_formulation: the course, then the versions
        course.refresh_from_db()
        if course.ipaf_agreed_at is not None:
            return course  # agreed already: the first agreement is kept
        courses.check_open(course, therapist)
        latest = Formulation.objects.filter(course=course).order_by("-version").first()
        if version is not None and (latest.version if latest else 0) != version:
            raise StaleEdit(
                f"The formulation was changed somewhere else since you opened this page: it is now at version "
                f"{latest.version if latest else 0}, you had version {version}. Nothing was agreed: read the "
                "formulation, then record the agreement again.",
                current=latest.version if latest else 0,
            )
        if latest is None or not ipaf_written(_open(course, latest)):
            raise InvalidInput("Write the IPAF in the formulation first; then record that you agreed it.")
        course.ipaf_agreed_at = now or timezone.now()
        course.ipaf_agreed_version = latest.version
        course.ipaf_agreed_session = courses.agreement_number(course, course.ipaf_agreed_at)
        course.save(update_fields=["ipaf_agreed_at", "ipaf_agreed_version", "ipaf_agreed_session"])
        audit.record(therapist, "ipaf.agree", "course", course.id, subject=course.client)
    return course
