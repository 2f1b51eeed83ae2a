"""A portable journal: Reverie's own export, a readable Markdown export, and imports from jrnl and Day One.

Pure: plain frozen dataclasses and bytes in, bytes or text out; no Django, no database. The JSON export is
``"schema": "reverie.export/10"`` (JSON Schema: docs/export-schema-v10.json; version 1 to 9 files still load; version 2 added the entry context fields ``place``, ``weather``, ``time_zone`` and the optional
``record``: the person's course of therapy as they may read it; version 3 added each entry's ``fit`` answers
(the person's "does this fit?" about an observation) and the record's ``check_ins`` (their answers to "Are you
safe?"); version 4 adds each questionnaire's ``session_start`` in the record, so one answered for a session
later cancelled keeps its session; version 5 adds the file's ``left_out``: the entries that could not be opened
and are not in it, by date, kind and, when it opened, title, and each check-in's ``question``, as it was asked;
version 6 adds to each progress note in the record the session it belongs to: its ``session_start``, its
``session`` number while that session is held, and the course's treatment ``format``; version 7 adds to each
course in the record what the client reads of it on their pages: each goal's ``description``, the given goodbye
``letter`` and the ``formulation`` versions shared with them; version 8 adds each questionnaire's ``answers`` in
the record, the client's answers item by item; the file's fields are those of version 5; version 9 keeps each
earlier version of an entry whole (``revisions``: its title, text, feelings, people, tags, fields and date, or
``only_text`` where only its text was kept, as every earlier version of a file before 9 is read); version 10 adds
the person's ``time_zone`` (the file's own field), each entry's ``updated_at`` (when its current version was saved)
and, in the record's safety plan, its ``crisis_country`` and the trusted contacts and professionals as two sections).
``load`` reads it back exactly (``load(dump_reverie_json(x)) == x``) and
also reads jrnl's JSON export and Day One's export, as the zip Day One writes (``Journal.json`` with
``photos/`` and ``audios/``) or as its bare JSON. Errors name the entry index and field
(``entries[3].happened_at``), never the text. ``load`` is all or nothing; ``load_report`` skips a bad entry
and says which one and why.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from reverie.errors import InvalidInput
from reverie.journal import history
from reverie.journal.kinds import KIND_WORDS, KINDS, field_words, file_words
from reverie.measures.questionnaires import get_questionnaire
from reverie.programmes.countries import country_name
from reverie.text import decoded, not_utf8, one_line_ending
from reverie.versions import version_number
from reverie.words import words as code_words

SCHEMA = "reverie.export/10"
SCHEMA_VERSION = 10
FIT_ANSWERS = ("fits", "does_not_fit", "not_sure")
CHECK_IN_ANSWERS = ("safe", "need_help", "misunderstood")  # care.models.safety.ANSWER_LABELS (tested equal)
JRNL_SCHEMA = "jrnl.json"
JRNL_TEXT_SCHEMA = "jrnl.txt"
DAYONE_SCHEMA = "dayone.json"
EXTRA_KEYS = ("situation", "urge", "choice", "place", "weather", "time_zone")
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_BYTES = 2_000_000_000  # uncompressed, all members together
MAX_ZIP_MEMBER_BYTES = 200_000_000
MAX_FILES_PER_ENTRY = 50  # photos or recordings one Day One entry may bring (Day One itself allows 30 photos)
MAX_BODY_CHARS = 1_000_000
MAX_SHORT_CHARS = 1_000
_DREAM_TAGS = frozenset({"dream", "dreams", "nightmare", "nightmares", "dreamjournal", "dream_journal"})
_DAYDREAM_TAGS = frozenset({"daydream", "daydreams", "fantasy"})
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")
NOT_A_REVERIE_SCHEMA = "Cannot import: the file's schema is not a Reverie export schema."
DAYONE_UNSUPPORTED = "Cannot import: this Day One export version is not supported (Reverie reads 1.x)."
_FIELD_NAME = re.compile(r"[A-Za-z0-9_]{1,40}")
# An observation key: the analyzer's name, a colon, then words apart by single spaces (a label may hold a space).
_OBSERVATION_KEY = re.compile(r"[A-Za-z0-9_]{1,40}:\S+(?: \S+)*")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# What reading one entry's odd value may raise past the field checks (``round(nan)``: ValueError, ``round(1e400)`` or
# a date past year 9999 in its zone: OverflowError, an ArithmeticError): that entry is left out and said, never the
# import stopped (r53). The import's own draft step uses the same list (``import_check.usable``).
UNREADABLE: tuple[type[Exception], ...] = (ValueError, TypeError, KeyError, ArithmeticError)
_T = TypeVar("_T")


@dataclass(frozen=True)
class PortableFeeling:
    """One named feeling with an intensity from 1 (faint) to 5 (overwhelming)."""

    name: str
    intensity: int

    def __post_init__(self) -> None:
        _check_short("feeling name", self.name)
        if isinstance(self.intensity, bool) or not isinstance(self.intensity, int):
            raise InvalidInput("feeling intensity must be a whole number from 1 to 5.")
        if not 1 <= self.intensity <= 5:
            raise InvalidInput("feeling intensity must be from 1 to 5.")


@dataclass(frozen=True)
class PortableAttachment:
    """A file kept with an entry (a drawing, a recording)."""

    filename: str
    media_type: str
    data: bytes = field(repr=False)

    def __post_init__(self) -> None:
        _check_short("attachment filename", self.filename, limit=255)
        if any(mark in self.filename for mark in "/\\\x00") or self.filename in {".", ".."}:
            raise InvalidInput("attachment filename must be a plain file name without folders.")
        if not isinstance(self.media_type, str) or not _MEDIA_TYPE.fullmatch(self.media_type):
            raise InvalidInput("attachment media_type must look like 'type/subtype'.")
        if not isinstance(self.data, bytes):
            raise InvalidInput("attachment data must be bytes.")


@dataclass(frozen=True, repr=False)
class PortableRevision:
    """An earlier version of an entry: when it was saved (``written_at``) and what it held. ``only_text``: only
    its main text is known (every earlier version in a file before version 9, which kept no more); otherwise
    (version 9) the whole version as the person wrote it: its title, text, feelings, people, tags and fields
    (``extra``), and the date it gave (``happened_at``; None where it was not kept). Never its files: those are the
    entry's own. Its ``repr`` shows no text."""

    body: str
    written_at: datetime
    only_text: bool = True
    title: str = ""
    feelings: tuple[PortableFeeling, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    happened_at: datetime | None = None

    def __post_init__(self) -> None:
        _check_body("revision body", self.body)
        _check_aware("revision written_at", self.written_at)
        if not isinstance(self.only_text, bool):
            raise InvalidInput("revision only_text must be true or false.")
        for name in ("feelings", "people", "tags"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        _check_short("revision title", self.title, allow_empty=True)
        if not all(isinstance(f, PortableFeeling) for f in self.feelings):
            raise InvalidInput("revision feelings must each have a name and an intensity.")
        for label, values in (("revision people", self.people), ("revision tags", self.tags)):
            for value in values:
                _check_short(label, value)
        _check_extra(self.extra)
        if self.happened_at is not None:
            _check_aware("revision happened_at", self.happened_at)
        held = self.title or self.feelings or self.people or self.tags or self.extra
        if self.only_text and (held or self.happened_at is not None):
            raise InvalidInput("a revision kept only as text holds only its body and written_at.")

    def __repr__(self) -> str:
        kept = "only text" if self.only_text else "whole"
        return f"PortableRevision(<{len(self.body)} chars>, {kept}, written_at={self.written_at.isoformat()})"


@dataclass(frozen=True)
class PortableFit:
    """The person's answer to "does this fit?" about one observation (``about``: its key, ``feelings:sadness``)."""

    about: str
    answer: str
    answered_at: datetime
    # where it stood in its entry's ``fit`` list in the file it was read from, as its entry's ``file_index``
    file_index: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _check_short("fit about", self.about)
        if not _OBSERVATION_KEY.fullmatch(self.about):
            raise InvalidInput("fit about must be an observation key like 'feelings:sadness'.")
        if self.answer not in FIT_ANSWERS:
            raise InvalidInput(f"fit answer must be one of: {', '.join(FIT_ANSWERS)}.")
        _check_aware("fit answered_at", self.answered_at)


@dataclass(frozen=True, repr=False)
class PortableEntry:
    """One journal entry, independent of storage. ``extra`` holds the mindful-choice fields.

    Its ``repr`` shows only the id, kind, time and sizes, so a logged entry leaks no text.
    """

    id: str
    kind: str
    body: str
    happened_at: datetime
    written_at: datetime
    feelings: tuple[PortableFeeling, ...] = ()
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    title: str = ""
    shared: bool = False
    attachments: tuple[PortableAttachment, ...] = ()
    revisions: tuple[PortableRevision, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    fit: tuple[PortableFit, ...] = ()  # version 3: the person's "does this fit?" answers, oldest first
    # version 10: when the current version was saved (None: a file before 10, or another app's, which kept none)
    updated_at: datetime | None = None
    # Where it stood in the file it was read from (``entries[file_index]``, counted before any entry was left out),
    # so every message of an import names it where the person finds it (``file_place``); None for an entry not
    # read from a file. Not part of the format: never written, never compared.
    file_index: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        _check_short("id", self.id)
        if self.kind not in KINDS:
            raise InvalidInput(f"kind must be one of: {', '.join(KINDS)}.")
        _check_body("body", self.body)
        _check_aware("happened_at", self.happened_at)
        _check_aware("written_at", self.written_at)
        if self.updated_at is not None:
            _check_aware("updated_at", self.updated_at)
        _check_short("title", self.title, allow_empty=True)
        for name in ("feelings", "people", "tags", "attachments", "revisions", "fit"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        for label, values in (("people", self.people), ("tags", self.tags)):
            for value in values:
                _check_short(label, value)
        if not isinstance(self.shared, bool):
            raise InvalidInput("shared must be true or false.")
        _check_extra(self.extra)

    def __repr__(self) -> str:
        return (
            f"PortableEntry(id={self.id!r}, kind={self.kind!r}, happened_at={self.happened_at.isoformat()}, "
            f"<{len(self.body)} chars>, <{len(self.attachments)} attachments>)"
        )


@dataclass(frozen=True)
class PortableLeftOut:
    """An entry the export could not open and left out (version 5): when it happened, its kind and, when the
    entry itself opened, its title; never its text."""

    happened_at: datetime
    kind: str
    title: str = ""

    def __post_init__(self) -> None:
        _check_aware("left_out happened_at", self.happened_at)
        if self.kind not in KINDS:
            raise InvalidInput(f"left_out kind must be one of: {', '.join(KINDS)}.")
        _check_short("left_out title", self.title, allow_empty=True)


@dataclass(frozen=True)
class PortableJournal:
    """A whole journal as exported or imported; ``schema`` names the format it came from."""

    schema: str
    exported_at: datetime
    entries: tuple[PortableEntry, ...]
    # The course of therapy as the person may read it (sessions, goals, measures, safety plan, notes shared with
    # them): JSON-ready data, written and read back as is; an import keeps the journal and leaves this out.
    record: dict[str, Any] = field(default_factory=dict, compare=True)
    # Version 5: the entries that could not be opened when the file was made, so the file says it is incomplete.
    left_out: tuple[PortableLeftOut, ...] = ()
    # Version 10: the person's time zone when the file was made (an IANA name, as their account held it; "" for a
    # file before 10 or another app's), so their times read as they did.
    time_zone: str = ""

    def __post_init__(self) -> None:
        _check_aware("exported_at", self.exported_at)
        _check_short("time_zone", self.time_zone, allow_empty=True, limit=64)
        object.__setattr__(self, "entries", tuple(self.entries))
        object.__setattr__(self, "left_out", tuple(self.left_out))
        if not isinstance(self.record, dict):
            raise InvalidInput("record must be a JSON object.")
        seen: dict[str, str] = {}
        for index, entry in enumerate(self.entries):
            if entry.id in seen:
                raise InvalidInput(f"{file_place(entry, index)} repeats the id of {seen[entry.id]}.")
            seen[entry.id] = file_place(entry, index)


def file_place(entry: PortableEntry, index: int) -> str:
    """An entry named by its place in the file it was read from (``entries[3]``: what every message about an
    entry of an import says, the file's own numbering, whatever was left out before it); ``index``, its place in
    the list at hand, only for an entry not read from a file."""
    return f"entries[{index if entry.file_index is None else entry.file_index}]"


# ---- Reverie JSON export -------------------------------------------------------------------------------


def dump_reverie_json(journal: PortableJournal) -> bytes:
    """Reverie's JSON export: deterministic key order, UTF-8, attachments in base64, a final newline."""
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "exported_at": journal.exported_at.isoformat(),
        "entries": [_entry_json(entry) for entry in journal.entries],
    }
    if journal.record:
        document["record"] = journal.record
    if journal.left_out:
        document["left_out"] = [_left_out_json(item) for item in journal.left_out]
    if journal.time_zone:
        document["time_zone"] = journal.time_zone
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("An entry holds text that is not valid Unicode (an unpaired surrogate).") from None


def _left_out_json(item: PortableLeftOut) -> dict[str, Any]:
    out = {"happened_at": item.happened_at.isoformat(), "kind": item.kind}
    if item.title:
        out["title"] = item.title
    return out


def _entry_json(entry: PortableEntry) -> dict[str, Any]:
    saved = {"updated_at": entry.updated_at.isoformat()} if entry.updated_at is not None else {}  # version 10
    return {
        **saved,
        "id": entry.id,
        "kind": entry.kind,
        "title": entry.title,
        "body": entry.body,
        "happened_at": entry.happened_at.isoformat(),
        "written_at": entry.written_at.isoformat(),
        "feelings": [{"name": f.name, "intensity": f.intensity} for f in entry.feelings],
        "people": list(entry.people),
        "tags": list(entry.tags),
        "shared": entry.shared,
        "attachments": [
            {
                "filename": a.filename,
                "media_type": a.media_type,
                "data": base64.b64encode(a.data).decode("ascii"),
            }
            for a in entry.attachments
        ],
        "revisions": [_revision_json(r) for r in entry.revisions],
        "extra": dict(entry.extra),
        "fit": [
            {"about": f.about, "answer": f.answer, "answered_at": f.answered_at.isoformat()}
            for f in entry.fit
        ],
    }


def _revision_json(revision: PortableRevision) -> dict[str, Any]:
    """An earlier version (version 9): ``only_text`` always; a whole one with everything it held, ``happened_at``
    where its date was kept."""
    out: dict[str, Any] = {
        "body": revision.body,
        "written_at": revision.written_at.isoformat(),
        "only_text": revision.only_text,
    }
    if revision.only_text:
        return out
    out |= {
        "title": revision.title,
        "feelings": [{"name": f.name, "intensity": f.intensity} for f in revision.feelings],
        "people": list(revision.people),
        "tags": list(revision.tags),
        "extra": dict(revision.extra),
    }
    if revision.happened_at is not None:
        out["happened_at"] = revision.happened_at.isoformat()
    return out


# ---- Markdown export -----------------------------------------------------------------------------------


# What a Markdown export says of the files it cannot hold: at its top (when an entry has any) and at each such entry.
FILES_NOT_IN_MARKDOWN = "Pictures and recordings are not in this file, only their names: the Reverie file (JSON) export keeps them."
FILES_LABEL = "Pictures and recordings, not in this file (the Reverie file keeps them)"


def dump_markdown(journal: PortableJournal, *, zone: tzinfo | None = None) -> str:
    """A readable Markdown export: one section per entry with date, kind, feelings and body, then the course record
    the JSON carries (:func:`_record_markdown`: goals in the client's words, sessions, notes, the goodbye letter,
    the shared formulation, the safety plan, check-in answers); times in ``zone`` (the person's own; as stored,
    UTC, when not given), each with its zone named. Every piece of the person's text goes through
    :func:`markdown_text`, so any CommonMark reader shows it as written. Pictures and recordings are named
    (``harbour at night.jpg (picture, 632 bytes)``), never held: the file says so at its top and at each entry."""
    count = len(journal.entries)
    where = f" · times in {getattr(zone, 'key', None) or zone}" if zone is not None else ""
    lines = [
        "# Journal",
        "",
        f"Exported {_stamp(journal.exported_at, zone)} · {count} {'entry' if count == 1 else 'entries'}{where}",
        "",
    ]
    if any(entry.attachments for entry in journal.entries):
        lines.extend([FILES_NOT_IN_MARKDOWN, ""])
    if journal.left_out:  # the file says itself what it lacks, as the JSON's left_out does
        missing = len(journal.left_out)
        lines.append(
            f"Made without {missing} {'entry' if missing == 1 else 'entries'} that could not be opened:"
        )
        lines.append("")
        for item in journal.left_out:
            named = f" · {markdown_text(item.title, inline=True)}" if item.title else ""
            lines.append(
                f"- {_stamp(item.happened_at, zone)} · {KIND_WORDS.get(item.kind, item.kind)}{named}"
            )
        lines.append("")
    for entry in journal.entries:
        lines.extend(_entry_markdown(entry, zone))
    lines.extend(_record_markdown(journal.record, zone))
    return "\n".join(lines).rstrip("\n") + "\n"


# Markdown that stands wherever it is (CommonMark; ``~`` and ``|`` for GitHub's strikethrough and tables): each is
# written with a backslash, which every CommonMark reader shows as the character alone. ``&`` only where it starts
# an entity (``&amp;``, ``&#60;``), which a reader would show as another character.
_MD_INLINE = re.compile(r"[\\`*_\[\]<#|~]|&(?=#?[A-Za-z0-9]+;)")
# Markdown that stands at a line's start: a quote, a list item, a heading's underline, a numbered item.
_MD_LINE_MARK = re.compile(r"^[>+=-]")
_MD_NUMBERED = re.compile(r"^(\d{1,9})([.)])")


def markdown_text(text: str, *, inline: bool = False) -> str:
    """A person's words as Markdown source that every CommonMark reader shows as written: the one escaping of the
    Markdown export, for every piece of their text (titles, labels, fields, file names, text, the course record).

    Each character with a meaning in Markdown is written with a backslash (:data:`_MD_INLINE`, and at a line's
    start :data:`_MD_LINE_MARK` and a number followed by ``.`` or ``)``). Text (``inline=False``) keeps its lines:
    each line break within a paragraph is a hard break (a backslash at the line's end: a reader would join the
    lines), a paragraph's first line loses an indent that would make it code. ``inline``: one line (a title, a
    label), line breaks read as spaces, as a reader would show them."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if inline:
        return _markdown_line(" ".join(line.strip() for line in lines).strip())
    out: list[str] = []
    opening = True
    for number, line in enumerate(lines):
        words = line.rstrip()
        if not words.strip():
            out.append("")
            opening = True
            continue
        rest = words.lstrip(" \t")
        lead = words[: len(words) - len(rest)]
        if opening and ("\t" in lead or len(lead) >= 4):  # four spaces or a tab open a code block
            lead = ""
        written = lead + _markdown_line(rest)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        out.append(written + "\\" if following.strip() else written)
        opening = False
    return "\n".join(out).strip("\n")


def _markdown_line(text: str) -> str:
    escaped = _MD_INLINE.sub(lambda mark: "\\" + mark.group(0), text)
    escaped = _MD_LINE_MARK.sub(lambda mark: "\\" + mark.group(0), escaped)
    return _MD_NUMBERED.sub(lambda mark: mark.group(1) + "\\" + mark.group(2), escaped)


def _markdown_item(text: str) -> str:
    """One list item of the person's text, its further lines within the item."""
    first, *rest = markdown_text(text).split("\n")
    return "- " + first + "".join("\n" + ("  " + line if line else "") for line in rest)


def _feelings_markdown(feelings: Iterable[PortableFeeling]) -> str:
    return ", ".join(f"{markdown_text(f.name, inline=True)} ({f.intensity}/5)" for f in feelings)


def _entry_markdown(entry: PortableEntry, zone: tzinfo | None = None) -> list[str]:
    heading = f"## {_stamp(entry.happened_at, zone)} · {KIND_WORDS.get(entry.kind, entry.kind)}"
    lines = [heading + (f" · {markdown_text(entry.title, inline=True)}" if entry.title else ""), ""]
    facts = [
        ("Feelings", _feelings_markdown(entry.feelings)),
        ("People", ", ".join(markdown_text(name, inline=True) for name in entry.people)),
        ("Tags", ", ".join(markdown_text(tag, inline=True) for tag in entry.tags)),
        *(
            (field_words(key), markdown_text(entry.extra[key], inline=True))
            for key in EXTRA_KEYS
            if entry.extra.get(key)
        ),
        (
            FILES_LABEL,
            ", ".join(
                markdown_text(file_words(a.filename, a.media_type, len(a.data)), inline=True)
                for a in entry.attachments
            ),
        ),
        ("Earlier versions", _revisions_count(len(entry.revisions))),
        ("Shared with therapist", "yes" if entry.shared else ""),
        ('Your answers to "does this fit?"', _fit_words(entry.fit)),
    ]
    lines.extend(f"- **{label}:** {value}" for label, value in facts if value)
    if len(lines) > 2:
        lines.append("")
    lines.extend([markdown_text(entry.body), ""])
    lines.extend(_revisions_markdown(entry, zone))
    lines.extend(["---", ""])
    return lines


REVISION_ORDER = "oldest first"


def _revisions_count(count: int) -> str:
    """The entry's "Earlier versions" line: how many, and where they are."""
    if not count:
        return ""
    return "1, after the text" if count == 1 else f"{count}, after the text, {REVISION_ORDER}"


ONLY_TEXT_KEPT = "Only its text was kept with this version."


def _revisions_markdown(entry: PortableEntry, zone: tzinfo | None = None) -> list[str]:
    """Each earlier version of ``entry`` whole, oldest first (by when it was saved), as the JSON export carries it:
    when it was saved, then its parts under the "Earlier versions" page's plain labels (``journal.history``: never
    a key) and its text; a version of which only the text was kept says so (h156: the file only counted them)."""
    if not entry.revisions:
        return []
    total = len(entry.revisions) + 1
    count = len(entry.revisions)
    heading = "The earlier version" if count == 1 else f"Earlier versions ({count}, {REVISION_ORDER})"
    lines = [f"### {heading}", ""]
    for number, revision in enumerate(sorted(entry.revisions, key=lambda r: r.written_at), start=1):
        lines.extend([f"#### Version {number} of {total} · saved {_stamp(revision.written_at, zone)}", ""])
        if revision.only_text:
            lines.extend([ONLY_TEXT_KEPT, ""])
        else:
            words = history.parts(  # the person's words escaped (markdown_text), as the entry's are
                title=markdown_text(revision.title, inline=True),
                people=[markdown_text(name, inline=True) for name in revision.people],
                tags=[markdown_text(tag, inline=True) for tag in revision.tags],
                extra={key: markdown_text(value, inline=True) for key, value in revision.extra.items()},
                when=None if revision.happened_at is None else _stamp(revision.happened_at, zone),
            )
            words["feelings"] = _feelings_markdown(revision.feelings)
            facts = [(history.LABELS[key], value) for key, value in words.items() if key != "body" and value]
            lines.extend(f"- **{label}:** {value}" for label, value in facts)
            if facts:
                lines.append("")
        if revision.body:
            lines.extend([markdown_text(revision.body), ""])
    return lines


# The record's parts the Markdown shows (``_record_markdown``); any other is named as kept in the JSON alone.
_RECORD_PARTS = ("courses", "safety_plan", "check_ins")
_COURSE_PARTS = (
    "programme",
    "programme_name",
    "therapist",
    "time_zone",
    "started_at",
    "ended_at",
    "sessions",
    "goals",
    "measures",
    "notes",
    "letter",
    "formulation",
)
# A check-in's answer as the person chose it (care.models.safety.ANSWER_LABELS, tested equal).
CHECK_IN_WORDS = {
    "safe": "I'm safe for now",
    "need_help": "I need help now",
    "misunderstood": "You misunderstood",
}
RECORD_ONLY_IN_JSON = "The Reverie file (JSON) export keeps them."


def _record_markdown(record: Mapping[str, Any], zone: tzinfo | None = None) -> list[str]:
    """The course record of the JSON's ``record`` under plain headings: each course (its sessions, goals in the
    client's words with their ratings, questionnaire totals, notes to the client, progress notes, the goodbye
    letter, each shared version of the formulation), the safety plan and the "Are you safe?" answers. What it does
    not show (each questionnaire's answers item by item, a part this Markdown does not know) it names."""
    lines: list[str] = []
    courses = record.get("courses")
    for course in courses if isinstance(courses, list) else ():
        if isinstance(course, Mapping):
            lines.extend(_course_markdown(course, zone))
    plan = record.get("safety_plan")
    if isinstance(plan, Mapping):
        lines.extend(["## Your safety plan", ""])
        sections = plan.get("sections")
        for section in sections if isinstance(sections, list) else ():
            if not isinstance(section, Mapping):
                continue
            lines.extend([f"### {markdown_text(str(section.get('title', '')), inline=True)}", ""])
            items = section.get("items")
            lines.extend(_markdown_item(str(item)) for item in (items if isinstance(items, list) else ()))
            lines.append("")
        country = plan.get("crisis_country")
        if isinstance(country, str) and country:
            lines.extend(
                [f"Crisis lines shown first: {markdown_text(country_name(country), inline=True)}", ""]
            )
        shown = ("sections", "crisis_country")
        lines.extend(_not_shown("the safety plan's", (key for key in plan if key not in shown)))
    check_ins = record.get("check_ins")
    if isinstance(check_ins, list) and check_ins:
        lines.extend(['## Your answers to "Are you safe?"', ""])
        for check in check_ins:
            if not isinstance(check, Mapping):
                continue
            answer = CHECK_IN_WORDS.get(str(check.get("answer", "")), "not answered")
            question = markdown_text(str(check.get("question", "")), inline=True)
            lines.append(f"- {_record_stamp(check.get('asked_at'), zone)} · {question} · {answer}")
        lines.append("")
    lines.extend(_not_shown("the file's", (key for key in record if key not in _RECORD_PARTS)))
    return lines


def _course_markdown(course: Mapping[str, Any], zone: tzinfo | None) -> list[str]:
    name = markdown_text(
        str(course.get("programme_name") or code_words(course.get("programme"))), inline=True
    )
    lines = [f"## Your course of therapy: {name}", ""]
    facts = [
        ("Therapist", markdown_text(str(course.get("therapist", "")), inline=True)),
        ("Started", _record_stamp(course.get("started_at"), zone)),
        ("Ended", _record_stamp(course.get("ended_at"), zone) if course.get("ended_at") else ""),
    ]
    lines.extend([*(f"- **{label}:** {value}" for label, value in facts if value), ""])
    goals = [g for g in _listed(course, "goals") if isinstance(g, Mapping)]
    if goals:
        lines.extend(["### Goals, in your words", ""])
        for goal in goals:
            lines.extend([f"#### {markdown_text(str(goal.get('title', '')), inline=True)}", ""])
            ratings = ", ".join(
                f"{markdown_text(str(r.get('value', '')), inline=True)} on {markdown_text(str(r.get('on', '')), inline=True)}"
                for r in _listed(goal, "ratings")
                if isinstance(r, Mapping)
            )
            status = markdown_text(code_words(goal.get("status")), inline=True)
            lines.extend([f"- **Status:** {status}", *([f"- **Ratings:** {ratings}"] if ratings else []), ""])
            if goal.get("description"):
                lines.extend([markdown_text(str(goal["description"])), ""])
    sessions = [s for s in _listed(course, "sessions") if isinstance(s, Mapping)]
    if sessions:
        lines.extend(["### Sessions", ""])
        for session in sessions:
            said = [_record_stamp(session.get("start"), zone)]
            if session.get("number"):
                said.append(f"session {markdown_text(str(session['number']), inline=True)}")
            if session.get("attendance"):
                said.append(markdown_text(code_words(session["attendance"]), inline=True))
            if session.get("cancelled"):
                said.append("cancelled")
            lines.append("- " + " · ".join(said))
        lines.append("")
        for session in sessions:
            if session.get("note_to_client"):
                when = _record_stamp(session.get("start"), zone)
                lines.extend(
                    [
                        f"### Note to you, session of {when}",
                        "",
                        markdown_text(str(session["note_to_client"])),
                        "",
                    ]
                )
    measures = [m for m in _listed(course, "measures") if isinstance(m, Mapping)]
    if measures:
        lines.extend(["### Questionnaires", ""])
        for measure in measures:
            what, band = _measure_words(measure.get("questionnaire"), measure.get("band"))
            total = markdown_text(str(measure.get("total", "")), inline=True)
            lines.append(
                f"- {_record_stamp(measure.get('submitted_at'), zone)} · {what}: {total}"
                + (f" ({band})" if band else "")
            )
        lines.append("")
        if any("answers" in m for m in measures):
            lines.extend(
                [
                    f"Your answers to each question are not in this file, only the totals. {RECORD_ONLY_IN_JSON}",
                    "",
                ]
            )
    for note in (n for n in _listed(course, "notes") if isinstance(n, Mapping)):
        lines.extend(_titled(f"### Progress note, {_record_stamp(note.get('written_at'), zone)}", note))
    letter = course.get("letter")
    if isinstance(letter, Mapping):
        given = _record_stamp(letter.get("given_at"), zone)
        lines.extend(_titled(f"### Goodbye letter from your therapist, given {given}", letter))
    for version in (v for v in _listed(course, "formulation") if isinstance(v, Mapping)):
        number = markdown_text(str(version.get("version", "")), inline=True)
        lines.extend(
            [
                f"### Your formulation, version {number}, shared {_record_stamp(version.get('saved_at'), zone)}",
                "",
            ]
        )
        for part in (f for f in _listed(version, "fields") if isinstance(f, Mapping)):
            lines.extend(_titled(f"#### {markdown_text(str(part.get('label', '')), inline=True)}", part))
    lines.extend(_not_shown("the course's", (key for key in course if key not in _COURSE_PARTS)))
    return lines


def _measure_words(questionnaire: object, band: object) -> tuple[str, str]:
    """A questionnaire's short name ("PHQ-9") and its band's label ("Moderately severe"), as the scores page says
    them (``measures.questionnaires``); an unknown one in plain words (``reverie.words``), escaped."""
    try:
        known = get_questionnaire(str(questionnaire or ""))
    except InvalidInput:
        said = markdown_text(code_words(questionnaire).upper(), inline=True)
        return said, markdown_text(code_words(band), inline=True)
    labels = {b.key: b.label for b in known.bands}
    return known.short_title, markdown_text(labels.get(str(band or "")) or code_words(band), inline=True)


def _titled(heading: str, part: Mapping[str, Any]) -> list[str]:
    """A heading (already written as Markdown) and the part's ``text``, the person's or therapist's words escaped."""
    return [heading, "", markdown_text(str(part.get("text", ""))), ""]


def _listed(parent: Mapping[str, Any], key: str) -> list[Any]:
    value = parent.get(key)
    return value if isinstance(value, list) else []


def _not_shown(whose: str, keys: Iterable[object]) -> list[str]:
    """A plain sentence naming the parts of the record this Markdown does not show (empty when none)."""
    named = [markdown_text(str(key).replace("_", " "), inline=True) for key in keys]
    if not named:
        return []
    return [f"Not in this file: {whose} {', '.join(named)}. {RECORD_ONLY_IN_JSON}", ""]


def _record_stamp(value: object, zone: tzinfo | None) -> str:
    """A moment of the record (ISO text) as the entries' are written; a date alone, or text that is no moment, as
    it stands."""
    text = str(value or "")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return markdown_text(text, inline=True)
    if moment.tzinfo is None or "T" not in text:
        return markdown_text(text, inline=True)
    return _stamp(moment, zone)


_FIT_WORDS = {"fits": "fit", "does_not_fit": "doesn't fit", "not_sure": "not sure"}


def _fit_words(answers: Iterable[PortableFit]) -> str:
    """``2 fit, 1 doesn't fit``: how many of each answer, in plain words (no keys)."""
    given = [a.answer for a in answers]
    return ", ".join(f"{given.count(key)} {words}" for key, words in _FIT_WORDS.items() if key in given)


def _stamp(moment: datetime, zone: tzinfo | None = None) -> str:
    if zone is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%Y-%m-%d %H:%M ") + (moment.tzname() or moment.strftime("%z"))


# ---- Loading -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaLimits:
    """What a Day One zip may unpack to: each photo or recording (the attachment limit), all of them together, and
    its journal ``.json`` files together; ``journal`` is also the most a jrnl plain-text file may be (the journal
    cap: on the web, the API and the command line, what a plain JSON upload may be)."""

    per_file: int = MAX_ZIP_MEMBER_BYTES
    in_all: int = MAX_ZIP_BYTES
    per_entry: int = MAX_FILES_PER_ENTRY
    journal: int = MAX_ZIP_MEMBER_BYTES


def load(data: bytes, *, default_tz: tzinfo = UTC) -> PortableJournal:
    """Read a Reverie export (any version this Reverie knows), a jrnl JSON export or a Day One export.

    ``default_tz`` places jrnl's local, zone-less times. All or nothing: corrupt or unknown input raises
    ``InvalidInput`` naming the entry index and field, never quoting the text.
    """
    return load_report(data, default_tz=default_tz, strict=True).journal


@dataclass(frozen=True)
class LoadReport:
    """What could be read, and one text-free line per entry left out (``entries[3].creationDate is missing``)."""

    journal: PortableJournal
    problems: tuple[str, ...] = ()


def load_report(
    data: bytes, *, default_tz: tzinfo = UTC, strict: bool = False, media_limits: MediaLimits | None = None
) -> LoadReport:
    """Like :func:`load`, but a bad entry is left out and reported instead of refusing the file (unless strict).

    Empty entries (no words, no photo, no recording) are left out and reported in both modes: they hold nothing.
    A Day One zip's files are unpacked lazily, only those an entry names, each within ``media_limits``.
    """
    sink = _Problems(strict)
    if isinstance(data, bytes | bytearray | memoryview) and bytes(data[:4]) == b"PK\x03\x04":
        raw, media = _unzip_dayone(bytes(data), media_limits or MediaLimits())
        with media:  # the archive stays open while the entries are read: each names the files it brings
            return LoadReport(_load_dayone(_Fields(raw, "the file"), sink, media), tuple(sink.found))
    elif isinstance(data, bytes | bytearray | memoryview) and is_jrnl_text(bytes(data[:JRNL_HEAD_BYTES])):
        check_jrnl_size(len(data), (media_limits or MediaLimits()).journal)
        parsed, undated = _parse_jrnl_text(bytes(data))
        if undated:
            words = f"{undated}, before the first entry with a date read as jrnl's, have no such date"
            if strict:
                raise InvalidInput(f"Cannot import: {words}.")
            sink.note(f"{words}: left out.")
        document = _Fields(parsed, "the file")
        return LoadReport(_load_jrnl(document, default_tz, sink, JRNL_TEXT_SCHEMA), tuple(sink.found))
    else:
        raw = _parse_json(data)
    document = _Fields(raw, "the file")
    if "schema" in document.data:
        journal = _load_reverie(document, sink)
    elif "metadata" in document.data and "entries" in document.data:
        journal = _load_dayone(document, sink, _ZipMedia(None, {}, MediaLimits()))
    elif "entries" in document.data and "tags" in document.data:
        journal = _load_jrnl(document, default_tz, sink)
    else:
        raise InvalidInput("Cannot import: this is not a Reverie, jrnl or Day One export.")
    return LoadReport(journal, tuple(sink.found))


class _Problems:
    """Collects entries left out; in strict mode the first problem refuses the whole file."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.found: list[str] = []

    def entries(
        self, items: list[_Fields], make: Callable[[_Fields], PortableEntry | None]
    ) -> list[PortableEntry]:
        out: list[PortableEntry] = []
        for item in items:
            try:
                entry = self._guarded(item, make)
            except _TooMuchMedia:
                raise  # the whole file is refused: what an import may hold in all is not one entry's fault
            except InvalidInput as error:
                if self.strict:
                    raise
                self.found.append(f"{error.message.removeprefix('Cannot import: ').rstrip('.')}: left out.")
                continue
            if entry is not None:
                out.append(entry)
        return out

    @staticmethod
    def _guarded(item: _Fields, make: Callable[[_Fields], _T]) -> _T:
        """One entry (or part) read whole, or ``InvalidInput`` naming the field it was reading: any odd value (a
        NaN or 1e400 temperature, a date past year 9999 in its zone, one a later reader trips on) stops this entry
        alone, never the import; the value is never quoted (r53)."""
        item.trail[0] = item.where
        try:
            return make(item)
        except UNREADABLE:
            raise InvalidInput(f"Cannot import: {item.trail[0]} could not be read.") from None

    def note(self, line: str) -> None:
        self.found.append(line)

    def each(self, items: list[_Fields], make: Callable[[_Fields], _T]) -> list[_T]:
        """Part of an entry or record (a "does this fit?" answer, a check-in): a bad one alone is left out."""
        out: list[_T] = []
        for item in items:
            try:
                out.append(self._guarded(item, make))
            except InvalidInput as error:
                if self.strict:
                    raise
                self.note(f"{error.message.removeprefix('Cannot import: ').rstrip('.')}: left out.")
        return out


class _ZipMedia:
    """A Day One zip's ``photos/`` and ``audios/``, read one file at a time when an entry names it (never all up
    front): a file whose stated size is over the per-file limit is refused unread, each read stops one byte past
    the limit (a zip's stated sizes can lie), and the bytes read for the whole file are capped (r18)."""

    def __init__(
        self, archive: zipfile.ZipFile | None, infos: dict[str, zipfile.ZipInfo], limits: MediaLimits
    ) -> None:
        self.archive, self.infos, self.limits, self.read_so_far = archive, infos, limits, 0

    def __enter__(self) -> _ZipMedia:
        return self

    def __exit__(self, *_: object) -> None:
        if self.archive is not None:
            self.archive.close()

    def read(self, name: str, where: str) -> bytes | None:
        """The file's bytes; ``None`` when the zip has no such file (a bare JSON export carries none)."""
        info = self.infos.get(name)
        if info is None or self.archive is None:
            return None
        limit = self.limits.per_file
        if info.file_size > limit:  # refused before a byte is unpacked
            raise InvalidInput(
                f"Cannot import: {where} is {size_words(info.file_size)}; the limit is {size_words(limit)}."
            )
        if self.read_so_far + info.file_size > self.limits.in_all:
            raise _TooMuchMedia(self.limits.in_all)
        data = _read_member(self.archive, info, limit)  # never more than limit and one chunk unpacked
        self.read_so_far += len(data)
        if self.read_so_far > self.limits.in_all:
            raise _TooMuchMedia(self.limits.in_all)
        return data


class _TooMuchMedia(InvalidInput):
    """The zip's files together unpack to more than an import may hold: the whole file is refused, never in part."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"Cannot import: the photos and recordings in this zip come to more than {size_words(limit)} in all."
            " Export fewer entries at a time from Day One (a date range, or one journal) and import each zip."
        )  # no word of the command line: a clinic's client cannot run it against the clinic's database


def size_words(size: int) -> str:
    """A size as a person reads it ("10 MB", "149 KB"; 1 MB = 1,048,576 bytes): every import's refusals."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


def _unzip_dayone(data: bytes, limits: MediaLimits) -> tuple[object, _ZipMedia]:
    """Day One's zip: every top-level ``*.json`` journal merged, and ``photos/`` and ``audios/`` by file name (read
    later, lazily: see :class:`_ZipMedia`)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InvalidInput(
            "Cannot import: the zip file is damaged (unpack it and try its .json file)."
        ) from None
    try:
        infos = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
        if len(infos) > MAX_ZIP_MEMBERS or sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
            raise InvalidInput(
                f"Cannot import: the zip holds more than {MAX_ZIP_MEMBERS:,} files or unpacks to more than"
                f" {size_words(MAX_ZIP_BYTES)}. Export fewer entries at a time from Day One (a date range, or one"
                " journal) and import each zip."
            )
        journals = [i for i in infos if i.filename.lower().endswith(".json") and "/" not in i.filename]
        if not journals:
            raise InvalidInput(
                "Cannot import: this zip holds no Day One journal (a .json file at its top level). "
                "Export from Day One with File → Export → JSON, and import the zip as it is."
            )
        entries: list[object] = []
        metadata: object = {"version": "1.0"}
        left = limits.journal  # the journal .json files together: never more unpacked than this (r53)
        for info in sorted(journals, key=lambda i: i.filename):
            if info.file_size > left:  # refused unread
                raise _JournalTooLarge(limits.journal)
            raw = _read_member(archive, info, left, too_large=_JournalTooLarge(limits.journal))
            left -= len(raw)
            document = _parse_json(raw)
            del raw
            if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
                raise InvalidInput("Cannot import: a .json file in the zip is not a Day One journal.")
            metadata = document.get("metadata", metadata)
            entries.extend(document["entries"])
        media = {
            i.filename.lower(): i
            for i in infos
            if i.filename.lower().startswith(("photos/", "audios/")) and i.filename.count("/") == 1
        }
    except BaseException:
        archive.close()
        raise
    return {"metadata": metadata, "entries": entries}, _ZipMedia(archive, media, limits)


class _JournalTooLarge(InvalidInput):
    """The zip's journal ``.json`` files unpack to more than an import may read (r53: a 119 KB zip held 274 MB)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"Cannot import: the journal in this zip unpacks to more than {size_words(limit)}, the most an import"
            " here reads. Export fewer entries at a time from Day One (a date range, or one journal) and import"
            " each zip."
        )


_READ_CHUNK = 1024 * 1024


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, *, too_large: InvalidInput | None = None
) -> bytes:
    """The member's bytes, read in a stream: refused unread when its stated size is over ``limit``, and refused as
    soon as more than ``limit`` bytes come out (stated sizes can lie; at most ``limit`` plus one chunk are ever
    held). ``too_large``: the refusal to raise (by default, "a file in the zip is too large")."""
    refusal = too_large or InvalidInput("Cannot import: a file in the zip is too large.")
    if info.file_size > limit:
        raise refusal
    out = io.BytesIO()
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_READ_CHUNK):
                if out.tell() + len(chunk) > limit:  # its stated size lied
                    raise refusal
                out.write(chunk)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        raise InvalidInput("Cannot import: a file in the zip is damaged or encrypted.") from None
    return out.getvalue()


