"""What an import may store: the file read leniently (a bad entry is reported and left out) or all or nothing,
jrnl's local times placed in the person's own zone, attachments sniffed before anything is written."""

from __future__ import annotations

from dataclasses import replace

from reverie.clinic.models import User
from reverie.clinic.services.journal import EntryDraft, has_content, validate
from reverie.clinic.services.local_time import check_year, zone_of
from reverie.clinic.services.media import check_attachment
from reverie.errors import InvalidInput
from reverie.journal.interchange import (
    JRNL_HEAD_BYTES,
    UNREADABLE,
    MediaLimits,
    PortableEntry,
    PortableFeeling,
    PortableJournal,
    PortableRevision,
    check_jrnl_size,
    file_place,
    is_jrnl_text,
    load_report,
    size_words,
)

# A Day One zip's photos and recordings together may unpack to this many times the attachment limit: as much as the
# largest import body the API reads (``uploads.READ_AT_MOST``), whatever the zip's compression ratio (r18). This
# guards the web server's memory (one person's import beside everyone's pages).
MEDIA_IN_ALL_TIMES = 10
# What ``reverie journal import`` lets them unpack to, on the person's own machine (h10): 1 GB. An import holds the
# file and the files it unpacks in memory until it is stored (about both together, measured with tracemalloc), so
# this is still a bound; the zip itself is bounded by ``interchange.MAX_ZIP_BYTES`` and ``MAX_ZIP_MEMBERS``.
LOCAL_MEDIA_IN_ALL = 2**30
# The journal cap, one for the web, the API and ``reverie journal import`` (h64): a jrnl plain-text file, and a Day
# One zip's journal ``.json`` files together, may be as much as a plain JSON file the web or the API reads
# (``uploads.READ_AT_MOST`` times the attachment limit; tested equal), 100 MB with the shipped 10 MB. A small zip of
# a huge journal is read no further than that file would be (r53: a 119 KB zip held 274 MB); the command line
# refuses a jrnl file over it before reading it (a 191 MB file peaked at about 600 MB reading it whole).
JOURNAL_IN_ALL_TIMES = 10


def journal_limit() -> int:
    """The journal cap in bytes: ``JOURNAL_IN_ALL_TIMES`` times the attachment limit, on every door."""
    from django.conf import settings

    return JOURNAL_IN_ALL_TIMES * int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])


def media_limits(in_all: int | None = None) -> MediaLimits:
    """Each unpacked file within the attachment limit (always); all together within ``in_all`` bytes, by default
    ``MEDIA_IN_ALL_TIMES`` times the attachment limit (the web and the API); the journal (a zip's ``.json`` files,
    a jrnl plain-text file) within :func:`journal_limit`."""
    from django.conf import settings

    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    return MediaLimits(
        per_file=limit,
        in_all=MEDIA_IN_ALL_TIMES * limit if in_all is None else in_all,
        journal=journal_limit(),
    )


# What :func:`refuse_oversized` needs of a file's start to tell a jrnl journal
HEAD_BYTES = JRNL_HEAD_BYTES


def local_import_limit() -> int:
    """The most a file handed to ``reverie journal import`` that may carry pictures and recordings (a Reverie export,
    any JSON file, a Day One zip) may be: what a local import may hold, :func:`journal_limit` of journal and
    :data:`LOCAL_MEDIA_IN_ALL` of files, those in base64 as a Reverie export writes them (4 bytes for every 3); a
    Day One zip's files are no larger packed. 1.4 GB with the shipped limits: one's own export with its drawings and
    recordings is read, a stream of any length is not."""
    return journal_limit() + LOCAL_MEDIA_IN_ALL * 4 // 3


class ImportTooLarge(InvalidInput):
    """A file handed to ``reverie journal import`` over :func:`local_import_limit`: refused before it is read
    whole (a pipe, once that much is read)."""

    def __init__(self, size: int, limit: int, whole: bool) -> None:
        said = size_words(size) if whole else f"more than {size_words(limit)}"
        super().__init__(
            f"Cannot import: this file is {said}; the most an import here reads is {size_words(limit)}. Export"
            " fewer entries at a time (a date range, or one journal) and import each file; nothing is imported"
            " twice."
        )


def refuse_oversized(head: bytes, size: int, whole: bool = True) -> None:
    """While a file is read (``reverie journal import``, :func:`reverie.cli.paths.read_named_checked`): a file of
    ``size`` bytes over the cap of its kind (told by its first bytes, ``head``) is refused, naming the cap and how to
    split it: a jrnl plain-text file (:func:`is_jrnl_text`), which holds words alone, over :func:`journal_limit`;
    any other file (a Reverie, jrnl or Day One export, JSON or zip) over :func:`local_import_limit`. A regular file
    is refused before the rest is read (its size from the system, ``whole``), a pipe once what was read passes the
    cap (``whole`` false: the file is larger still). Reading it whole first would cost the memory the cap is there
    to spare."""
    if is_jrnl_text(head):
        check_jrnl_size(size, journal_limit(), whole=whole)
        return
    limit = local_import_limit()
    if size > limit:
        raise ImportTooLarge(size, limit, whole)


