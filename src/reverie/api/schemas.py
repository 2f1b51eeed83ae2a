"""The API's input and output types, separate from storage types. Inputs only check shape; the services decide.

Length limits, dates in the future, duplicate feelings and the like are the journal service's rules
(``reverie.clinic.services.journal.validate``); they are not repeated here, so the API, the web and the CLI
accept and refuse exactly the same entries.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict, field_validator
from pydantic.json_schema import SkipJsonSchema

from reverie import text
from reverie.clinic.models import EntryKind
from reverie.clinic.services.journal import (
    CONTEXT_FIELDS,
    MINDFUL_FIELDS,
    EarlierVersion,
    EntryDraft,
    EntryView,
    Feeling,
    feelings_without_commas,
    labels_without_commas,
)


def _text_in(value: object) -> bool:
    """True when every string in ``value`` (a field's value: a string, or lists and dicts of them, keys too) can
    be encoded as UTF-8."""
    if isinstance(value, str):
        return not text.not_utf8(value)
    if isinstance(value, dict):
        return all(_text_in(k) and _text_in(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_text_in(item) for item in value)
    return True


class Input(Schema):
    """The base of every request body: unknown fields are refused, and so is a string that is not text.

    JSON can carry a lone surrogate (``"\\ud800"``) that no UTF-8 encoder takes (a password's hash, a pair code's,
    the database): every string field of every input is checked here, once, so no route can forget it (422 naming
    the field, never quoting it). A NUL is left to the services (:func:`reverie.text.check_text`), which refuse it
    in free text (400) as the web and the command line do."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _only_text(cls, value: object) -> object:
        if not _text_in(value):
            raise ValueError("not valid text (malformed UTF-8)")
        return value


class CourseRecordOut(Schema):
    """One course record that ending a link puts out of its therapist's reach: counts, never a word written."""

    course_id: uuid.UUID
    programme: str
    first_session: datetime
    ended_on: date | None = Field(
        description="The course's last day when it ended already; null while it runs."
    )
    sessions_held: int
    progress_notes: int
    process_notes: int = Field(description="Process notes or observations (the therapist's own).")
    questionnaires: int = Field(description="Questionnaires the client answered.")
    record_download: str = Field(
        description="Where to download the course record first: the web page's address (/courses/ID/record/)."
    )


class UnreachableOut(Schema):
    """What ending a link closes to its therapist, as the web's end-link question lists it (a client's list is
    empty: a client loses no record of theirs)."""

    courses: list[CourseRecordOut]
    open_alerts: list[str] = Field(
        description='Each risk alert of the client not acknowledged yet, dated: "raised 7 Dec 2026, urgency: high".'
    )


class ErrorDetail(Schema):
    code: str
    message: str
    current_revision: int | None = Field(
        None, description="With E409 for an edit made from an older revision: the revision stored now."
    )
    unreachable: UnreachableOut | None = Field(
        None,
        description='With E409 for POST /pairs/{pair_id}/end sent without {"confirm": true}: what the end would '
        "put out of the therapist's reach (nothing was ended).",
    )


class ErrorOut(Schema):
    error: ErrorDetail


class ExportLeftOut(Schema):
    """``GET /export?format=left_out``: what an export leaves out or dates anew, in words (never entry text)."""

    message: str = Field(
        description='What was left out, in a sentence ("2 entries could not be opened and are not in this export; '
        'everything else is:"); empty when nothing was.'
    )
    left_out: list[str] = Field(
        description="One line per entry or record left out: its date, kind, title when it opens, and why."
    )
    dates_moved: list[str] = Field(
        default_factory=list,
        description="Only when there are some: one line per entry whose stored date was out of range (saved "
        "before dates were checked) and that the export gives the nearest date in range.",
    )
    dates_moved_message: str = Field(
        "", description="Only with dates_moved: what the export did to those dates, in a sentence."
    )


class FeelingIO(Input):
    name: str
    intensity: int


EXTRA_KEYS = MINDFUL_FIELDS + CONTEXT_FIELDS
EXTRA_HELP = (
    "A mindful choice's parts and where the entry was written; the keys are "
    + ", ".join(EXTRA_KEYS)
    + ". Any other key is refused (422 naming it), so a typo never silently drops what was written."
)


def _known_extra(value: dict[str, str] | None) -> dict[str, str] | None:
    """``extra`` with only the keys the journal keeps; an unknown one (a typo) is refused, named (review r64)."""
    for key in value or {}:
        if key not in EXTRA_KEYS:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise ValueError(f"unknown key {shown!r} in extra; the keys are {', '.join(EXTRA_KEYS)}")
    return value


def _written_time(value: object) -> object:
    """``happened_at`` as JSON text (ISO 8601 with its time zone), never a bare number: pydantic reads 1767261600 as
    seconds since 1970 in UTC, a time zone nobody gave (docs/api.md: a date needs its zone). None passes on."""
    if value is not None and not isinstance(value, str | datetime):
        raise ValueError("a date and time as text, with its time zone (2026-01-01T10:00:00+01:00)")
    return value


def _not_null(value: object) -> object:
    """A field sent as null that cannot be empty: refused (422 naming it), never read as "not sent"."""
    if value is None:
        raise ValueError("cannot be null; leave it out to keep it")
    return value


class EntryIn(Input):
    kind: EntryKind
    body: str = ""
    happened_at: datetime | None = None
    title: str = ""
    feelings: list[FeelingIO] = []
    people: list[str] = []
    tags: list[str] = []
    extra: dict[str, str] = Field({}, description=EXTRA_HELP)

    _extra_known = field_validator("extra")(_known_extra)
    _time_as_text = field_validator("happened_at", mode="before")(_written_time)

    def draft(self) -> EntryDraft:
        return EntryDraft(
            kind=str(self.kind.value),
            body=self.body,
            happened_at=self.happened_at,
            title=self.title,
            feelings=tuple(Feeling(f.name, f.intensity) for f in self.feelings),
            people=tuple(self.people),
            tags=tuple(self.tags),
            extra=dict(self.extra),
        )


class EntryUpdate(Input):
    """Only the fields to change; the others keep their current value. The kind of an entry never changes."""

    revision: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        strict=True,  # a JSON integer: true, "3" or 3.0 is a client's bug (422), never read as a revision
        description="The revision this edit was made from (as read). When the stored entry is newer, the edit is "
        "refused with 409 and nothing changes. Leave it out to change whatever is stored (as before).",
    )
    # Not sent: kept. ``null`` is refused where a field cannot be empty (422 naming it: an entry always has its words
    # and its date; the OpenAPI document types them without null) and clears the others (title: none; lists: empty).
    body: str | SkipJsonSchema[None] = Field(
        None, description="The words. Leave it out to keep them; null is refused (422)."
    )
    happened_at: datetime | SkipJsonSchema[None] = Field(
        None,
        description="When it happened, with a time zone. Leave it out to keep it; null is refused (422).",
    )
    title: str | None = Field(None, description="Leave it out to keep it; null clears it (no title).")
    feelings: list[FeelingIO] | None = Field(None, description="Leave it out to keep them; null clears them.")
    people: list[str] | None = Field(None, description="Leave it out to keep them; null clears them.")
    tags: list[str] | None = Field(None, description="Leave it out to keep them; null clears them.")
    extra: dict[str, str] | None = Field(
        None, description=EXTRA_HELP + " Leave it out to keep it; null clears it."
    )

    _extra_known = field_validator("extra")(_known_extra)
    _time_as_text = field_validator("happened_at", mode="before")(_written_time)
    _never_null = field_validator("body", "happened_at")(_not_null)

    def merged(self, current: EntryView) -> EntryDraft:
        """The edit applied to the stored entry: a field not sent (``model_fields_set``, so "not sent" is never
        confused with null) keeps its stored value, a label stored before commas were refused through
        ``without_commas`` (so editing the words alone is never refused for it); a clearable field sent as null is
        cleared (the schema refuses null for the words and the date)."""
        sent = self.model_fields_set
        feelings = feelings_without_commas(current.feelings)
        if "feelings" in sent:
            feelings = tuple(Feeling(f.name, f.intensity) for f in self.feelings or ())
        return EntryDraft(
            kind=current.kind,
            body=current.body if self.body is None else self.body,  # null is refused by the schema
            happened_at=self.happened_at or current.happened_at,  # null is refused by the schema
            title=(self.title or "") if "title" in sent else current.title,
            feelings=feelings,
            people=tuple(self.people or ()) if "people" in sent else labels_without_commas(current.people),
            tags=tuple(self.tags or ()) if "tags" in sent else labels_without_commas(current.tags),
            extra=dict(self.extra or {}) if "extra" in sent else current.extra,
        )