# Reverie's Markdown export offered back to an import (review r135 fault 6): said plainly, not as broken JSON
MARKDOWN_NOT_IMPORTED = "This is the reading copy (Markdown). To bring entries back, choose the Reverie file (.json) from the same export."


def looks_like_markdown_export(text: str) -> bool:
    """Whether ``text`` begins as Reverie's Markdown export does (its first line a Markdown heading, ``# Journal``)."""
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    return first.startswith("# ")


def _parse_json(data: bytes) -> object:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InvalidInput("Cannot import: expected the file's bytes.")
    try:
        text = decoded(bytes(data))
    except UnicodeDecodeError as error:
        raise InvalidInput(f"Cannot import: the file is not valid UTF-8 (at byte {error.start}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if looks_like_markdown_export(text):
            raise InvalidInput(MARKDOWN_NOT_IMPORTED) from None
        raise InvalidInput(
            f"Cannot import: the file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise InvalidInput("Cannot import: the file is nested too deeply to be a journal export.") from None
    except ValueError:  # a number of more than 4,300 digits (Python's integer string limit), nothing else
        raise InvalidInput(
            "Cannot import: the file is not valid JSON (it holds a number too long to read)."
        ) from None


def _load_reverie(document: _Fields, sink: _Problems) -> PortableJournal:
    name, slash, number = document.text("schema").partition("/")
    if name != "reverie.export" or not slash:
        raise InvalidInput(NOT_A_REVERIE_SCHEMA)
    version = version_number(number, message=NOT_A_REVERIE_SCHEMA)
    if version > SCHEMA_VERSION:
        raise InvalidInput(
            f"Cannot import: export version {version} is newer than this Reverie (it reads up to "
            f"{SCHEMA_VERSION}); upgrade Reverie."
        )
    if version < 1:
        raise InvalidInput(f"Cannot import: export version {version} does not exist.")
    document.reject_unknown(
        (
            "schema",
            "exported_at",
            "entries",
            "record",
            *(("left_out",) if version >= 5 else ()),
            *(("time_zone",) if version >= 10 else ()),
        )
        if version >= 2
        else ("schema", "exported_at", "entries")
    )
    entries = sink.entries(
        document.objects("entries", required=True), lambda item: _reverie_entry(item, version, sink)
    )
    record = dict(document.nested("record").data) if version >= 2 and "record" in document.data else {}
    if version >= 3 and "check_ins" in record:
        record["check_ins"] = _check_ins(document.nested("record"), sink, version)
    left_out = tuple(sink.each(document.objects("left_out"), _left_out)) if version >= 5 else ()
    journal = _journal(SCHEMA, document.moment("exported_at"), _unique(entries, sink))
    zone = document.text("time_zone", default="") if version >= 10 else ""
    try:
        return PortableJournal(
            journal.schema,
            journal.exported_at,
            journal.entries,
            record=record,
            left_out=left_out,
            time_zone=zone,
        )
    except InvalidInput as error:  # the time zone, too long to be one
        raise InvalidInput(f"Cannot import: {error.message}") from None


def _left_out(item: _Fields) -> PortableLeftOut:
    item.reject_unknown(("happened_at", "kind", "title"))
    return item.build(
        PortableLeftOut,
        happened_at=item.moment("happened_at"),
        kind=item.text("kind"),
        title=item.text("title", default=""),
    )


_ENTRY_FIELDS = tuple(item.name for item in fields(PortableEntry) if item.name != "file_index")
_ENTRY_FIELDS_BEFORE_10 = tuple(name for name in _ENTRY_FIELDS if name != "updated_at")
_ENTRY_FIELDS_BEFORE_3 = tuple(name for name in _ENTRY_FIELDS_BEFORE_10 if name != "fit")


def _reverie_entry(item: _Fields, version: int, sink: _Problems) -> PortableEntry:
    item.reject_unknown(
        _ENTRY_FIELDS
        if version >= 10
        else _ENTRY_FIELDS_BEFORE_10
        if version >= 3
        else _ENTRY_FIELDS_BEFORE_3
    )
    fits = sink.each(item.objects("fit"), _fit) if version >= 3 else ()
    return item.build(
        PortableEntry,
        id=item.text("id"),
        kind=item.text("kind"),
        title=item.text("title", default=""),
        body=item.text("body"),
        happened_at=item.moment("happened_at"),
        written_at=item.moment("written_at"),
        feelings=tuple(_feeling(f) for f in item.objects("feelings")),
        people=item.texts("people"),
        tags=item.texts("tags"),
        shared=item.boolean("shared", default=False),
        attachments=tuple(_attachment(a) for a in item.objects("attachments")),
        revisions=tuple(_revision(r, version) for r in item.objects("revisions")),
        extra=item.text_map("extra"),
        fit=tuple(fits),
        updated_at=item.moment("updated_at") if version >= 10 and "updated_at" in item.data else None,
        file_index=item.index,
    )


def _fit(item: _Fields) -> PortableFit:
    item.reject_unknown(("about", "answer", "answered_at"))
    return item.build(
        PortableFit,
        about=item.text("about"),
        answer=item.text("answer"),
        answered_at=item.moment("answered_at"),
        file_index=item.index,
    )


def _check_ins(record: _Fields, sink: _Problems, version: int) -> list[Any]:
    """The record's check-ins, each checked (``asked_at``, and ``answered_at`` and ``answer`` once answered; from
    version 5 the ``question`` asked)."""

    def check(item: _Fields) -> Any:
        item.reject_unknown(("asked_at", "answered_at", "answer", *(("question",) if version >= 5 else ())))
        item.moment("asked_at")
        if "question" in item.data:
            item.build(_check_short, label="question", value=item.text("question"))
        if "answered_at" in item.data:
            item.moment("answered_at")
        if "answer" in item.data and item.text("answer") not in CHECK_IN_ANSWERS:
            raise item.fail("answer", f"is not one of: {', '.join(CHECK_IN_ANSWERS)}")
        return item.data

    return sink.each(record.objects("check_ins"), check)


def _feeling(item: _Fields) -> PortableFeeling:
    item.reject_unknown(("name", "intensity"))
    return item.build(PortableFeeling, name=item.text("name"), intensity=item.integer("intensity"))


def _attachment(item: _Fields) -> PortableAttachment:
    item.reject_unknown(("filename", "media_type", "data"))
    return item.build(
        PortableAttachment,
        filename=item.text("filename"),
        media_type=item.text("media_type"),
        data=item.base64("data"),
    )


_REVISION_FIELDS = tuple(item.name for item in fields(PortableRevision))


def _revision(item: _Fields, version: int) -> PortableRevision:
    """An earlier version: before version 9 its text and date alone (``only_text``); from 9 the whole version,
    ``only_text`` required (true: its text alone, as then)."""
    if version < 9:
        item.reject_unknown(("body", "written_at"))
        return item.build(PortableRevision, body=item.text("body"), written_at=item.moment("written_at"))
    item.reject_unknown(_REVISION_FIELDS)
    if "only_text" not in item.data:
        raise item.fail("only_text", "is missing")
    return item.build(
        PortableRevision,
        body=item.text("body"),
        written_at=item.moment("written_at"),
        only_text=item.boolean("only_text", default=True),
        title=item.text("title", default=""),
        feelings=tuple(_feeling(f) for f in item.objects("feelings")),
        people=item.texts("people"),
        tags=item.texts("tags"),
        extra=item.text_map("extra"),
        happened_at=item.moment("happened_at") if "happened_at" in item.data else None,
    )


# ---- jrnl and Day One ----------------------------------------------------------------------------------


def _load_jrnl(
    document: _Fields, default_tz: tzinfo, sink: _Problems, schema: str = JRNL_SCHEMA
) -> PortableJournal:
    ids = _UniqueIds()

    def make(item: _Fields) -> PortableEntry | None:
        moment = item.local_moment("date", "time", default_tz)
        title, body = item.text("title", default=""), item.text("body", default="")
        tags = _clean_tags(item.texts("tags"), starred=item.boolean("starred", default=False))
        # to the minute, as jrnl's JSON export has it: the same entry from its text file gets the same id
        minute = moment.replace(second=0).isoformat()
        fallback = hashlib.sha256(f"{minute}\n{title}\n{body}".encode()).hexdigest()[:16]
        uuid = item.text("uuid", default="")
        if not body.strip():
            # jrnl's usual one-liner is all title: those words are the entry.
            title, body = "", title
        if not body.strip():
            sink.note(f"{item.where} is empty: left out.")
            return None
        return item.build(
            PortableEntry,
            id=ids.claim(f"jrnl-{uuid}" if uuid else f"jrnl-{fallback}"),
            kind=_kind_from_tags(tags),
            title=title,
            body=body,
            happened_at=moment,
            written_at=moment,
            tags=tags,
            file_index=item.index,
        )

    entries = sink.entries(document.objects("entries", required=True), make)
    return _journal(schema, None, tuple(entries))


# jrnl's own journal file: ``[2026-03-10 12:30:00 AM] Title line`` then the body, entries apart by a blank line.
_JRNL_TEXT_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*\[\d{4}-\d{2}-\d{2}(?:[ T]\d|\])")
# jrnl writes ``] `` after the date; an editor that strips trailing spaces leaves ``]`` alone on a title-less line
_JRNL_DATE_BLOB = re.compile(r"(?:^|\n)\[([^\]\n]{1,40})\](?: |(?=\n|$))")
# jrnl's default (``%F %r``), its 24-hour and ISO forms, and a date alone (``timeformat`` is the person's to set)
_JRNL_TIME_FORMATS = (
    "%Y-%m-%d %I:%M:%S %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
)
_JRNL_TAG = re.compile(r"(?<!\S)([#@][-+*#/\w]+)")
_JRNL_SENTENCE_END = re.compile(r"[.!?\u2026][\'\u2019\"\u201d]?[\])]*\s+|[\uff01\uff0e\uff1f\uff61\u3002]")


# How far into a file a jrnl date line is looked for (:func:`is_jrnl_text`): words a person put before their first
# entry (a heading, a note to themselves) are reported and left out, the entries after them read (r59).
JRNL_HEAD_BYTES = 8192
JRNL_HEAD_LINES = 50
_JRNL_DATE_LINE = re.compile(rb"\s*\[\d{4}-\d{2}-\d{2}(?:[ T]\d|\])")
# JSON's start: ``{`` then a key or ``}``, ``[`` then a value or ``]`` (a jrnl date line is not one: ``[2026-03``)
_JSON_START = re.compile(rb'(?:\xef\xbb\xbf)?\s*(?:\{\s*["}]|\[\s*(?:[\]\[{"\d-]|true|false|null))')
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def is_jrnl_text(head: bytes) -> bool:
    """Whether a file whose first bytes are ``head`` is jrnl's plain-text journal: it starts with a jrnl date line
    (``[YYYY-MM-DD``), or, unless it starts as JSON does (JSON keeps priority), one of its first
    :data:`JRNL_HEAD_LINES` lines within its first :data:`JRNL_HEAD_BYTES` bytes is one."""
    head = head[:JRNL_HEAD_BYTES]
    if _JRNL_TEXT_START.match(head) is not None:
        return True
    if _JSON_START.match(head) is not None:
        return False
    lines = _LINE_BREAK.split(head, maxsplit=JRNL_HEAD_LINES)[:JRNL_HEAD_LINES]
    return any(_JRNL_DATE_LINE.match(line) is not None for line in lines)


class JrnlTooLarge(InvalidInput):
    """A jrnl plain-text file over the journal cap (``MediaLimits.journal``): refused whole, before it is read (a
    file of unknown size, a pipe, once what was read passes the cap: ``whole`` false, its size is "more than")."""

    def __init__(self, size: int, limit: int, whole: bool = True) -> None:
        said = size_words(size) if whole else f"more than {size_words(limit)}"
        super().__init__(
            f"Cannot import: this jrnl journal is {said}; the most an import here reads is"
            f" {size_words(limit)}. Split it into smaller files, a year or so each (with jrnl: `jrnl -from"
            " 2020-01-01 -to 2020-12-31 --format txt > 2020.txt`), and import each one; nothing is imported twice."
        )


def check_jrnl_size(size: int, limit: int, *, whole: bool = True) -> None:
    """Refuse a jrnl plain-text file of ``size`` bytes over the journal cap ``limit`` (:class:`JrnlTooLarge`);
    ``whole`` false: ``size`` is what was read so far of a file of unknown size (a pipe)."""
    if size > limit:
        raise JrnlTooLarge(size, limit, whole)


def _parse_jrnl_text(data: bytes) -> tuple[dict[str, object], str]:
    """jrnl's plain-text journal as the document its ``--export json`` writes (jrnl 4's rules: a new entry at each
    ``[date] `` that reads as a date in jrnl's default, 24-hour, ISO or date-only time format; the title is the
    first line, or the first sentence of a one-line entry; a title ending in ``*`` is starred; tags are words after
    ``@`` or ``#``), and which lines before the first entry hold words (``"lines 1 to 3"``; ``""`` when none):
    jrnl drops them without a word, Reverie says so. Line endings ``\\n``, ``\\r\\n`` and ``\\r`` read alike."""
    try:
        text = one_line_ending(decoded(data))
    except UnicodeDecodeError as error:
        raise InvalidInput(f"Cannot import: the file is not valid UTF-8 (at byte {error.start}).") from None
    starts: list[tuple[int, int, datetime]] = []
    for match in _JRNL_DATE_BLOB.finditer(text):
        moment = _jrnl_moment(match.group(1))
        if moment is not None:
            starts.append((match.start(), match.end(), moment))
    entries: list[dict[str, object]] = []
    for index, (_, end, moment) in enumerate(starts):
        raw = text[end : starts[index + 1][0] if index + 1 < len(starts) else len(text)]
        lines = raw.split("\n")
        starred = bool(lines) and lines[0].strip().endswith("*")
        if starred:
            raw = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
        title, body = _jrnl_split_title(raw)
        entries.append(
            {
                "title": title,
                "body": body,
                "date": moment.strftime("%Y-%m-%d"),
                "time": moment.strftime("%H:%M:%S" if moment.second else "%H:%M"),
                "tags": sorted({tag.lower() for tag in _JRNL_TAG.findall(raw)}),
                "starred": starred,
            }
        )
    if not entries:
        raise InvalidInput("Cannot import: no jrnl entry was found (each starts with [YYYY-MM-DD time]).")
    before = text[: starts[0][0]]
    undated = ""
    if before.strip():
        last = before.rstrip().count("\n") + 1
        undated = "line 1" if last == 1 else f"lines 1 to {last}"
    return {"tags": {}, "entries": entries}, undated


def _jrnl_moment(blob: str) -> datetime | None:
    for layout in _JRNL_TIME_FORMATS:
        try:
            return datetime.strptime(blob.strip(), layout)
        except ValueError:
            continue
    return None


def _jrnl_split_title(text: str) -> tuple[str, str]:
    newline = text.lstrip().find("\n")
    if newline >= 0:
        stripped = text.lstrip()
        return stripped[:newline].strip(), stripped[newline + 1 :].strip()
    sentence = _JRNL_SENTENCE_END.search(text)
    if sentence is None:
        return text.strip(), ""
    return text[: sentence.end()].strip(), text[sentence.end() :].strip()


def _load_dayone(document: _Fields, sink: _Problems, media: _ZipMedia) -> PortableJournal:
    major, dot, minor = document.nested("metadata").text("version", default="1.0").partition(".")
    if version_number(major, message=DAYONE_UNSUPPORTED) != 1:
        raise InvalidInput(DAYONE_UNSUPPORTED)
    if dot:
        version_number(minor, message=DAYONE_UNSUPPORTED)
    ids = _UniqueIds()

    def make(item: _Fields) -> PortableEntry | None:
        zone = item.text("timeZone", default="")
        moment = _in_zone(item.moment("creationDate"), zone)
        tags = _clean_tags(item.texts("tags"), starred=item.boolean("starred", default=False))
        title, body = _dayone_title(_dayone_text(item.text("text", default="")))
        photos = _dayone_media(item, "photos", "type", media)
        audios = _dayone_media(item, "audios", "format", media)
        kind = _kind_from_tags(tags)
        attachments: tuple[PortableAttachment, ...] = ()
        if photos:  # an entry with pictures is a picture entry; its tags still say "dream" if it was one
            kind, attachments = "art", photos
            if audios:
                sink.note(f"{item.where}: its recordings were left out (an entry keeps pictures or sound).")
        elif audios:
            kind, attachments = "music", audios
        if not body.strip() and not title and not attachments:
            sink.note(f"{item.where} is empty: left out.")
            return None
        extra = {
            key: value
            for key, value in (
                ("place", _dayone_place(item)),
                ("weather", _dayone_weather(item)),
                ("time_zone", zone if moment.tzinfo is not UTC or zone == "UTC" else ""),
            )
            if value
        }
        return item.build(
            PortableEntry,
            id=ids.claim(f"dayone-{item.text('uuid')}"),
            kind=kind,
            title=title,
            body=body,
            happened_at=moment,
            written_at=moment,
            tags=tags,
            attachments=attachments,
            extra=extra,
            file_index=item.index,
        )

    entries = sink.entries(document.objects("entries", required=True), make)
    return _journal(DAYONE_SCHEMA, None, tuple(entries))


_MOMENT_IMAGE = re.compile(r"!\[[^\]\n]*\]\(dayone-moment:[^)\s]*\)")
_MOMENT_LINK = re.compile(r"\[([^\]\n]*)\]\(dayone-moment:[^)\s]*\)")
_MOMENT_BARE = re.compile(r"dayone-moment:/*[A-Za-z0-9/_-]*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_MEDIA_TYPES = {
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "heic": "image/heic",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "mp3": "audio/mpeg",
    "wav": "audio/wav",
    "ogg": "audio/ogg",
}


def _dayone_text(text: str) -> str:
    """Day One's Markdown as a person reads it: photo placeholders gone, backslash escapes undone."""
    text = _MOMENT_IMAGE.sub("", text)
    text = _MOMENT_LINK.sub(r"\1", text)
    text = _MOMENT_BARE.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _dayone_title(text: str) -> tuple[str, str]:
    """Day One shows the first line as the title when it is a heading (``# Title``)."""
    first, _, rest = text.partition("\n")
    if first.startswith("#"):
        title = first.lstrip("#").strip()
        if 0 < len(title) <= 200:
            return title, rest.strip()
    return "", text


def _dayone_media(item: _Fields, key: str, type_key: str, media: _ZipMedia) -> tuple[PortableAttachment, ...]:
    out = []
    things = item.objects(key)
    if len(things) > media.limits.per_entry:
        raise InvalidInput(
            f"Cannot import: {item.where} has {len(things)} {key}; at most {media.limits.per_entry} are imported"
            " with one entry."
        )
    for index, thing in enumerate(things):
        md5 = thing.text("md5", default="").lower()
        ext = thing.text(type_key, default="").lower().lstrip(".")
        data = media.read(f"{key}/{md5}.{ext}", f"{item.where}.{key}[{index}]") if md5 else None
        if data is None:
            continue  # a bare JSON export carries no files
        media_type = _MEDIA_TYPES.get(ext, "application/octet-stream")
        out.append(PortableAttachment(f"{key[:-1]}-{index + 1}.{ext or 'bin'}", media_type, data))
    return tuple(out)


def _dayone_place(item: _Fields) -> str:
    if not isinstance(item.data.get("location"), dict):
        return ""
    where = item.nested("location")
    parts = [
        where.text(name, default="").strip()
        for name in ("placeName", "localityName", "administrativeArea", "country")
    ]
    return ", ".join(dict.fromkeys(p for p in parts if p))[:MAX_SHORT_CHARS]


def _dayone_weather(item: _Fields) -> str:
    if not isinstance(item.data.get("weather"), dict):
        return ""
    weather = item.nested("weather")
    words = weather.text("conditionsDescription", default="").strip()
    celsius = weather.number("temperatureCelsius")
    if (
        celsius is not None
    ):  # NaN or 1e400 (infinity) raise in round(): the entry's guard reports and leaves it out
        words = f"{words}, {round(celsius)} °C" if words else f"{round(celsius)} °C"
    return words[:MAX_SHORT_CHARS]


def _unique(entries: list[PortableEntry], sink: _Problems) -> tuple[PortableEntry, ...]:
    """In a lenient load, an entry repeating an earlier id is left out (strict loads refuse the file)."""
    if sink.strict:
        return tuple(entries)
    seen: set[str] = set()
    out = []
    for index, entry in enumerate(entries):
        if entry.id in seen:
            sink.note(f"{file_place(entry, index)} repeats an earlier id: left out.")
            continue
        seen.add(entry.id)
        out.append(entry)
    return tuple(out)


def _clean_tags(raw: Iterable[str], *, starred: bool) -> tuple[str, ...]:
    cleaned = [tag.lstrip("@#").strip() for tag in raw]
    if starred:
        cleaned.append("starred")
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


def _kind_from_tags(tags: Iterable[str]) -> str:
    folded = {tag.casefold() for tag in tags}
    if folded & _DREAM_TAGS:
        return "dream"
    return "daydream" if folded & _DAYDREAM_TAGS else "reflection"


def _in_zone(moment: datetime, zone_name: str) -> datetime:
    if not zone_name:
        return moment
    try:
        return moment.astimezone(ZoneInfo(zone_name))
    except (KeyError, ValueError, OSError):
        return moment


def _journal(
    schema: str, exported_at: datetime | None, entries: tuple[PortableEntry, ...]
) -> PortableJournal:
    if exported_at is None:
        exported_at = max((entry.written_at for entry in entries), default=_EPOCH)
    try:
        return PortableJournal(schema=schema, exported_at=exported_at, entries=entries)
    except InvalidInput as error:
        raise InvalidInput(f"Cannot import: {error.message}") from None


class _UniqueIds:
    """Entry ids for formats that may lack them: a repeated id gets a numbered suffix."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, number = wanted, 1
        while candidate in self._seen:
            number += 1
            candidate = f"{wanted}-{number}"
        self._seen.add(candidate)
        return candidate


# ---- Field reading with precise, text-free errors -------------------------------------------------------


class _Fields:
    """A JSON object read field by field; every problem names its path (``entries[2].body``)."""

    def __init__(
        self, value: object, where: str, trail: list[str] | None = None, index: int | None = None
    ) -> None:
        if not isinstance(value, dict):
            raise InvalidInput(f"Cannot import: {where} is not a JSON object.")
        self.data: dict[str, Any] = value
        self.where = where
        self.index = index  # its place in the list it was read from (``objects``), None for any other object
        # the path of the field read last, shared by the whole document: what an entry's guard names when a value
        # turns out unreadable after it was read (``_Problems._guarded``)
        self.trail = trail if trail is not None else [where]

    def fail(self, name: str, problem: str) -> InvalidInput:
        return InvalidInput(f"Cannot import: {self._path(name)} {problem}.")

    def _path(self, name: str) -> str:
        return name if self.where == "the file" else f"{self.where}.{name}"

    def _get(self, name: str, default: object) -> object:
        self.trail[0] = self._path(name)
        if name in self.data and self.data[name] is not None:
            return self.data[name]
        if default is _REQUIRED:
            raise self.fail(name, "is missing")
        return default

    def text(self, name: str, default: str | None = None) -> str:
        return self._checked_text(name, self._get(name, _REQUIRED if default is None else default))

    def texts(self, name: str) -> tuple[str, ...]:
        values = self._get(name, [])
        if not isinstance(values, list):
            raise self.fail(name, "is not a list")
        return tuple(self._checked_text(f"{name}[{index}]", value) for index, value in enumerate(values))

    def _checked_text(self, name: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.fail(name, "is not text")
        if not value.isascii() and not_utf8(value):
            raise self.fail(name, "is not valid Unicode (an unpaired surrogate)")
        return value

    def text_map(self, name: str) -> dict[str, str]:
        holder = _Fields(self._get(name, {}), self._path(name), self.trail)
        return {key: holder.text(key) for key in holder.data}

    def boolean(self, name: str, *, default: bool) -> bool:
        value = self._get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, "is not true or false")
        return value

    def integer(self, name: str) -> int:
        value = self._get(name, _REQUIRED)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, "is not a whole number")
        return value

    def number(self, name: str) -> int | float | None:
        """A number, or ``None`` when absent or not a number (an optional detail: ignored rather than refused)."""
        value = self._get(name, None)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return value

    def moment(self, name: str) -> datetime:
        raw = self.text(name)
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise self.fail(name, "is not an ISO-8601 date-time") from None
        if value.tzinfo is None or value.utcoffset() is None:
            raise self.fail(name, "has no time zone (expected e.g. 2024-05-01T08:30:00+02:00)")
        return value

    def local_moment(self, date_name: str, time_name: str, zone: tzinfo) -> datetime:
        day, clock = self.text(date_name), self.text(time_name, default="00:00")
        layout = "%Y-%m-%d %H:%M:%S" if clock.count(":") == 2 else "%Y-%m-%d %H:%M"
        try:
            return datetime.strptime(f"{day} {clock}", layout).replace(tzinfo=zone)
        except ValueError:
            raise self.fail(f"{date_name}/{time_name}", "is not a YYYY-MM-DD date and HH:MM time") from None

    def base64(self, name: str) -> bytes:
        raw = self.text(name)
        try:
            return base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise self.fail(name, "is not valid base64") from None

    def nested(self, name: str) -> _Fields:
        return _Fields(self._get(name, _REQUIRED), self._path(name), self.trail)

    def objects(self, name: str, *, required: bool = False) -> list[_Fields]:
        values = self._get(name, _REQUIRED if required else [])
        if not isinstance(values, list):
            raise self.fail(name, "is not a list")
        return [
            _Fields(value, f"{self._path(name)}[{index}]", self.trail, index)
            for index, value in enumerate(values)
        ]

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        unknown = sorted(set(self.data) - set(allowed))
        if unknown:
            names = ", ".join(
                name if _FIELD_NAME.fullmatch(name) else "(unusual name)" for name in unknown[:5]
            )
            raise InvalidInput(f"Cannot import: {self.where} has unknown fields: {names}.")

    def build(self, factory: Callable[..., _T], **values: object) -> _T:
        try:
            return factory(**values)
        except InvalidInput as error:
            raise InvalidInput(f"Cannot import: {self.where}: {error.message}") from None


_REQUIRED: object = object()


# ---- Invariants shared by the dataclasses --------------------------------------------------------------


def _check_short(
    label: str, value: object, *, limit: int = MAX_SHORT_CHARS, allow_empty: bool = False
) -> None:
    if not isinstance(value, str):
        raise InvalidInput(f"{label} must be text.")
    if not value and not allow_empty:
        raise InvalidInput(f"{label} must not be empty.")
    if len(value) > limit:
        raise InvalidInput(f"{label} has {len(value):,} characters; the limit is {limit:,}.")


def _check_body(label: str, value: object) -> None:
    if not isinstance(value, str):
        raise InvalidInput(f"{label} must be text.")
    if len(value) > MAX_BODY_CHARS:
        raise InvalidInput(f"{label} has {len(value):,} characters; the limit is {MAX_BODY_CHARS:,}.")


def _check_aware(label: str, value: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidInput(f"{label} must be a date-time with a time zone.")


def _check_extra(extra: Mapping[str, object]) -> None:
    if not isinstance(extra, dict):
        raise InvalidInput("extra must be a mapping.")
    for key, value in extra.items():
        if key not in EXTRA_KEYS:
            raise InvalidInput(f"extra may hold only: {', '.join(EXTRA_KEYS)}.")
        _check_body(f"extra.{key}", value)
