"""``reverie doctor``: does every sealed record open? And moving aside the ones that never can.

Every ``BinaryField`` of Reverie's models holds a sealed blob (except ``ClientKey.wrapped``, the wrapped key
itself), and so does each ``User.totp_secret`` marked ``sealed:`` (the authenticator secret, as text; r41). For each row the check finds whose record it is, loads that person's data key from its row, compares
the key id the blob names in its header with the stored key's id, and opens the blob where the record id and
purpose it was sealed for are known (``SEALED``); for a column not listed there it checks the header only.

A blob naming a data key that no row holds was sealed with a key that was never committed (issue 11: a first
save that rolled back while the key stayed in memory). After a restart no process has that key: the record can
never be opened. ``quarantine()`` moves such rows, with every row that hangs off them, whole into
``QuarantinedRecord`` so the lists, the export and the therapist's pages work again. A record that fails for any
other reason (a master key missing from the key file, an altered blob) is reported, never moved: restoring the
key file may still open it. Output is content-free: counts per person and table, ids, key ids.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core import serializers
from django.db import models, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from reverie.clinic.models import ClientKey, QuarantinedRecord, User
from reverie.clinic.services import ownership
from reverie.errors import IntegrityError, KeyUnavailable, ReverieError
from reverie.vault.envelope import open_sealed, sealed_with
from reverie.vault.keys import DataKey

KEY_LOST = "key_lost"  # sealed under a data key no row holds: can never be opened
NO_KEY = "no_key"  # the person has no data key row at all (and was not erased)
KEY_UNAVAILABLE = (
    "key_unavailable"  # the wrap cannot be opened with the loaded key ring: restore the key file
)
ALTERED = "altered"  # right key, but the blob does not authenticate
# an authenticator secret that does not open (its key lost, or altered); a reason, not a secret
SECRET_LOST = "secret_lost"  # noqa: S105
UNRECOVERABLE = frozenset({KEY_LOST, NO_KEY})
EXPLAIN = {
    KEY_LOST: "sealed under a data key that no row holds; it can never be opened (reverie doctor --quarantine)",
    NO_KEY: "the person has no data key; it can never be opened (reverie doctor --quarantine)",
    KEY_UNAVAILABLE: "the person's key is wrapped under a master key missing from the key file: restore it",
    ALTERED: "the blob does not authenticate under the right key (altered or moved); left in place",
    SECRET_LOST: "an authenticator secret that does not open: its owner cannot pass the second step;"
    " `reverie user reset-two-step NAME` clears it (they set it up again)",
}
# sealed as text (``signin.seal_secret``), not in a BinaryField
SECRET_COLUMN = "clinic.user.totp_secret"  # noqa: S105


def _purpose(value: str) -> Callable[[dict[str, Any]], str]:
    return lambda _row: value


def _note_purpose(row: dict[str, Any]) -> str:
    return f"note.{row['kind']}"


@dataclass(frozen=True)
class Sealed:
    """How one sealed column was sealed: its record id and purpose, from the row's plain columns."""

    record_id: Callable[[dict[str, Any]], str]
    purpose: Callable[[dict[str, Any]], str]
    needs: tuple[str, ...] = ()


def _by_id(row: dict[str, Any]) -> str:
    return str(row["id"])


SEALED: dict[tuple[str, str], Sealed] = {
    ("clinic.entry", "payload"): Sealed(_by_id, _purpose("entry.payload")),
    ("clinic.entryrevision", "payload"): Sealed(
        lambda r: f"{r['entry_id']}#r{r['number']}", _purpose("entry.revision"), ("entry_id", "number")
    ),
    ("clinic.attachment", "name_sealed"): Sealed(_by_id, _purpose("attachment.name")),
    ("clinic.attachment", "payload"): Sealed(_by_id, _purpose("attachment.data")),
    ("clinic.storedanalysis", "payload"): Sealed(
        lambda r: f"{r['entry_id']}#a{r['revision']}", _purpose("analysis.result"), ("entry_id", "revision")
    ),
    ("clinic.entryscreen", "payload"): Sealed(
        lambda r: f"{r['entry_id']}#s{r['revision']}", _purpose("entry.screen"), ("entry_id", "revision")
    ),
    ("care.measureresponse", "answers"): Sealed(_by_id, _purpose("measure.answers")),
    ("care.formulation", "payload"): Sealed(_by_id, _purpose("formulation")),
    ("care.goodbyeletter", "payload"): Sealed(_by_id, _purpose("letter.goodbye")),
    ("care.goal", "payload"): Sealed(_by_id, _purpose("goal")),
    ("care.progressnote", "payload"): Sealed(_by_id, _purpose("note.progress")),
    ("care.therapistnote", "payload"): Sealed(_by_id, _note_purpose, ("kind",)),
    ("care.safetyplanrecord", "payload"): Sealed(lambda r: str(r["owner"]), _purpose("safety_plan")),
    ("care.riskalert", "note"): Sealed(_by_id, _purpose("alert.note")),
    ("care.alertacknowledgement", "note"): Sealed(_by_id, _purpose("alert.note")),
    ("care.coursesession", "note_to_client"): Sealed(
        lambda r: f"session:{r['id']}", _purpose("session.note")
    ),
}