class AttachmentOut(Schema):
    id: uuid.UUID
    media_type: str
    size: int
    filename: str


class EntryOut(Schema):
    id: uuid.UUID
    client_id: int
    kind: str
    happened_at: datetime
    written_at: datetime
    updated_at: datetime
    revision: int
    shared: bool
    title: str
    body: str
    feelings: list[FeelingIO]
    people: list[str]
    tags: list[str]
    extra: dict[str, str]
    attachments: list[AttachmentOut]
    deleted_at: datetime | None = None

    @classmethod
    def of(cls, view: EntryView) -> EntryOut:
        return cls(
            id=view.id,
            client_id=view.client_id,
            kind=view.kind,
            happened_at=view.happened_at,
            written_at=view.written_at,
            updated_at=view.updated_at,
            revision=view.revision,
            shared=view.shared,
            title=view.title,
            body=view.body,
            feelings=[FeelingIO(name=f.name, intensity=f.intensity) for f in view.feelings],
            people=list(view.people),
            tags=list(view.tags),
            extra=dict(view.extra),
            attachments=[
                AttachmentOut(id=a.id, media_type=a.media_type, size=a.size, filename=a.filename)
                for a in view.attachments
            ],
            deleted_at=view.deleted_at,
        )


class RevisionOut(Schema):
    """One earlier version of an entry, whole as it was written: the same fields as the entry (never its files,
    which are the entry's own). ``only_text``: only its text was kept (imported from an export made before
    earlier versions were kept whole); its other fields are then empty. ``happened_at`` is null where the date it
    gave was not kept with it (an edit saved before dates were kept with earlier versions)."""

    number: int
    saved_at: datetime
    kind: str
    only_text: bool
    happened_at: datetime | None
    title: str
    body: str
    feelings: list[FeelingIO]
    people: list[str]
    tags: list[str]
    extra: dict[str, str]

    @classmethod
    def of(cls, version: EarlierVersion) -> RevisionOut:
        return cls(
            number=version.number,
            saved_at=version.saved_at,
            kind=version.kind,
            only_text=version.only_text,
            happened_at=version.happened_at,
            title=version.title,
            body=version.body,
            feelings=[FeelingIO(name=f.name, intensity=f.intensity) for f in version.feelings],
            people=list(version.people),
            tags=list(version.tags),
            extra=dict(version.extra),
        )


