"""The journal: write, edit (with history), share, trash and restore entries; read them back decrypted.

Input arrives as an :class:`EntryDraft`, is validated here once, sealed with the client's data key and stored in one
transaction: either the whole entry is saved or nothing is. Journaling is never assigned or scored.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from itertools import islice
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from reverie.clinic.models import (
    Attachment,
    ClientKey,
    DeletedForGood,
    Entry,
    EntryKind,
    EntryRevision,
    EntryScreen,
    Pair,
    User,
)
from reverie.clinic.services import audit, keys, local_time, people, picture_metadata, purged, risk_screen
from reverie.clinic.services.media import check_attachment, served_type
from reverie.clinic.services.policy import (
    Action,
    placed_entries,
    require,
    trashed_entries,
    visible_entries,
)
from reverie.errors import (
    AlreadySaved,
    Conflict,
    IntegrityError,
    InvalidInput,
    KeyReused,
    KeyUnavailable,
    NotFound,
    PermissionDenied,
    StaleEdit,
)
from reverie.errors import (
    DeletedForGood as GoneForGood,
)
from reverie.journal.kinds import file_stem, picture_alt, unknown_kind
from reverie.text import check_label, check_text, folded, is_blank

M = TypeVar("M")
PAYLOAD_FORMAT = 1
# An earlier version's sealed document (``entry.revision``). 2: the whole entry as it was (its kind, the date it
# gave and the payload it held, :func:`_revision_bytes`), or, for one that came only as text (an export made before
# ``reverie.export/9``), that text marked ``only_text``. 1 (stored before): the replaced payload alone, no date; or,
# imported from such an export, ``{"v": 1, "body": ...}``, only the text. Every format is still read (:func:`_earlier`).
REVISION_FORMAT = 2
MAX_FEELINGS = 24
MAX_LABEL_CHARS = 60
MAX_LABELS = 40
MAX_TITLE_CHARS = 200
MINDFUL_FIELDS = ("situation", "urge", "choice")
CONTEXT_FIELDS = ("place", "weather", "time_zone")  # where an entry was written (kept from Day One imports)
CLOCK_SKEW = timedelta(minutes=5)
MAX_LIST_LIMIT = 1_000  # entries one call may return at most (each is decrypted)
MAX_LIST_OFFSET = 10_000_000  # far beyond any journal; keeps offsets inside every database's integer range

# Called with (entry_id, revision, queue_analysis) after a save commits; the analysis wiring sets it.
after_save_hooks: list[Callable[[uuid.UUID, int, bool], None]] = []


@dataclass(frozen=True, slots=True)
class Feeling:
    name: str
    intensity: int  # 1 (faint) … 5 (overwhelming)


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """What a person submits. Several feelings at once, contradictory ones too, each with its own intensity."""

    kind: str
    body: str
    happened_at: datetime | None = None
    title: str = ""
    feelings: tuple[Feeling, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AttachmentDraft:
    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    id: uuid.UUID
    media_type: str
    size: int
    filename: str

    @property
    def alt(self) -> str:
        """The picture's alt text (:func:`reverie.journal.kinds.picture_alt`: never a camera's file name)."""
        return picture_alt(self.filename)


@dataclass(frozen=True, slots=True)
class EntryView:
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
    feelings: tuple[Feeling, ...]
    people: tuple[str, ...]
    tags: tuple[str, ...]
    extra: Mapping[str, str]
    attachments: tuple[AttachmentInfo, ...] = ()
    deleted_at: datetime | None = None
    unreadable: bool = False  # sealed under a lost data key: shown as "cannot be opened", never as text
    # The stored happened_at when it lies outside the years every zone can show (saved before local_time.check_year):
    # ``happened_at`` is then the nearest instant inside them (local_time.within_years), shown as "date out of range".
    stored_happened_at: datetime | None = None

    @property
    def kind_label(self) -> str:
        return str(EntryKind(self.kind).label)

    @property
    def date_out_of_range(self) -> bool:
        return self.stored_happened_at is not None

    @property
    def stored_date(self) -> str:
        """The out-of-range stored date in words that need no zone (``0001-01-01``), else empty."""
        at = self.stored_happened_at
        return "" if at is None else f"{at.year:04d}-{at.month:02d}-{at.day:02d}"


@dataclass(frozen=True, slots=True)
class EarlierVersion:
    """One kept earlier version of an entry, opened: what the person wrote in it. ``only_text``: only its main text
    was kept (it came from an export made before earlier versions were kept whole, or was stored so before); its
    other fields are then empty, never guessed. ``happened_at`` None: the date it gave was not kept with it (stored
    before dates were). Files are not part of a version: they have their own lifecycle (a file removed is deleted
    for good), so a version never holds or names them."""

    number: int
    saved_at: datetime
    kind: str
    body: str
    only_text: bool = False
    title: str = ""
    feelings: tuple[Feeling, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)
    happened_at: datetime | None = None


# --- validation -------------------------------------------------------------------------------------------------


def _clean_text(value: str, what: str) -> str:
    return check_text(value, what)  # the one check of free text (reverie.text): UTF-8, no NUL


def _clean_labels(values: Iterable[str], what: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in values:
        label = " ".join(check_label(raw, what).split())
        if not label:
            continue
        if "," in label:
            raise InvalidInput(comma_refused(what))
        if len(label) > MAX_LABEL_CHARS:
            raise InvalidInput(f"Each {what} may be at most {MAX_LABEL_CHARS} characters.")
        if label not in out:
            out.append(label)
    if len(out) > MAX_LABELS:
        raise InvalidInput(f"At most {MAX_LABELS} {what}s per entry.")
    return tuple(out)


def _clean_feelings(feelings: Sequence[Feeling]) -> tuple[Feeling, ...]:
    if len(feelings) > MAX_FEELINGS:
        raise InvalidInput(f"At most {MAX_FEELINGS} feelings per entry.", field="feelings")
    out: list[Feeling] = []
    for position, feeling in enumerate(feelings, start=1):
        # A feeling's name is sealed entry content: a refusal says which one by its place, never by its name
        # (the message reaches the API's 400 and may reach a log; review r40).
        which = ordinal(position)
        name = " ".join(check_label(feeling.name, "feeling").split()).lower()
        if not name or len(name) > MAX_LABEL_CHARS:
            raise InvalidInput(
                f"The {which} feeling needs a name of 1–{MAX_LABEL_CHARS} characters.", field="feelings"
            )
        if "," in name:
            raise InvalidInput(f"The {which} feeling's name holds a comma; {COMMA_WHY}", field="feelings")
        if not isinstance(feeling.intensity, int) or not 1 <= feeling.intensity <= 5:
            raise InvalidInput(
                f"The intensity of the {which} feeling must be a whole number from 1 to 5.", field="feelings"
            )
        if any(f.name == name for f in out):
            raise InvalidInput(f"The {which} feeling is listed twice.", field="feelings")
        out.append(Feeling(name, feeling.intensity))
    return tuple(out)


# The web's edit page shows a list of labels joined by ", " and splits it again on commas, so a label holding a comma
# would come back as two: every door (web, API, CLI, import) refuses one instead (review r64). A label stored before
# that rule (or handed over in an import) is never refused or split: every path that carries one into a save (an
# import, the API's PATCH, the web's edit page, "save again", a recovery copy) passes it through :func:`without_commas`
# first (review r66).
COMMA_WHY = "a comma separates names, so one name cannot hold one. Nothing was saved."


def comma_refused(what: str) -> str:
    """The refusal of a person or tag holding a comma, naming the field and never the label."""
    return f"A {what} cannot hold a comma: {COMMA_WHY}"


def without_commas(label: str) -> str:
    """A label stored before commas were refused, or handed over in a file, as it is saved now: each comma replaced
    by a semicolon (", " → "; "), so it is kept, never refused or split, and keeps its length (a label within
    :data:`MAX_LABEL_CHARS` stays within it; review r66)."""
    return label.replace(",", ";")


def feelings_without_commas(feelings: Iterable[Feeling]) -> tuple[Feeling, ...]:
    """Stored or imported feelings with each name through :func:`without_commas`."""
    return tuple(Feeling(without_commas(f.name), f.intensity) for f in feelings)


def labels_without_commas(labels: Iterable[str]) -> tuple[str, ...]:
    """Stored or imported people or tags, each through :func:`without_commas`."""
    return tuple(without_commas(label) for label in labels)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st: how a refusal points at an item without repeating it."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _clean_time(draft: EntryDraft, now: datetime) -> datetime:
    when = draft.happened_at or now
    if timezone.is_naive(when):
        raise InvalidInput("The date needs a time zone.")
    try:  # every path (web, API, CLI, import): the year as given, before any UTC arithmetic
        local_time.check_year(when)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field="happened_at") from None
    if when > now + CLOCK_SKEW:
        why = (
            "a dream belongs to a night that has already happened"
            if draft.kind == "dream"
            else "choose now or earlier"
        )
        raise InvalidInput(f"That date is in the future; {why}.", field="happened_at")
    return when


def has_content(draft: EntryDraft, *, has_attachment: bool = False) -> bool:
    """Whether ``draft`` holds anything the person put there: words (the title counts: a dream kept as its title
    alone, "Teeth falling out again", is an entry; a mindful choice's words may all be in its three parts, r18), a
    feeling (a feeling-only check-in is an entry), or an art or music file. The one rule for an empty entry:
    :func:`validate` refuses by it, and an import whose files are all left out asks it too."""
    parts = draft.kind == EntryKind.MINDFUL_CHOICE and any(
        not is_blank(str(draft.extra.get(k, ""))) for k in MINDFUL_FIELDS
    )
    return bool(
        not is_blank(draft.body)
        or not is_blank(draft.title)
        or draft.feelings
        or parts
        or (has_attachment and draft.kind in ("art", "music"))
    )


def validate(draft: EntryDraft, *, has_attachment: bool = False, now: datetime | None = None) -> EntryDraft:
    """Return a normalised copy of ``draft`` or raise :class:`InvalidInput` with a message free of entry text."""
    if draft.kind not in EntryKind.values:
        raise unknown_kind()
    body = _clean_text(draft.body, "entry")  # kept as typed; only white space is no text at all (is_blank)
    body = "" if is_blank(body) else body
    limit = int(settings.REVERIE["REVERIE_MAX_ENTRY_CHARS"])
    if len(body) > limit:
        raise InvalidInput(
            f"The entry is {len(body):,} characters; the limit is {limit:,}. Nothing was saved."
        )
    feelings = _clean_feelings(draft.feelings)
    extra = {
        k: _clean_text(str(v), k)
        for k, v in draft.extra.items()
        if k in MINDFUL_FIELDS + CONTEXT_FIELDS and not is_blank(str(v))
    }
    if any(len(v) > 20_000 for v in extra.values()):
        raise InvalidInput("A mindful-choice field may be at most 20,000 characters.")
    title = " ".join(check_label(draft.title, "title").split())
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"The title may be at most {MAX_TITLE_CHARS} characters.")
    cleaned = replace(draft, body=body, title=title, feelings=feelings, extra=extra)
    if not has_content(cleaned, has_attachment=has_attachment):
        raise InvalidInput("The entry is empty: write something or tick a feeling. Nothing was saved.")
    return replace(
        draft,
        body=body,
        title=title,
        happened_at=_clean_time(draft, now or timezone.now()),
        feelings=feelings,
        people=_clean_labels(draft.people, "person"),
        tags=_clean_labels((t.lstrip("#") for t in draft.tags), "tag"),
        extra=extra,
    )


# --- sealing ----------------------------------------------------------------------------------------------------


def _payload_bytes(draft: EntryDraft) -> bytes:
    doc = {
        "v": PAYLOAD_FORMAT,
        "title": draft.title,
        "body": draft.body,
        "feelings": [[f.name, f.intensity] for f in draft.feelings],
        "people": list(draft.people),
        "tags": list(draft.tags),
        "extra": dict(draft.extra),
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _revision_bytes(
    kind: str, payload: Mapping[str, object], happened_at: datetime | None, *, only_text: bool = False
) -> bytes:
    """The sealed document of an earlier version (``REVISION_FORMAT`` 2): the whole entry as it was, its ``kind``,
    the date it gave (``happened_at``: omitted when not known) and the ``payload`` it held exactly as it was stored
    (title, text, feelings with their strengths, people, tags, mindful-choice and context fields); or, marked
    ``only_text``, a version of which only the text came (``payload`` then ``{"v": 1, "body": ...}``)."""
    doc: dict[str, object] = {
        "v": REVISION_FORMAT,
        "only_text": only_text,
        "kind": kind,
        "payload": dict(payload),
    }
    if happened_at is not None:
        doc["happened_at"] = happened_at.isoformat()
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _record_id(entry_id: uuid.UUID, revision: int | None = None) -> str:
    return str(entry_id) if revision is None else f"{entry_id}#r{revision}"


def _open_payload(entry: Entry, client: User) -> dict[str, object]:
    raw = keys.open_for(client, _record_id(entry.id), "entry.payload", entry.payload)
    doc: dict[str, object] = json.loads(raw)
    return doc


def _view(entry: Entry, with_attachments: bool = True) -> EntryView:
    """The entry decrypted. One sealed under a lost data key (reverie doctor) comes back marked ``unreadable``,
    without text, so a list, an export or a therapist's page shows "cannot be opened" instead of failing."""
    try:
        return _open_view(entry, with_attachments)
    except IntegrityError:
        if not keys.sealed_under_lost_key(entry.payload):
            raise  # altered or moved: a clear error, never hidden
        return EntryView(
            **_plain_columns(entry),
            title="",
            body="",
            feelings=(),
            people=(),
            tags=(),
            extra={},
            unreadable=True,
        )


def _plain_columns(entry: Entry) -> dict[str, Any]:
    """The view's fields that are plain (unsealed) columns of the stored entry."""
    return {
        "id": entry.id,
        "client_id": entry.client_id,
        "kind": entry.kind,
        "happened_at": local_time.within_years(entry.happened_at),
        "stored_happened_at": None if local_time.in_years(entry.happened_at) else entry.happened_at,
        "written_at": entry.written_at,
        "updated_at": entry.updated_at,
        "revision": entry.revision,
        "shared": entry.shared,
        "deleted_at": entry.deleted_at,
    }


def _open_view(entry: Entry, with_attachments: bool) -> EntryView:
    doc = _open_payload(entry, entry.client)
    atts: tuple[AttachmentInfo, ...] = ()
    if with_attachments:
        atts = tuple(
            AttachmentInfo(
                a.id, a.media_type, served_size(entry.client, a), _attachment_name(entry.client, a)
            )
            for a in entry.attachments.all()
        )
    opened = _opened_draft(entry.kind, doc)
    return EntryView(
        **_plain_columns(entry),
        title=opened.title,
        body=opened.body,
        feelings=opened.feelings,
        people=opened.people,
        tags=opened.tags,
        extra=opened.extra,
        attachments=atts,
    )


def _opened_draft(kind: str, doc: Mapping[str, object]) -> EntryDraft:
    """A stored payload document read whole (no date): its title, text, feelings with their strengths, people, tags
    and fields. The one reading of a payload for a person's eyes: the entry (:func:`_open_view`) and each earlier
    version (:func:`_earlier`)."""
    feelings = doc.get("feelings", [])
    assert isinstance(feelings, list)
    return EntryDraft(
        kind=kind,
        title=str(doc.get("title", "")),
        body=str(doc.get("body", "")),
        feelings=tuple(Feeling(str(n), int(i)) for n, i in feelings),
        people=tuple(str(p) for p in doc.get("people", []) or []),  # type: ignore[attr-defined]
        tags=tuple(str(t) for t in doc.get("tags", []) or []),  # type: ignore[attr-defined]
        extra={str(k): str(v) for k, v in (doc.get("extra") or {}).items()},  # type: ignore[attr-defined]
    )


# --- commands ---------------------------------------------------------------------------------------------------


def _require_client(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_active and actor.is_client):
        raise PermissionDenied("Only a client keeps a journal in Reverie.")


def _store_attachment(
    entry: Entry, client: User, att: AttachmentDraft, attachment_id: uuid.UUID | None = None
) -> Attachment:
    sniffed = check_attachment(entry.kind, att.filename, att.data)  # the claimed type is never trusted
    data = picture_metadata.strip(att.data, sniffed)  # where a photo was taken, the camera: never stored
    row = Attachment(entry=entry, media_type=sniffed, size=len(data))
    if attachment_id is not None:
        row.id = attachment_id
    row.name_sealed = keys.seal_for(client, str(row.id), "attachment.name", att.filename.encode())
    row.payload = keys.seal_for(client, str(row.id), "attachment.data", data)
    row.save()
    return row


# The draft's fields that are not the person's words: a choice from a list and a date. Every other field is.
NOT_WORDS = frozenset({"kind", "happened_at"})


def _field_words(name: str, value: object) -> list[tuple[str, str]]:
    """The words held in one draft field: a text, a feeling's name, each item of a list, each value of a mapping
    (named ``key``); anything else as its text, so that a field of a new shape is still read."""
    if value is None:
        return []
    if isinstance(value, str):
        return [(name, value)]
    if isinstance(value, Feeling):
        return [(name, value.name)]
    if isinstance(value, Mapping):
        return [pair for k, v in value.items() for pair in _field_words(str(k), v)]
    if isinstance(value, tuple | list):
        return [pair for item in value for pair in _field_words(name, item)]
    return [(name, str(value))]


def file_label(filename: str) -> str:
    """A file's name as the person is shown it: the picture's alt text reads it without its extension
    (:func:`reverie.journal.kinds.picture_alt`), the entry's file list with it; the extension says nothing."""
    return file_stem(filename).strip() or filename


def persons_words(draft: EntryDraft, files: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """Which fields of an entry are the person's words, as (field, text) in the order the risk screen reads them:
    the title, the body and the mindful-choice fields first (the order of every screen stored before the others
    were read, so that its evidence offsets still point where they did), then every other field of the draft but
    :data:`NOT_WORDS` (feeling names, people, tags), then the other ``extra`` fields (place, weather, time zone,
    any key kept later), then the names of the entry's files (``files``, named ``file``, each as
    :func:`file_label` shows it, in name order so that the same files read the same whatever order they were
    added in; review r98: an art entry is often only a picture and its name, which the entry page reads out as
    the picture's description). A field added to :class:`EntryDraft` is read by default. Empty texts are left out.

    Only the save-time risk screen reads these words (:func:`screened_text`, :func:`screen_draft`, and the
    evidence rebuilt from them: :func:`flagged_words`, ``observations.screen_read``). A file has no caption or
    description field; its name is all the words it holds."""
    extra = dict(draft.extra)
    pairs = [("title", draft.title), ("body", draft.body)]
    pairs += [(k, str(extra.pop(k))) for k in MINDFUL_FIELDS if k in extra]
    for f in fields(EntryDraft):
        if f.name not in NOT_WORDS | {"title", "body", "extra"}:
            pairs += _field_words(f.name, getattr(draft, f.name))
    pairs += _field_words("extra", extra)
    pairs += [("file", file_label(name)) for name in sorted(files)]
    return tuple((name, text) for name, text in pairs if text and text.strip())


# The fields written as sentences, read by the sentence model too; every other field of the person's words is a
# label (a feeling's name, a tag, a person, where it was written), read by the lexicon, and by the sentence model
# where a label is written as sentences or the lexicon finds risk language in it (risk.screen_with_labels).
PROSE_FIELDS = ("title", "body", *MINDFUL_FIELDS)


def _prose_and_labels(draft: EntryDraft, files: Iterable[str] = ()) -> tuple[str, str]:
    words = persons_words(draft, files)
    return (
        risk_screen.screened_text(text for name, text in words if name in PROSE_FIELDS),
        risk_screen.screened_text(text for name, text in words if name not in PROSE_FIELDS),
    )


def screened_text(draft: EntryDraft, files: Iterable[str] = ()) -> str:
    """What the risk screen reads of a draft and the names of its entry's files (``files``): :func:`persons_words`,
    each field its own paragraph (a label never runs into the next one's sentence), the prose first, the file names
    last. Evidence offsets point into this text; :func:`flagged_words` rebuilds it."""
    return risk_screen.screened_text(_prose_and_labels(draft, files))


def screen_draft(draft: EntryDraft, files: Iterable[str] = ()) -> risk_screen.Screened:
    """The risk screen of a validated draft with the names of its entry's files (``files``), made now (before the
    save's transaction where it can be): the prose fields with the sentence model (at most ``risk.SAVE_SENTENCES``
    sentences) and the lexicon, the labels (file names among them) with the lexicon and, where they call for it,
    the sentence model (:data:`PROSE_FIELDS`, :func:`reverie.analysis.risk.screen_with_labels`)."""
    names = tuple(files)
    prose, labels = _prose_and_labels(draft, names)
    return replace(risk_screen.screen_text(prose, draft.kind, labels), files=names)


def screen_saved(
    entry: Entry,
    screened: risk_screen.Screened,
    *,
    written_at: datetime,
    words_revision: int | None = None,
    words_entry: uuid.UUID | None = None,
) -> None:
    """The one hook every save path calls inside its transaction: store the screen, raise the risk flow (and
    retry the alerts this client's earlier saves still owe, :func:`risk_screen.settle_owed`).
    ``words_revision``: the earlier revision whose words this one keeps unchanged (an edit of tags or the date), of
    ``words_entry`` when that is another entry ("save again")."""
    risk_screen.store(
        entry, screened, written_at=written_at, words_revision=words_revision, words_entry=words_entry
    )
    risk_screen.settle_owed(entry.client)  # a query or two when nothing is owed


def _words_origin(entry: Entry) -> tuple[uuid.UUID, int]:
    """The entry and revision that first held the words of this entry's current revision."""
    row = (
        EntryScreen.objects.filter(entry=entry, revision=entry.revision)
        .values_list("words_entry", "words_revision")
        .first()
    )
    if row is None:
        return entry.id, entry.revision
    return row[0] or entry.id, row[1] or entry.revision


_LEVEL_RANK = {"none": 0, "indicator": 1, "ideation": 2, "behavior": 3, "attempt": 4}


def _words_kept(
    entry: Entry,
    old: Mapping[str, object],
    clean: EntryDraft,
    level: str,
    files: tuple[Sequence[str], Sequence[str]] = ((), ()),
) -> tuple[uuid.UUID | None, int | None]:
    """The entry (None: this one) and revision that first held the words of the edit being saved, when the edit kept
    them: the prose (title, body, context) unchanged, and labels (tags, feelings, people, file names) changed only in
    ways that read no higher than before (a tag "sleep" added, a harmless picture added, a file removed); ``old`` is
    the replaced revision's payload, ``files`` the names of the entry's files before and after. (None, None) when
    the edit wrote new words: its screen then raises its own alert."""
    before = _draft_of(entry.kind, old)
    (old_prose, old_labels), (new_prose, new_labels) = (
        _prose_and_labels(before, files[0]),
        _prose_and_labels(clean, files[1]),
    )
    if old_prose != new_prose:
        return None, None
    previous = entry.revision - 1
    row = (
        EntryScreen.objects.filter(entry=entry, revision=previous)
        .values_list("words_entry", "words_revision", "level")
        .first()
    )
    if old_labels != new_labels:
        was = str(row[2]) if row is not None else "none"
        if level not in _LEVEL_RANK or _LEVEL_RANK[level] > _LEVEL_RANK.get(was, 0):
            return None, None
    if row is not None and row[1]:
        return row[0], row[1]
    return None, previous


def create_entry(
    actor: User,
    draft: EntryDraft,
    attachments: Sequence[AttachmentDraft] = (),
    *,
    entry_id: uuid.UUID | None = None,
    written_at: datetime | None = None,
    words_from: tuple[uuid.UUID, int] | None = None,
) -> EntryView:
    """Save a new entry. ``words_from``: the entry and revision whose words it copies unchanged ("save again"):
    the risk flow treats them as those words, not new ones (no second alert, no second check-in).

    ``entry_id``: the id the client chose (a form's token, a recovery copy's). A save with the same id is
    idempotent: when that id is already stored by the same writer (the same form sent twice, the second request
    racing the first past :func:`already_saved`), nothing is written and :class:`AlreadySaved` names the entry. Only
    the unique violation of exactly that key is taken so; any other constraint stays an error."""
    _require_client(actor)
    clean = validate(draft, has_attachment=bool(attachments))
    screened = screen_draft(clean, [att.filename for att in attachments])
    now = timezone.now()
    with people.unless_erased(actor), transaction.atomic():  # erased meanwhile: said so (review r124)
        entry = Entry(
            id=entry_id or uuid.uuid4(),
            client=actor,
            kind=clean.kind,
            happened_at=clean.happened_at or now,
            written_at=written_at or now,
            updated_at=now,
        )
        entry.payload = keys.seal_for(actor, _record_id(entry.id), "entry.payload", _payload_bytes(clean))
        if entry_id is None:
            entry.save(force_insert=True)
        else:
            _insert_once(actor, entry)
        for att in attachments:
            _store_attachment(entry, actor, att)
        audit.record(actor, "entry.create", "entry", entry.id, subject=actor)
        origin, kept = words_from if words_from is not None else (None, None)
        screen_saved(entry, screened, written_at=entry.written_at, words_revision=kept, words_entry=origin)
        after_save(entry)
    return _view(entry)


def _insert_once(actor: User, entry: Entry) -> None:
    """Insert ``entry`` (its id chosen by the client) in a savepoint; when the insert is refused because that very
    id is stored (a unique violation of the entry's primary key: the row is there once the refusal comes, on
    PostgreSQL after the other save commits, on SQLite once its write lock is ours), the person's own entry is
    :class:`AlreadySaved`, anyone else's answers as a missing one does (:func:`require_own`).

    Once the insert is taken, the id's tombstone is read again, in the same transaction: a retry whose early check
    (:func:`already_saved`) ran before the first save committed must not bring back an entry deleted for good in
    between (review r94). The insert is what serialises it with a purge: on PostgreSQL an insert of an id whose row
    a purge is deleting waits on the primary key until that purge commits (its tombstone is in the same commit, so
    this next statement sees it) or rolls back (the row is there: :class:`AlreadySaved`); on SQLite the write lock
    is ours. The refusal (:class:`reverie.errors.DeletedForGood`) rolls the insert back with the transaction."""
    try:
        with transaction.atomic():
            entry.save(force_insert=True)
    except DbIntegrityError:
        existing = Entry.objects.filter(pk=entry.id).select_related("client").first()
        if existing is None:
            raise  # another constraint: not this save's duplicate
        require_own(actor, existing)
        raise AlreadySaved(
            "This entry was already saved.",
            entry_id=str(existing.id),
            in_trash=existing.deleted_at is not None,
        ) from None
    refuse_deleted_for_good(actor, entry.id, "entry")


def saved_at(saved: AlreadySaved) -> str:
    """Where to show an entry a save found already saved: its page, or the trash."""
    return "/trash/" if saved.in_trash else f"/journal/{saved.entry_id}/"


def after_save(entry: Entry, *, queue_analysis: bool = True) -> None:
    """The one way a save queues its after-commit work (analysis, and inline mode's retry sweep): every path that
    creates or changes an entry, every save. ``queue_analysis`` False: the revision carried its predecessor's
    analysis forward (:func:`_next_revision`), so there is nothing to read; the hooks still run (inline mode
    retries what an earlier save owes, :func:`reverie.clinic.services.analysis.schedule`)."""
    entry_id, revision = entry.id, entry.revision
    for hook in after_save_hooks:
        transaction.on_commit(
            lambda hook=hook: hook(entry_id, revision, queue_analysis)  # type: ignore[misc]
        )


SUBMISSION_NAMESPACE = uuid.UUID("5d6c0f3e-2b1a-4c8e-9a7d-3f0e1b2c4d5e")


def submission_id(actor: User, token: uuid.UUID | None) -> uuid.UUID:
    """The id of the entry a form submission creates: derived from the person and the form's one-time token.

    The same form sent again (Back then Save, a double click, a replay) gives the same id, so it finds the entry it
    already made. The token is never used as an entry id itself, so what a submission does never depends on whether
    someone else holds an entry with that id: no existence oracle, and no token is ever "renamed" to a fresh id
    that a replay would miss.
    """
    if token is None:
        return uuid.uuid4()
    return uuid.uuid5(SUBMISSION_NAMESPACE, f"{actor.pk}:{token}")


IDEMPOTENCY_NAMESPACE = uuid.UUID("0c4f6a2e-8d1b-4e7a-b5c3-9a2d6e1f0b47")
MAX_IDEMPOTENCY_KEY = 200


def keyed_id(actor: User, key: str, *scope: object) -> uuid.UUID:
    """The id of what an API call carrying ``Idempotency-Key: key`` creates: derived from the person, the key (and
    ``scope``, the entry an upload goes to), as :func:`submission_id` derives a form's. The same call sent again after
    a lost answer gives the same id, so it finds what the first one stored; one person's key never names another's
    record."""
    if not key or len(key) > MAX_IDEMPOTENCY_KEY or not key.isascii() or not key.isprintable():
        raise InvalidInput(f"Idempotency-Key must be 1–{MAX_IDEMPOTENCY_KEY} printable ASCII characters.")
    named = ":".join([str(actor.pk), *(str(s) for s in scope), key])
    return uuid.uuid5(IDEMPOTENCY_NAMESPACE, named)


KEY_REUSED = (
    "This Idempotency-Key was already used for a different {what}: the first one stands and nothing new was "
    "saved. Send a new key for a new save, or the very same request to retry."
)


def require_same_save(actor: User, entry_id: uuid.UUID, draft: EntryDraft) -> None:
    """Refuse (:class:`KeyReused`, 422) a save sent under the key of an entry the actor already stored with other
    content: another kind, other words or labels, or another date where the retry gives one. It is compared with
    the entry's first version (what the first call stored; a later edit is not the retry's business), and with the
    stored date while no edit has moved it; a retry that does not pass :func:`validate` is refused as any save is.
    A first version that no longer opens cannot be compared: the retry is taken as the same."""
    entry = Entry.objects.filter(pk=entry_id).select_related("client").first()
    if entry is None:
        return
    require_own(actor, entry)
    clean = validate(draft)
    first = _revision_payload(entry, 1)
    if first is None:
        return
    wanted = {k: v for k, v in json.loads(_payload_bytes(clean)).items() if k != "v"}
    stored = {k: v for k, v in first.items() if k != "v"}
    other_date = (
        draft.happened_at is not None and entry.revision == 1 and clean.happened_at != entry.happened_at
    )
    if clean.kind != entry.kind or wanted != stored or other_date:
        raise KeyReused(KEY_REUSED.format(what="entry"))


def require_own(actor: User, entry: Entry) -> None:
    """Through the policy: the actor's own entry, live or in the trash; anyone else's raises :class:`NotFound`
    exactly as a missing id does."""
    require(actor, Action.RESTORE if entry.deleted_at is not None else Action.WRITE, entry, "entry")


DELETED_FOR_GOOD = "This {what} was saved and then deleted for good; it is not saved again."


def tombstone(actor: User, ids: Iterable[uuid.UUID]) -> None:
    """Record these ids (an entry deleted for good, a file removed for good) as gone for good, in the caller's
    transaction: a save that chose one of them (a retry, a replayed form) is refused from then on."""
    now = timezone.now()
    DeletedForGood.objects.bulk_create(
        [DeletedForGood(id=i, client=actor, deleted_at=now) for i in ids], ignore_conflicts=True
    )


def refuse_deleted_for_good(actor: User, chosen: uuid.UUID, what: str) -> None:
    """The one rule for a save whose id the client chose (``keyed_id``, ``submission_id``) and that finds no
    record under it: if that id was deleted for good, :class:`reverie.errors.DeletedForGood` (409), nothing stored.

    "Was this id deleted for good?" has one answer, read from both places that keep it: the database's tombstones
    (only the actor's own count; their ids are derived from the actor anyway) and the records kept outside the
    database and every backup (``purged-entries.json``, ``purged-files.json``: purged.py), which a restore of a
    backup taken before the deletion does not undo (review r85). A record that cannot be read refuses the save
    (``KeyUnavailable``): nothing is stored under an id that may have been deleted for good."""
    if DeletedForGood.objects.filter(pk=chosen, client=actor).exists() or purged.deleted_for_good(chosen):
        raise GoneForGood(DELETED_FOR_GOOD.format(what=what))


def already_saved(actor: User, entry_id: uuid.UUID) -> str | None:
    """Where to show an entry this submission already made (its page, or the trash), or None when it is new; an
    entry it made and deleted for good since is :class:`reverie.errors.DeletedForGood` (409)."""
    existing = Entry.objects.filter(pk=entry_id).select_related("client").first()
    if existing is None:
        refuse_deleted_for_good(actor, entry_id, "entry")
        return None
    require_own(actor, existing)
    return "/trash/" if existing.deleted_at is not None else f"/journal/{existing.id}/"


def saved_as(actor: User, entry_id: uuid.UUID, draft: EntryDraft) -> bool:
    """Whether the entry stored under ``entry_id`` (one's own) holds exactly ``draft``: its kind, title, text,
    feelings, people, tags and mindful fields, and its date when the draft gives one (a date refused at the save,
    so saved with that day's, is left out). False when none is stored, it differs or it does not open: then a copy
    kept of ``draft`` still holds words the journal does not (h109: a recovery copy is discarded as saved only so).
    """
    dated = draft.happened_at is not None  # validate() gives an undated draft the moment of the save
    try:
        clean = validate(draft)
    except InvalidInput:
        if not dated:
            return False
        dated = False  # refused for its date: saved with that day's (`journal recover`)
        try:
            clean = validate(replace(draft, happened_at=None))
        except InvalidInput:
            return False
    entry = Entry.objects.filter(pk=entry_id, client=actor).first()
    if entry is None or entry.kind != clean.kind:
        return False
    if dated and entry.happened_at != clean.happened_at:
        return False
    try:
        return bool(_open_payload(entry, actor) == json.loads(_payload_bytes(clean)))
    except IntegrityError:
        return False


REPLAY_WINDOW = timedelta(minutes=30)
REPLAY_CANDIDATES = 10


def recent_same(
    actor: User, draft: EntryDraft, attachments: Sequence[AttachmentDraft] = ()
) -> uuid.UUID | None:
    """An entry this person saved in the last half hour with exactly this content, or None.

    A form sent again after Back may come from a page fetched anew: the browser restores the typed text but the
    page carries a fresh token. The same person sending the same kind, text, title, feelings, people, tags, mindful
    fields, date (when given) and attachments within ``REPLAY_WINDOW`` is that replay: nothing new is written.
    Attachments are the same when their bytes are as stored (a photo sent with its place and camera compared without
    them, ``picture_metadata.as_stored``; SHA-256 of each, the stored ones opened only once sizes, words and all else
    match): two recordings of the same length are two recordings. Compared in memory after
    decryption, only among the person's own newest entries.
    """
    try:
        clean = validate(draft, has_attachment=bool(attachments))
    except InvalidInput:
        return None
    wanted = json.loads(_payload_bytes(clean))
    sent = [
        picture_metadata.as_stored(clean.kind, a.data) for a in attachments
    ]  # a photo as the first was stored
    sizes = sorted(len(data) for data in sent)
    digests = sorted(hashlib.sha256(data).digest() for data in sent)
    recent = Entry.objects.filter(
        client=actor, kind=clean.kind, deleted_at__isnull=True, written_at__gte=timezone.now() - REPLAY_WINDOW
    ).order_by("-written_at")[:REPLAY_CANDIDATES]
    for entry in recent:
        if draft.happened_at is not None and entry.happened_at != clean.happened_at:
            continue
        if sorted(served_size(actor, a) for a in entry.attachments.all()) != sizes:
            continue
        if _open_payload(entry, actor) == wanted and _attachment_digests(actor, entry) == digests:
            return entry.id
    return None


def _attachment_digests(actor: User, entry: Entry) -> list[bytes] | None:
    """SHA-256 of each of the entry's attachments as opened (sorted), or None when one does not open (then not the
    same)."""
    try:
        return sorted(
            hashlib.sha256(_opened_attachment(actor, a).data).digest() for a in entry.attachments.all()
        )
    except IntegrityError:
        return None


def save_again(actor: User, entry_id: uuid.UUID | str, token: uuid.UUID | None) -> EntryView:
    """Save the words of one's own entry again as a new entry: the person asked, after :func:`recent_same` kept
    a resubmission once. The new entry's id derives from the form's token as any submission's does, so a double
    click on "save again" still makes one copy. Attachments are copied too (they were part of the same words)."""
    entry = _entry_for(actor, entry_id, Action.WRITE)
    new_id = submission_id(actor, token)
    if Entry.objects.filter(pk=new_id).exists():
        existing = Entry.objects.select_related("client").get(pk=new_id)
        require_own(actor, existing)
        return _view(existing, with_attachments=False)
    view = _open_view(entry, with_attachments=False)
    draft = EntryDraft(
        kind=view.kind,
        body=view.body,
        happened_at=view.happened_at,
        title=view.title,
        feelings=feelings_without_commas(view.feelings),
        people=labels_without_commas(view.people),
        tags=labels_without_commas(view.tags),
        extra=dict(view.extra),
    )
    copies = [_opened_attachment(entry.client, a) for a in entry.attachments.all()]
    try:
        return create_entry(actor, draft, copies, entry_id=new_id, words_from=_words_origin(entry))
    except AlreadySaved:  # the same "save again" sent twice at once: the copy the first one made
        return _view(Entry.objects.select_related("client").get(pk=new_id), with_attachments=False)


def _fetch(
    actor: User, model: type[M], raw_id: object, action: Action, what: str, related: str, lock: bool = False
) -> M:
    """Load one record by id and ask the policy; a bad id, a missing record and "not yours" answer alike.
    ``lock`` holds the row until the transaction ends (PostgreSQL; SQLite's write transaction holds the file)."""
    try:
        key = uuid.UUID(str(raw_id))
    except ValueError:
        raise NotFound(f"No such {what}.") from None
    rows = model.objects.select_related(related)  # type: ignore[attr-defined]
    if lock:
        rows = rows.select_for_update(of=("self",))
    row = rows.filter(pk=key).first()
    if row is None:
        raise NotFound(f"No such {what}.")
    require(actor, action, row, what)
    return row  # type: ignore[no-any-return]


def _entry_for(actor: User, entry_id: uuid.UUID | str, action: Action, lock: bool = False) -> Entry:
    return _fetch(actor, Entry, entry_id, action, "entry", "client", lock)


def _prescreen(
    actor: User, entry_id: uuid.UUID | str, draft: EntryDraft
) -> tuple[str, risk_screen.Screened] | None:
    """An edit's screen, made before its transaction (the screen can take a while; no lock is held meanwhile), with
    the names of the entry's files as they are now (used inside only if they are still the same)."""
    try:
        clean = validate(draft, has_attachment=True)  # the real validation runs again inside, with the entry
        files = file_names(_entry_for(actor, entry_id, Action.WRITE))
    except (InvalidInput, NotFound, PermissionDenied, IntegrityError):
        return None  # the same refusal comes again inside
    return screened_text(clean, files), screen_draft(clean, files)


def update_entry(
    actor: User, entry_id: uuid.UUID | str, draft: EntryDraft, *, base_revision: int | None = None
) -> EntryView:
    """Save a new version of one's own entry; the one it replaces is kept as an :class:`EntryRevision`.

    ``base_revision`` is the revision the edit was made from: when the stored one is newer (saved meanwhile in
    another tab, on another device, through the API), :class:`StaleEdit` and nothing changes. Without it the edit
    applies to the stored version, as it always did."""
    with people.unless_erased(actor):  # erased meanwhile: said so (review r124)
        early = _prescreen(actor, entry_id, draft)
        with transaction.atomic():
            entry = _entry_for(actor, entry_id, Action.WRITE, lock=True)
            if _is_stored(
                entry, actor, draft
            ):  # the same edit sent again (a double tap, a retry, from an old base or
                return _view(
                    entry
                )  # none) or the same words saved: that save, not a conflict, and no new revision
            StaleEdit.check(entry.revision, base_revision, "entry")
            clean = validate(draft, has_attachment=entry.attachments.exists())
            if clean.kind != entry.kind:
                raise InvalidInput("An entry's kind cannot change; write a new entry instead.")
            files = file_names(entry)
            screened = early[1] if early is not None and early[0] == screened_text(clean, files) else None
            _next_revision(entry, actor, clean, screened=screened, files_before=files)
    return _view(entry)


def _next_revision(
    entry: Entry,
    actor: User,
    clean: EntryDraft,
    *,
    screened: risk_screen.Screened | None = None,
    rewrite: bool = True,
    files_before: Sequence[str] | None = None,
) -> None:
    """The one way an entry's revision moves, for an edit of its words and for a file added or removed alike: the
    version it replaces is kept as an :class:`EntryRevision`, the revision goes up by one (so an edit from an older
    copy is refused, the API's ``ETag`` changes, an export or a sync sees the change), the change is audited
    (``entry.update``), screened and queued for analysis. Call inside the save's transaction, the entry locked.
    ``rewrite``: store ``clean`` as the new payload (an edit); False keeps the stored words (a file changed).
    ``files_before``: the names of the entry's files before the change (None: as they are now, an edit of words);
    the new revision is screened with the names it has now, as a text edit is, so a file added under a name that
    reads higher raises its own alert and an unchanged or harmless name raises none (:func:`_words_kept`).
    A revision that keeps what the analyzers read (a file changed, a tag or the date edited) keeps the stored
    analysis instead and queues none (:func:`reverie.clinic.services.analysis.carry_forward`); its after-save work
    runs all the same (:func:`after_save`: inline mode's retry sweep runs at every save)."""
    from reverie.clinic.services import analysis  # here: the analysis service reads the journal

    old = _open_payload(entry, actor)
    rev_id = _record_id(entry.id, entry.revision)
    old_bytes = _revision_bytes(entry.kind, old, entry.happened_at)  # the whole version, its date too
    EntryRevision.objects.create(
        entry=entry,
        number=entry.revision,
        payload=keys.seal_for(actor, rev_id, "entry.revision", old_bytes),
        saved_at=entry.updated_at,
    )
    entry.revision += 1
    entry.updated_at = timezone.now()
    new: Mapping[str, object] = old
    if rewrite:
        entry.happened_at = clean.happened_at or entry.happened_at
        new_bytes = _payload_bytes(clean)
        entry.payload = keys.seal_for(actor, _record_id(entry.id), "entry.payload", new_bytes)
        new = json.loads(new_bytes)
    entry.save()
    audit.record(actor, "entry.update", "entry", entry.id, subject=actor)
    files_now = file_names(entry)
    screened = screened or screen_draft(clean, files_now)
    before = files_now if files_before is None else files_before
    origin, kept = _words_kept(entry, old, clean, screened.level, (before, files_now))
    screen_saved(entry, screened, written_at=entry.updated_at, words_revision=kept, words_entry=origin)
    carried = analysis.carry_forward(entry, old, new)
    after_save(entry, queue_analysis=not carried)


def files_changed(actor: User, entry: Entry, *, before: Sequence[str]) -> None:
    """A file was added to or removed from ``entry`` (locked, inside that transaction; ``before``: the names of
    its files before the change, :func:`file_names`): a new revision as for an edit (:func:`_next_revision`), the
    words kept as they are, so a save from a copy opened before is refused; the stored analysis of those words is
    kept for the new revision, and none is queued. The revision is screened with the files' names as they are now,
    through the same hook as a text edit (a file's name is the person's words, :func:`persons_words`)."""
    draft = _draft_of(entry.kind, _open_payload(entry, actor))
    _next_revision(entry, actor, draft, rewrite=False, files_before=before)


def file_names(entry: Entry) -> tuple[str, ...]:
    """The names of ``entry``'s files as stored (opened with its writer's key): what :func:`persons_words` reads."""
    return tuple(_attachment_name(entry.client, a) for a in entry.attachments.all())


def _is_stored(entry: Entry, actor: User, draft: EntryDraft) -> bool:
    """Whether ``draft`` is exactly the version stored now (kind, time and every field): the save that made it,
    sent again from the same base. Nothing to refuse then, and nothing to save."""
    try:
        clean = validate(draft, has_attachment=entry.attachments.exists())
        stored = _open_payload(entry, actor)
    except (InvalidInput, IntegrityError):
        return False
    same_time = draft.happened_at is None or clean.happened_at == entry.happened_at  # None: validate says now
    return clean.kind == entry.kind and same_time and json.loads(_payload_bytes(clean)) == stored


def get_entry(actor: User, entry_id: uuid.UUID | str) -> EntryView:
    entry = _entry_for(actor, entry_id, Action.READ)
    audit.record(actor, "entry.read", "entry", entry.id, subject=entry.client)
    return _view(entry)


def revisions(actor: User, entry_id: uuid.UUID | str) -> list[EarlierVersion]:
    """Earlier versions of one's own entry, oldest first, each whole as it was written (:class:`EarlierVersion`)."""
    entry = _entry_for(actor, entry_id, Action.WRITE)
    return [_earlier(entry, rev, _open_revision(entry, rev, actor)) for rev in entry.revisions.all()]


def revert_to(
    actor: User,
    entry_id: uuid.UUID | str,
    number: int,
    *,
    base_revision: int | None,
    version: EarlierVersion | None = None,
) -> tuple[EntryView, bool]:
    """Go back to earlier version ``number`` of one's own entry (review r135 fault 8): its text and fields saved as a
    new version, as an edit is (:func:`update_entry`: the version it replaces is kept, nothing deleted, refused as
    :class:`StaleEdit` when the entry changed since ``base_revision``, screened), and audited ``entry.revert``. A
    version that kept only its text gives back its text, the other fields as they are now (never guessed); one that
    kept no date keeps today's. Returns the entry and whether anything changed (False: it holds that version
    already). ``version``: that version as the caller already opened it (:func:`revisions`, the same request), so
    no version is decrypted twice (h199); by default it is opened here."""
    entry = _entry_for(actor, entry_id, Action.WRITE)
    if version is None or version.number != number:
        version = next((v for v in revisions(actor, entry.id) if v.number == number), None)
    if version is None:
        raise NotFound("No such version of this entry.")
    now = _view(entry)
    draft = EntryDraft(
        kind=now.kind,
        body=version.body,
        happened_at=now.happened_at,
        title=now.title,
        feelings=now.feelings,
        people=now.people,
        tags=now.tags,
        extra=dict(now.extra),
    )
    if not version.only_text:  # the version kept its fields too: they come back with its text
        draft = replace(
            draft,
            happened_at=version.happened_at or now.happened_at,
            title=version.title,
            feelings=version.feelings,
            people=tuple(labels_without_commas(version.people)),
            tags=tuple(labels_without_commas(version.tags)),
            extra=dict(version.extra),
        )
    with transaction.atomic():
        saved = update_entry(actor, entry.id, draft, base_revision=base_revision)
        changed = saved.revision != now.revision
        if changed:
            audit.record(actor, "entry.revert", "entry", entry.id, subject=actor)
    return saved, changed


UNKNOWN_REVISION_FORMAT = "An earlier version of this entry is stored in a form this Reverie does not read."


def _earlier(entry: Entry, rev: EntryRevision, doc: Mapping[str, object]) -> EarlierVersion:
    """One opened earlier version, whatever format it was stored in (``REVISION_FORMAT``): 2, the whole entry or a
    version marked ``only_text``; 1, the replaced payload (whole but for its date) or, from an old export's import,
    ``{"v": 1, "body": ...}`` alone: only the text, said so, nothing guessed. An unknown format is an
    :class:`IntegrityError` (never read as something else)."""
    version = doc.get("v")
    happened: datetime | None = None
    if version == REVISION_FORMAT:
        only_text = doc.get("only_text") is True
        payload = doc.get("payload")
        if not isinstance(payload, dict) or not isinstance(doc.get("kind"), str):
            raise IntegrityError(UNKNOWN_REVISION_FORMAT)
        kind, at = str(doc["kind"]), doc.get("happened_at")
        happened = datetime.fromisoformat(at) if isinstance(at, str) else None
    elif version == 1:
        payload, kind = dict(doc), entry.kind  # an entry's kind never changes
        # every payload a save sealed holds its title; an old export's import held the text alone
        only_text = "title" not in payload
    else:
        raise IntegrityError(UNKNOWN_REVISION_FORMAT)
    body = str(payload.get("body", ""))
    if only_text:
        return EarlierVersion(rev.number, rev.saved_at, kind, body, only_text=True)
    draft = _opened_draft(kind, payload)
    return EarlierVersion(
        rev.number,
        rev.saved_at,
        kind,
        body,
        title=draft.title,
        feelings=draft.feelings,
        people=draft.people,
        tags=draft.tags,
        extra=draft.extra,
        happened_at=None if happened is None else local_time.within_years(happened),
    )


def _open_revision(entry: Entry, rev: EntryRevision, client: User) -> dict[str, object]:
    """The sealed document of one kept earlier version of ``client``'s ``entry``, as stored (any format)."""
    raw = keys.open_for(client, _record_id(entry.id, rev.number), "entry.revision", rev.payload)
    doc: dict[str, object] = json.loads(raw)
    return doc


def _revision_content(doc: Mapping[str, object]) -> dict[str, object]:
    """What an earlier version's document holds of the entry's payload (its title, text, feelings, people, tags
    and fields), in the payload's own form, whatever the format: what compares with a payload and what a screen
    read."""
    if doc.get("v") == REVISION_FORMAT:
        payload = doc.get("payload")
        return dict(payload) if isinstance(payload, dict) else {}
    return dict(doc)


FLAGGED_WORDS_MAX = 3  # sentences shown back on the check-in page
FLAGGED_WORDS_CHARS = 240  # each cut at about this length


def flagged_words(actor: User, entry_id: uuid.UUID | str, revision: int) -> tuple[str, ...]:
    """The sentences of one revision of the actor's own live entry that its save-time risk screen flagged (at
    ``ideation`` or above), in order, at most ``FLAGGED_WORDS_MAX``, each cut at about ``FLAGGED_WORDS_CHARS``:
    what the check-in shows back to its writer, so that they can see what Reverie read. Empty when the entry is
    someone else's, in the trash or gone, the revision's screen is not stored or found nothing to point at, or its
    text can no longer be opened. Audited as a read of the entry, as opening it is."""
    from reverie.analysis.risk import IDEATION, LEVELS, sentence_spans
    from reverie.analysis.summary import quote

    try:
        entry = _entry_for(actor, entry_id, Action.WRITE)
    except (NotFound, PermissionDenied, InvalidInput):
        return ()
    if entry.deleted_at is not None:
        return ()
    row = EntryScreen.objects.filter(entry=entry, revision=revision).first()
    doc = _revision_payload(entry, revision) if row is not None else None
    if row is None or doc is None:
        return ()
    try:
        screen = risk_screen.open_screen(entry, row)
    except IntegrityError:
        return ()
    text = screen_source(entry, doc, screen)
    flagged = LEVELS[IDEATION:]
    spans = [t["span"] for t in screen.get("triggers", []) if t.get("level") in flagged]
    sentences = [
        (a, b) for a, b in sentence_spans(text) if any(a <= int(s) < b or a < int(e) <= b for s, e in spans)
    ]
    if not sentences:
        return ()
    audit.record(actor, "entry.read", "entry", entry.id, subject=entry.client)
    return tuple(quote(text, a, b, FLAGGED_WORDS_CHARS) for a, b in sentences[:FLAGGED_WORDS_MAX])


def flagged_entry(actor: User, entry_id: uuid.UUID | str) -> EntryView | None:
    """The actor's own live entry whose flagged words (:func:`flagged_words`, which records the read) the same page
    shows, for naming it as the journal names it (its title, else its kind and day); None as :func:`flagged_words`
    gives nothing for it: someone else's, in the trash, gone. Its files are not opened."""
    try:
        entry = _entry_for(actor, entry_id, Action.WRITE)
    except (NotFound, PermissionDenied, InvalidInput):
        return None
    return None if entry.deleted_at is not None else _view(entry, with_attachments=False)


def screen_source(entry: Entry, doc: Mapping[str, object], screen: Mapping[str, Any]) -> str:
    """The text a stored screen (``screen``, opened) read of one revision (``doc``, its sealed document): the
    revision's words with the names of the files the screen read (``reverie.screen/2``), never the entry's files of
    today, which may have changed since (review r102); a ``/1`` screen, stored without them, with today's. What
    its trigger spans point into: the check-in's quotes (:func:`flagged_words`) and the therapist's reading
    (``observations.screen_read``)."""
    files = risk_screen.screened_files(screen)
    return screened_text(_draft_of(entry.kind, doc), file_names(entry) if files is None else files)


def _draft_of(kind: str, doc: Mapping[str, object]) -> EntryDraft:
    """A stored payload document as the draft that saved it (no date): what :func:`screened_text` reads."""
    extra, feelings = doc.get("extra"), doc.get("feelings")
    return EntryDraft(
        kind=kind,
        body=str(doc.get("body", "")),
        title=str(doc.get("title", "")),
        feelings=tuple(Feeling(str(f[0]), 1) for f in feelings if f) if isinstance(feelings, list) else (),
        people=tuple(str(p) for p in doc.get("people", []) or []),  # type: ignore[attr-defined]
        tags=tuple(str(t) for t in doc.get("tags", []) or []),  # type: ignore[attr-defined]
        extra={str(k): str(v) for k, v in extra.items()} if isinstance(extra, dict) else {},
    )


def _revision_payload(entry: Entry, revision: int) -> dict[str, object] | None:
    """The payload of one revision: the current one, or what the kept earlier version holds of it
    (:func:`_revision_content`, whatever its format)."""
    try:
        if revision == entry.revision:
            return _open_payload(entry, entry.client)
        kept = entry.revisions.filter(number=revision).first()
        return _revision_content(_open_revision(entry, kept, entry.client)) if kept is not None else None
    except IntegrityError:
        return None


def list_entries(
    actor: User,
    *,
    kind: str | None = None,
    query: str | None = None,
    client_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: uuid.UUID | str | None = None,
) -> list[EntryView]:
    """Entries the actor may read, newest first. ``query`` is matched in memory after decryption.

    Without a query, ``limit``/``offset`` page in the database, so only the shown entries are decrypted.
    ``after``: the id of the last entry of the page before (a keyset cursor): only entries after it in the list's
    order, so an entry trashed or written between two pages moves no other entry to the wrong page (review r64).
    """
    views, _ = entries_page(
        actor,
        kind=kind,
        query=query,
        client_id=client_id,
        limit=limit,
        offset=offset,
        after=after,
        total=False,
    )
    return views


def entries_page(
    actor: User,
    *,
    kind: str | None = None,
    query: str | None = None,
    client_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    after: uuid.UUID | str | None = None,
    total: bool = True,
) -> tuple[list[EntryView], int | None]:
    """:func:`list_entries`' page and, when that page is empty past the first (an old bookmark's page 3 of a
    search that has one page) and ``total``, how many entries the list has in all (else None), for the "There is
    no page 3" page. One reading, one audit event (per client, for a therapist): a page and its count are one
    search in the client's Privacy log, not two (review r75)."""
    if limit is not None and not 0 <= limit <= MAX_LIST_LIMIT:
        raise InvalidInput(f"The limit must be a whole number from 1 to {MAX_LIST_LIMIT:,}.")
    if not 0 <= offset <= MAX_LIST_OFFSET:
        raise InvalidInput(f"The offset must be a whole number from 0 to {MAX_LIST_OFFSET:,}.")
    every = visible_entries(actor)
    if kind:
        if kind not in EntryKind.values:
            raise unknown_kind()
        every = every.filter(kind=kind)
    if client_id is not None:
        every = every.filter(client_id=client_id)
    rows = every.select_related("client").prefetch_related("attachments")
    if after is not None:
        rows = rows.filter(_older_than(actor, after))
    opened: set[int] = set()
    found: int | None = None
    past_end = total and offset > 0 and after is None
    if query:
        needle = folded(query)
        matched = 0

        def matches() -> Iterator[EntryView]:
            nonlocal matched
            for v in _views(rows, opened):
                if needle in _haystack(v):
                    matched += 1
                    yield v

        # Newest first: once the page asked for is full, the older entries are not decrypted.
        views = list(islice(matches(), offset, offset + limit if limit else None))
        if past_end and not views:
            found = matched  # the page's own reading went through every entry: its matches are the count
    else:
        window = rows[offset : offset + limit] if limit else rows[offset:]
        views = [_view(e) for e in window]
        opened = {v.client_id for v in views}
        if past_end and not views:
            found = every.count()
    _audit_reading(actor, "journal.search" if query else "journal.list", client_id, opened)
    return views, found


def _audit_reading(actor: User, action: str, client_id: int | None, opened: set[int]) -> None:
    """One event for a list or a search of the journal. A therapist's reading of shared entries is one event per
    client whose entries it opened, with that client as subject, so it shows in the client's Privacy log ("… searched
    your journal.", review r68); a client's own list or search, or a reading that opened no one's entries, one event
    without a subject, as before."""
    others = sorted(pk for pk in opened if pk != actor.pk)
    if not others:
        audit.record(actor, action, "journal", client_id or actor.pk)
        return
    clients = User.objects.in_bulk(others)
    for pk in others:
        audit.record(actor, action, "journal", pk, subject=clients.get(pk))


AFTER_GONE = "The entry named by after is no longer in the journal; start again from the first page."


def _older_than(actor: User, after: uuid.UUID | str) -> Q:
    """The entries after ``after`` (an entry id) in the list's order (newest first: ``happened_at``, ``written_at``,
    ``id``, each descending). The cursor entry may have been moved to the trash since, by the caller or (for a
    therapist) by its writer: its place is read through :func:`policy.placed_entries`, the same rule for both, and
    nothing else of it. One that is gone or was never theirs to read is :class:`InvalidInput` (400), the same for
    both, so it tells nothing of anyone else's."""
    try:
        key = uuid.UUID(str(after))
    except ValueError:
        raise InvalidInput("after must be the id of an entry from the page before.") from None
    row = placed_entries(actor).filter(pk=key).values_list("happened_at", "written_at", "id").first()
    if row is None:
        raise InvalidInput(AFTER_GONE)
    at, written, pk = row
    return (
        Q(happened_at__lt=at)
        | Q(happened_at=at, written_at__lt=written)
        | Q(happened_at=at, written_at=written, id__lt=pk)
    )


LIST_CHUNK = 50  # entries read from the database at a time when they are decrypted one by one


def _views(rows: QuerySet[Entry], opened: set[int] | None = None) -> Iterator[EntryView]:
    """Each row decrypted only when the caller takes it. Rows are read in whole chunks (one query each, attachments
    prefetched per chunk), never through a cursor left open: on SQLite an open read cannot become the audit
    event's write once another connection has written ("database is locked" at once). ``opened`` collects the
    writers whose entries were decrypted, for the audit."""
    start = 0
    while True:
        chunk = list(rows[start : start + LIST_CHUNK])
        for entry in chunk:
            if opened is not None:
                opened.add(entry.client_id)
            yield _view(entry)
        if len(chunk) < LIST_CHUNK:
            return
        start += LIST_CHUNK


def iter_entries(
    actor: User, *, client_id: int | None = None, limit: int | None = None
) -> Iterator[EntryView]:
    """Entries the actor may read, newest first, like :func:`list_entries`, but each decrypted only when taken: a
    caller that needs only the newest few (the feelings calendar) stops early. One audit event, before the first."""
    if limit is not None and not 0 <= limit <= MAX_LIST_LIMIT:
        raise InvalidInput(f"The limit must be a whole number from 1 to {MAX_LIST_LIMIT:,}.")
    rows = visible_entries(actor).select_related("client").prefetch_related("attachments")
    if client_id is not None:
        rows = rows.filter(client_id=client_id)
    if limit is not None:
        rows = rows[:limit]
    return _audited_views(actor, rows, client_id or actor.pk)


def _audited_views(actor: User, rows: QuerySet[Entry], subject_id: int) -> Iterator[EntryView]:
    audit.record(actor, "journal.list", "journal", subject_id)
    yield from _views(rows)


def _haystack(view: EntryView) -> str:
    parts = [
        view.title,
        view.body,
        *view.people,
        *view.tags,
        *(f.name for f in view.feelings),
        *view.extra.values(),
        # the attachments' file names, opened in memory as the rest; each name is stored sealed only
        *(a.filename for a in view.attachments),
    ]
    # Each part folded as the query is (NFC, case-folded, white space as one space), then joined by a line break,
    # which no folded query holds: a search never runs from a title into the body.
    return "\n".join(folded(part) for part in parts)


NO_ONE_TO_SHARE_WITH = (
    "You have no therapist linked yet, so there is no one to share with. Nothing was changed."
)


def can_share(actor: User, *, lock: bool = False) -> bool:
    """Whether a share made now reaches someone: the client has a link open (a share reaches the therapists linked
    when it is made, ``policy.shared_within``; one made with none open would reach no therapist ever).

    ``lock`` (inside a transaction, :func:`set_shared`): the open links are locked (``SELECT … FOR UPDATE``) until
    the transaction ends, so a link's end (``people.end_pair``, which locks its link first) waits for the share and
    then takes it back, or lands first and the share finds no link open."""
    if not actor.is_client:
        return False
    links = Pair.objects.open().filter(client=actor)
    if lock:
        return bool(list(links.select_for_update(of=("self",)).values_list("pk", flat=True)))
    return links.exists()


def set_shared(
    actor: User, entry_id: uuid.UUID | str, shared: bool, *, base_revision: int | None = None
) -> EntryView:
    """Share one's own entry with the linked therapist, or stop. ``base_revision`` (the API's ``If-Match``): the
    revision the caller last read; a newer one stored → :class:`StaleEdit`, nothing changes. ``None``: no check.

    A share reaches the therapists linked when it is made (``policy.shared_within``), so with no link open there is
    no one to share with: the share is refused (:class:`Conflict`) and nothing changes. Unsharing always works.
    A share locks the client's open links before its entry (the lock order of ``people.end_pair``: link, courses,
    entries, audit head), so a link ending at the same moment either ends first (the share is refused) or waits for
    the share and takes it back: never an entry left "shared" with no link open."""
    with transaction.atomic():
        reaches = shared and can_share(actor, lock=True)  # the links first, then the entry
        entry = _entry_for(actor, entry_id, Action.SHARE, lock=True)
        StaleEdit.check(entry.revision, base_revision, "entry")
        if shared and not reaches:
            from reverie.clinic.services.people import departed_notice

            departed = departed_notice(actor)  # the only therapist left the clinic: said so (review r97)
            raise Conflict(f"{departed} Nothing was changed." if departed else NO_ONE_TO_SHARE_WITH)
        entry.shared = shared
        entry.shared_at = timezone.now() if shared else None
        entry.save(update_fields=["shared", "shared_at"])
        audit.record(actor, "entry.share" if shared else "entry.unshare", "entry", entry.id, subject=actor)
    return _view(entry)


def trash_entry(actor: User, entry_id: uuid.UUID | str, *, base_revision: int | None = None) -> None:
    """Move one's own entry to the trash; ``base_revision`` is checked as :func:`set_shared` does."""
    with transaction.atomic():
        entry = _entry_for(actor, entry_id, Action.DELETE, lock=True)
        StaleEdit.check(entry.revision, base_revision, "entry")
        entry.deleted_at = timezone.now()
        entry.save(update_fields=["deleted_at"])
        audit.record(actor, "entry.trash", "entry", entry.id, subject=actor)


def restore_entry(actor: User, entry_id: uuid.UUID | str, *, base_revision: int | None = None) -> EntryView:
    """Take one's own entry out of the trash; ``base_revision`` is checked as :func:`set_shared` does."""
    with transaction.atomic():
        entry = _entry_for(actor, entry_id, Action.RESTORE, lock=True)
        StaleEdit.check(entry.revision, base_revision, "entry")
        entry.deleted_at = None
        entry.save(update_fields=["deleted_at"])
        audit.record(actor, "entry.restore", "entry", entry.id, subject=actor)
        _read_again(entry)
    return _view(entry)


def _read_again(entry: Entry) -> None:
    """A restored entry is read as a saved one is (every restore path, API, web and CLI, comes through
    :func:`restore_entry`): its save-time risk screen made if it has none for its current revision, and its analysis
    queued (:func:`after_save`, the same priority rules) if it has none: one trashed before the worker reached it
    was skipped there (review r38), and nothing else would ever read it. Inside the restore's transaction."""
    from reverie.clinic.models import StoredAnalysis

    if not EntryScreen.objects.filter(entry=entry, revision=entry.revision).exists():
        draft = _draft_of(entry.kind, _open_payload(entry, entry.client))
        screen_saved(entry, screen_draft(draft, file_names(entry)), written_at=entry.updated_at)
    if not StoredAnalysis.objects.filter(entry=entry, revision=entry.revision).exists():
        after_save(entry)


def purge_entry(actor: User, entry_id: uuid.UUID | str, *, base_revision: int | None = None) -> None:
    """Delete one's trashed entry for good; ``base_revision`` is checked as :func:`set_shared` does."""
    _purge_recorded(actor, [(entry_id, base_revision)])


def _purge_recorded(actor: User, wanted: list[tuple[uuid.UUID | str, int | None]]) -> None:
    """Delete these entries for good, each checked and audited, recording them in ``purged-entries.json`` (purged.py)
    once the deletion commits: the outermost transaction's commit, so a deletion undone (here, or by a larger
    transaction that rolls back afterwards) records nothing, and a later restore keeps those live entries. A record
    that cannot be written refuses the deletion before anything is deleted (``KeyUnavailable``)."""
    with transaction.atomic():
        found = []
        for entry_id, base_revision in wanted:
            entry = _entry_for(actor, entry_id, Action.PURGE, lock=True)
            StaleEdit.check(entry.revision, base_revision, "entry")
            found.append(entry)
        purged.check_writable()  # before anything is deleted
        ids = [e.id for e in found]
        for entry in found:
            audit.record(actor, "entry.purge", "entry", entry.id, subject=actor)
            entry.delete()
        tombstone(actor, ids)  # a retry of the save that made one is refused, never stored again
        purged.remember_on_commit(ids)  # one write for them all, when (and only if) the deletion commits


def _trash_fingerprint(entry_ids: Iterable[uuid.UUID]) -> str:
    return hashlib.sha256(",".join(sorted(str(i) for i in entry_ids)).encode()).hexdigest()


def trash_fingerprint(actor: User) -> str:
    """What the trash holds now, as the confirm page shows it: a digest of its entries' ids (nothing decrypted).
    The page carries it back, so that :func:`empty_trash` deletes exactly what the person was shown."""
    return _trash_fingerprint(trashed_entries(actor).values_list("id", flat=True))


def empty_trash(actor: User, shown: str) -> int:
    """Delete for good the entries in the actor's trash, each as ``purge_entry`` does (checked, audited), only while
    the trash still holds exactly what the person confirmed (``shown``, from :func:`trash_fingerprint`); returns how
    many. If an entry was moved to the trash, restored or deleted since (another tab, the phone, the API), nothing
    is deleted: :class:`Conflict`, and the person is asked again. Live entries are never touched.

    A trash that is empty now returns 0 whatever ``shown`` says: the same confirmation sent twice (a double tap, a
    slow answer tapped again) finds the trash the first one emptied, and is told "the trash is empty", never that
    nothing was deleted (r14). Nothing unseen can be deleted from an empty trash."""
    with transaction.atomic():
        ids = list(trashed_entries(actor).select_for_update().values_list("id", flat=True))
        if not ids:
            return 0
        if not hmac.compare_digest(_trash_fingerprint(ids), shown):
            raise Conflict(
                "Your trash changed after that page was shown (an entry was moved there, restored or deleted"
                " elsewhere), so nothing was deleted. Look at what it holds now before you confirm again."
            )
        _purge_recorded(actor, [(entry_id, None) for entry_id in ids])
    return len(ids)


def trashed_entry(actor: User, entry_id: uuid.UUID | str) -> EntryView | None:
    """One's own entry if it is in the trash (an edit saved after it was trashed elsewhere gets it back with a
    choice); None for anything else: a live entry, someone else's, none, a bad id (answered alike by the caller)."""
    try:
        key = uuid.UUID(str(entry_id))
    except ValueError:
        return None
    entry = trashed_entries(actor).filter(pk=key).first()  # the policy's own query for one's trash
    if entry is None:
        return None  # the caller's refusal (already audited) stands
    audit.record(actor, "entry.read", "entry", entry.id, subject=actor)
    return _view(entry, with_attachments=False)


def list_trash(actor: User) -> list[EntryView]:
    return [_view(e, with_attachments=False) for e in trashed_entries(actor)]


def trash_count(actor: User) -> int:
    """How many entries are in the actor's trash (nothing decrypted)."""
    return trashed_entries(actor).count()


def attachment_data(actor: User, attachment_id: uuid.UUID | str) -> tuple[str, str, bytes]:
    att = _fetch(actor, Attachment, attachment_id, Action.READ, "attachment", "entry__client")
    client = att.entry.client
    opened = _opened_attachment(client, att)
    audit.record(actor, "attachment.read", "attachment", att.id, subject=client)
    return opened.filename, served_type(att.media_type), opened.data


def _attachment_name(client: User, att: Attachment) -> str:
    return keys.open_for(client, str(att.id), "attachment.name", att.name_sealed).decode()


def served_size(client: User, att: Attachment) -> int:
    """The size of a stored file as it is served: its row's, or, for one stored before today's strip that the
    upkeep has not re-stripped yet (``stripped`` False), the size of its bytes as opened (review r77)."""
    return att.size if att.stripped else len(_opened_attachment(client, att).data)


# How many files stored before today's strip one upkeep round re-strips (each opened, stripped, sealed again).
RESTRIP_BATCH = 50
# How long a file that did not open waits before the upkeep tries it again (its key may come back from a backup).
RESTRIP_RETRY = timedelta(days=7)


def restrip_pictures(limit: int = RESTRIP_BATCH, *, now: datetime | None = None) -> int:
    """Store again, stripped, up to ``limit`` files stored before today's strip (``stripped`` False), with their
    size; idempotent (a file from which nothing is removed only gets marked). The worker's upkeep runs it each round
    until none is left. A file that does not open (its key gone, the file damaged) is left as it is, with the time
    of the failure (``restrip_failed_at``; ``reverie doctor`` reports it): the batch takes the files never tried
    first, in a fixed order, and one that failed only after ``RESTRIP_RETRY``, so files that never open cannot hold
    back the others (review r79). A client with no data key row is skipped without opening: opening would create a
    new key, and a re-strip never creates one. Returns how many rows were marked."""
    now = now or timezone.now()
    due = Attachment.objects.filter(stripped=False).filter(
        Q(restrip_failed_at__isnull=True) | Q(restrip_failed_at__lte=now - RESTRIP_RETRY)
    )
    batch = list(
        due.order_by(F("restrip_failed_at").asc(nulls_first=True), "pk").values_list("pk", flat=True)[:limit]
    )
    done = 0
    for att_id in batch:
        with transaction.atomic():
            att = (
                Attachment.objects.select_for_update(of=("self",))  # the file's row only: never its entry's
                .select_related("entry__client")
                .filter(pk=att_id)
                .first()
            )
            if att is None or att.stripped:
                continue  # gone, or another worker did it
            client = att.entry.client
            try:
                if not ClientKey.objects.filter(client_id=client.pk).exists():
                    raise KeyUnavailable("This person's data key no longer exists.")  # never create one here
                data = keys.open_for(client, str(att.id), "attachment.data", att.payload)
            except (IntegrityError, KeyUnavailable):
                att.restrip_failed_at = now
                att.save(update_fields=["restrip_failed_at"])
                continue
            stored = picture_metadata.strip(data, att.media_type)
            if stored != data:
                att.payload = keys.seal_for(client, str(att.id), "attachment.data", stored)
            att.size, att.stripped, att.restrip_failed_at = len(stored), True, None
            att.save(update_fields=["payload", "size", "stripped", "restrip_failed_at"])
            done += 1
    return done


def _opened_attachment(client: User, att: Attachment) -> AttachmentDraft:
    """A stored attachment's name and bytes, opened with its owner's key. A picture stored before its place and
    camera were removed on storing (h85) is opened without them too: served, exported and compared as one stored now."""
    data = keys.open_for(client, str(att.id), "attachment.data", att.payload)
    return AttachmentDraft(
        _attachment_name(client, att), att.media_type, picture_metadata.strip(data, att.media_type)
    )