@dataclass(frozen=True)
class Column:
    model: type[models.Model]
    field: str
    owner: str  # the lookup that gives the client's id

    @property
    def label(self) -> str:
        return f"{self.model._meta.label_lower}.{self.field}"

    @property
    def spec(self) -> Sealed | None:
        return SEALED.get((self.model._meta.label_lower, self.field))


def sealed_columns() -> tuple[list[Column], list[str]]:
    """Every sealed column of every Reverie model, and the ones whose owner could not be found (named)."""
    found: list[Column] = []
    ownerless: list[str] = []
    user_model = apps.get_model("clinic", "User")
    for model in apps.get_models():
        if not model.__module__.startswith("reverie."):
            continue
        for f in model._meta.get_fields():
            if not isinstance(f, models.BinaryField) or (model is ClientKey and f.name == "wrapped"):
                continue
            owner = ownership.owner_path(model, user_model)
            if owner is None:
                ownerless.append(f"{model._meta.label_lower}.{f.name}")
            else:
                found.append(Column(model, f.name, owner))
    return found, ownerless


@dataclass
class Failure:
    column: str
    pk: str
    client_id: int | None
    reason: str
    kid: str = ""


@dataclass
class Report:
    """What the check found. ``per_person[client_id][column] = (checked, failed)``; ``failures`` name ids only."""

    checked: int = 0
    header_only: set[str] = field(default_factory=set)
    ownerless: list[str] = field(default_factory=list)
    per_person: dict[int | None, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: list[Failure] = field(default_factory=list)
    erased_skipped: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def failed_by_person(self) -> dict[int | None, int]:
        out: Counter[int | None] = Counter(f.client_id for f in self.failures)
        return dict(out)


class _Keys:
    """Each person's stored data key, loaded once: (key or None, reason when None)."""

    def __init__(self) -> None:
        from reverie.clinic.services import keys

        self._ring = keys.keyring()
        self._cache: dict[int, tuple[DataKey | None, str]] = {}
        self.erased = set(User.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))

    def get(self, client_id: int) -> tuple[DataKey | None, str]:
        if client_id not in self._cache:
            row = ClientKey.objects.filter(client_id=client_id).first()
            if row is None:
                self._cache[client_id] = (None, NO_KEY)
            else:
                try:
                    self._cache[client_id] = (self._ring.unwrap(bytes(row.wrapped), str(client_id)), "")
                except ReverieError:
                    self._cache[client_id] = (None, KEY_UNAVAILABLE)
        return self._cache[client_id]


def _rows(column: Column) -> Iterator[dict[str, Any]]:
    spec = column.spec
    extra = spec.needs if spec else ()
    names = ["pk", column.field, *extra]
    qs = column.model._default_manager.exclude(**{f"{column.field}__isnull": True})
    for values in qs.values(*names, owner=models.F(column.owner)).iterator(chunk_size=500):
        values["id"] = values["pk"]
        yield values