class FindingsOut(Schema):
    """What the analysis of an entry shows its reader; ``status`` is ``pending`` until the worker has analysed
    the entry's current revision (after each save or edit: an earlier revision's findings are never served).

    Two shapes of ``result``, by reader. The writer (a client) gets what their entry page shows, in its words
    (schema ``reverie.noticed/1``): ``findings``, each ``{ref, kind, text, evidence, sureness, answer}`` (``kind``
    the panel's analyzer name: ``feelings``, ``mixed_feelings``, ``unexplained``, ``dreams``), ``folded`` (the
    ones they said do not fit), ``left_out`` (how many readings were not sure enough to show) and ``risk`` (the
    panel's calm words, or null): the one findings rule (``insights.shown``), never codes, model names, scores or
    a risk level. When the writer chose "never show" for "What Reverie noticed" (Settings), ``status`` is
    ``hidden_by_your_choice``: no observations are read (``findings`` and ``folded`` empty, ``left_out`` 0), the
    ``risk`` words are still given, and ``message`` says where to change the choice; "ask first" shows them (the
    request is the asking). A therapist reading a shared entry gets the stored analysis (schema
    ``reverie.analysis/1``), the detailed reading their entry page lists under "Details: every reading, with its
    codes", whatever the client chose, by the same rule (``insights.details.analysis_for_therapist``: no reading
    resting on the risk screen's words or without a span, each finding's ``words`` beside its ``label``). One rule for the API, the entry page and the CLI (``observations.seen_by``)."""

    status: Literal["ready", "pending", "hidden_by_your_choice"] = Field(
        description="ready; pending (the entry's current words are not analysed yet); hidden_by_your_choice (the "
        'writer chose "never show" for "What Reverie noticed" in Settings: no observations, the risk words still '
        "given)."
    )
    revision: int | None
    result: dict[str, Any] | None = Field(
        None,
        description="For the writer: what their entry page shows (reverie.noticed/1: findings, folded, left_out, "
        "risk; plain words, no codes or scores; under hidden_by_your_choice no findings, the risk words only). For "
        "a therapist: the stored analysis (reverie.analysis/1) by their entry page's rule: no reading resting on "
        "the words the risk screen read, none without a span to quote, and each finding's code (label) with its "
        "plain words beside it (words). Null while pending.",
    )
    message: str | None = Field(
        None,
        description="With hidden_by_your_choice: a plain sentence saying the writer's choice hides the observations "
        "and that Settings changes it. Null otherwise.",
    )


class ImportOut(Schema):
    created: int
    skipped: int
    problems: list[str] = []  # entries or files left out, one text-free line each
    differ: int = 0  # entries with an id held here but another content: the one here was kept
    notes: list[
        str
    ] = []  # plain sentences: entries that differ, in the trash or imported anew, the safety plan


class InvitationOut(Schema):
    code: str
    expires_in_days: int


class CodeIn(Input):
    code: str


class PairOut(Schema):
    id: int
    client: str
    therapist: str
    started_at: datetime
    ended_at: datetime | None = Field(
        None,
        description="Set only on a link that ended because the therapist's account was closed (``notice``).",
    )
    notice: str | None = Field(
        None,
        description="To a client whose therapist's account was closed: what the web's *My therapist* page says "
        "(what you share reaches no one until you link with another therapist). Its link is then listed, ended.",
    )


class LinkOut(Schema):
    """A link a phone can tap: ``tel:+…`` to call, ``sms:…`` to text (a keyword as ``?body=``)."""

    label: str
    href: str


class CrisisLine(Schema):
    name: str
    instruction: str
    links: list[LinkOut] = Field(
        default_factory=list, description="The number in a dialable form: tel: to call, sms: to text."
    )


class CountryLinesOut(Schema):
    country: str
    lines: list[CrisisLine]


class MeOut(Schema):
    id: int
    username: str
    role: str


class TokenIn(Input):
    name: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


class TokenCreatedOut(TokenOut):
    token: str