def usable(
    actor: User,
    data: bytes,
    *,
    all_or_nothing: bool = False,
    media_in_all: int | None = None,
    revision_commas: dict[str, int] | None = None,
) -> tuple[PortableJournal, list[EntryDraft], tuple[str, ...]]:
    """The entries to store with their validated drafts, and one text-free line per entry or file left out.
    ``revision_commas``, when given, gets for each kept entry's id how many labels of its earlier versions held a
    comma (each made a semicolon here, so the import can say so: the entry's own are in the entry as written).
    ``media_in_all``: what a Day One zip's files may unpack to in all (:func:`media_limits`). An entry holding a value no reader expected (one raising an ``UNREADABLE`` error
    while its draft is made) is left out and said, never an error of the whole import (r53)."""
    from reverie.clinic.services.portability import _draft

    limits = media_limits(media_in_all)
    loaded = load_report(data, default_tz=zone_of(actor), strict=all_or_nothing, media_limits=limits)
    problems = list(loaded.problems)
    kept: list[PortableEntry] = []
    drafts: list[EntryDraft] = []
    for index, entry in enumerate(loaded.journal.entries):
        place = file_place(
            entry, index
        )  # where the person finds it in their file, whatever was left out before
        try:
            try:
                _check_years(entry)
                entry = _sniffed(entry, place, problems, all_or_nothing)
                draft = validate(_draft(entry), has_attachment=bool(entry.attachments))
                commas = sum("," in label for rev in entry.revisions for label in labels_of(rev))
                entry = _checked_revisions(entry)
                drafts.append(draft)
                if commas and revision_commas is not None:
                    revision_commas[entry.id] = commas
            except UNREADABLE:  # never its value: it may be the text
                raise InvalidInput("it could not be read.") from None
        except InvalidInput as exc:
            if all_or_nothing:
                raise InvalidInput(f"{place} of the file: {exc.message} Nothing was imported.") from None
            problems.append(f"{place}: {exc.message.removesuffix(' Nothing was saved.')} Left out.")
            continue
        kept.append(entry)
    return replace(loaded.journal, entries=tuple(kept)), drafts, tuple(problems)


def labels_of(item: PortableEntry | PortableRevision) -> tuple[str, ...]:
    """An entry's or an earlier version's labels: its feelings' names, people and tags."""
    return (*(f.name for f in item.feelings), *item.people, *item.tags)


def _check_years(entry: PortableEntry) -> None:
    """The dates an import stores beside happened_at (which :func:`validate` checks): written_at, updated_at and each
    revision's (when it was saved, and the date it gave), within the same years as an entry's (:func:`check_year`, 1900–9998). Outside them a date in an
    extreme zone (9999-12-31T23:59:59-14:00) overflows Python's datetime once read in UTC: the entry is left out
    with a problem, as for any other bad date, instead of failing the whole import."""
    dates = (r.happened_at for r in entry.revisions if r.happened_at is not None)
    saved = (entry.updated_at,) if entry.updated_at is not None else ()  # version 10
    for moment in (entry.written_at, *saved, *(revision.written_at for revision in entry.revisions), *dates):
        check_year(moment)


def _checked_revisions(entry: PortableEntry) -> PortableEntry:
    """Each whole earlier version checked as a save checks an entry (:func:`validate`: its text, title, labels,
    feelings and date) and kept as that check leaves it (labels with commas kept with semicolons, as the entry's);
    one that does not pass leaves the entry out, naming the version (never its content). A version the file kept
    only as text is stored as it is, as before."""
    from reverie.clinic.services.portability import revision_draft

    checked = []
    for number, rev in enumerate(entry.revisions, 1):
        if rev.only_text:
            checked.append(rev)
            continue
        try:
            clean = validate(revision_draft(entry.kind, rev), has_attachment=True)
        except InvalidInput as exc:
            raise InvalidInput(f"its earlier version {number}: {exc.message}") from None
        checked.append(
            replace(
                rev,
                title=clean.title,
                body=clean.body,
                feelings=tuple(PortableFeeling(f.name, f.intensity) for f in clean.feelings),
                people=clean.people,
                tags=clean.tags,
                extra=dict(clean.extra),
            )
        )
    return replace(entry, revisions=tuple(checked))


def _sniffed(entry: PortableEntry, place: str, problems: list[str], strict: bool) -> PortableEntry:
    """Attachments whose content is not an allowed picture or recording are left out (or refuse, when strict)."""
    from reverie.clinic.services.portability import _draft

    good = []
    for number, attachment in enumerate(entry.attachments, 1):
        try:
            media_type = check_attachment(entry.kind, attachment.filename, attachment.data)
        except InvalidInput as exc:
            if strict:
                raise
            problems.append(
                f"{place}, file {number}: {exc.message.removesuffix(' Nothing was saved.')} Left out."
            )
            continue
        good.append(replace(attachment, media_type=media_type))
    if len(good) == len(entry.attachments):
        return entry
    if not good and not has_content(_draft(entry)):
        raise InvalidInput("nothing is left once its files are left out.")
    kind = entry.kind if good else ("reflection" if entry.kind in ("art", "music") else entry.kind)
    return replace(entry, attachments=tuple(good), kind=kind)