def _check_blob(column: Column, row: dict[str, Any], keys_: _Keys) -> Failure | None:
    client_id = row["owner"]
    blob = bytes(row[column.field])
    key, why = keys_.get(client_id)
    try:
        kid = sealed_with(blob)
    except IntegrityError:
        return Failure(column.label, str(row["pk"]), client_id, ALTERED)
    if key is None:
        return Failure(column.label, str(row["pk"]), client_id, why, kid)
    if kid != key.kid:
        return Failure(column.label, str(row["pk"]), client_id, KEY_LOST, kid)
    spec = column.spec
    if spec is not None:
        try:
            open_sealed(
                key, blob, client_id=str(client_id), record_id=spec.record_id(row), purpose=spec.purpose(row)
            )
        except (IntegrityError, KeyUnavailable):
            return Failure(column.label, str(row["pk"]), client_id, ALTERED, kid)
    return None


def check() -> Report:
    """Open every sealed record (read-only)."""
    report = Report()
    columns, report.ownerless = sealed_columns()
    keys_ = _Keys()
    for column in columns:
        if column.spec is None:
            report.header_only.add(column.label)
        for row in _rows(column):
            client_id = row["owner"]
            if client_id in keys_.erased:
                report.erased_skipped += 1
                continue
            report.checked += 1
            report.per_person[client_id][column.label] += 1
            failure = _check_blob(column, row, keys_)
            if failure is not None:
                report.failures.append(failure)
    _check_secrets(report, keys_)
    return report


def _check_secrets(report: Report, keys_: _Keys) -> None:
    """Open each sealed authenticator secret (never shown; counts only). One that does not open locks its owner out
    at the second step: reported, never quarantined (the operator's ``reset-two-step`` clears it)."""
    from reverie.clinic.services import signin

    rows = User.objects.filter(totp_secret__startswith=signin.SEALED_MARK).order_by("pk")
    for pk, stored in rows.values_list("pk", "totp_secret").iterator(chunk_size=500):
        if pk in keys_.erased:
            report.erased_skipped += 1
            continue
        report.checked += 1
        report.per_person[pk][SECRET_COLUMN] += 1
        key, why = keys_.get(pk)
        if key is None and why == KEY_UNAVAILABLE:
            report.failures.append(Failure(SECRET_COLUMN, str(pk), pk, KEY_UNAVAILABLE))
            continue
        try:
            blob = base64.b64decode(stored[len(signin.SEALED_MARK) :], validate=True)
            if key is None:
                raise IntegrityError("no data key")
            open_sealed(key, blob, client_id=str(pk), record_id=f"user/{pk}", purpose=signin.TOTP_PURPOSE)
        except (binascii.Error, ValueError, IntegrityError, KeyUnavailable):
            report.failures.append(Failure(SECRET_COLUMN, str(pk), pk, SECRET_LOST))


def quarantine(report: Report | None = None) -> int:
    """Move every row that can never be opened (and what hangs off it) into ``QuarantinedRecord``; return how many
    rows were moved. Rows that might still open with a restored key file are left where they are."""
    report = report or check()
    columns = {c.label: c for c in sealed_columns()[0]}
    moved = 0
    now = timezone.now()
    with transaction.atomic():
        for failure in report.failures:
            if failure.reason not in UNRECOVERABLE or failure.column not in columns:
                continue
            model = columns[failure.column].model
            obj = model._default_manager.filter(pk=failure.pk).first()
            if obj is None:  # already moved with its parent
                continue
            collector = Collector(using="default")
            collector.collect([obj])
            doomed: list[models.Model] = [o for instances in collector.data.values() for o in instances]
            for qs in collector.fast_deletes:
                doomed.extend(qs)
            for item in doomed:
                QuarantinedRecord.objects.create(
                    model=item._meta.label_lower,
                    record_pk=str(item.pk),
                    client_id=failure.client_id,
                    kid=failure.kid if item is obj else "",
                    reason=failure.reason if item is obj else "with_parent",
                    row=serializers.serialize("json", [item]),
                    quarantined_at=now,
                )
            collector.delete()
            moved += len(doomed)
        if moved:
            from reverie.clinic.services import audit

            audit.record(None, "doctor.quarantine", "database", moved, outcome="ok")
    return moved


def forget_erased(client: User) -> None:
    """Erasure reaches quarantine too: a person's quarantined rows go with their account."""
    QuarantinedRecord.objects.filter(client_id=client.pk).delete()


def install() -> None:
    from reverie.clinic.services import portability_hooks

    if forget_erased not in portability_hooks.before_erase_hooks:
        portability_hooks.before_erase_hooks.append(forget_erased)
