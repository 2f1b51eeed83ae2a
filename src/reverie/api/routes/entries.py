"""Journal entries: list and search, read, write, edit, share, move to the trash, earlier versions, findings."""

from __future__ import annotations

import re
import uuid

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from reverie.api.auth import actor
from reverie.api.routes.check_in import CheckInOut, check_in_out
from reverie.api.schemas import EntryIn, EntryOut, EntryUpdate, FindingsOut, RevisionOut
from reverie.api.spec import ERRORS, IDEMPOTENCY_KEY, IF_MATCH
from reverie.care.services import alerts
from reverie.clinic.models import EntryKind, User
from reverie.clinic.services import journal, observations
from reverie.clinic.services.journal import EntryView
from reverie.errors import AlreadySaved, InvalidInput, NotFound
from reverie.versions import version_number

BAD_IF_MATCH = 'If-Match must be the entry\'s revision number, for example If-Match: "3".'

router = Router(tags=["entries"])


class EntrySavedOut(EntryOut):
    """The saved entry and, when the text was screened as a risk at this save, the check-in it raised."""

    check_in: CheckInOut | None = Field(
        None,
        description="The check-in this save raised (answer it with POST /check-in), with the crisis lines and the "
        "safety plan; null when the save raised none. Nothing is locked meanwhile.",
    )


def tagged(response: HttpResponse, view: EntryView) -> EntryView:
    """The entry's revision as its ``ETag`` (``"3"``), the value an edit sends back as ``If-Match``."""
    response["ETag"] = f'"{view.revision}"'
    return view


def _saved(request: HttpRequest, user: User, view: EntryView) -> EntrySavedOut:
    raised = alerts.check_in_raised_by_save(user, view.id, view.revision)
    shown = alerts.show_check_in(user, raised, full=True) if raised is not None else None
    check_in = check_in_out(request, user, shown.check_in) if shown is not None else None
    return EntrySavedOut(**EntryOut.of(view).model_dump(), check_in=check_in)


class EntryFilter(Schema):
    kind: EntryKind | None = None
    q: str | None = None
    limit: int | None = Field(None, ge=1, le=journal.MAX_LIST_LIMIT, description="At most this many entries.")
    offset: int = Field(0, ge=0, le=journal.MAX_LIST_OFFSET, description="Skip this many entries first.")
    after: uuid.UUID | None = Field(
        None,
        description="The id of the last entry of the page before (a cursor): only the entries after it in the "
        "list's order. Unlike offset, an entry trashed or written between two pages moves no other entry to the "
        "wrong page. An entry no longer in the journal (purged, or no longer shared with you): 400.",
    )


@router.get("/entries", response={200: list[EntryOut], **ERRORS}, url_name="entries_list")
def entries_list(request: HttpRequest, filters: Query[EntryFilter]) -> list[EntryOut]:
    """Entries the caller may read, newest first: a client's own, a therapist's shared ones. ``q`` searches."""
    kind = filters.kind.value if filters.kind else None
    query = (filters.q or "").strip() or None
    views = journal.list_entries(
        actor(request),
        kind=kind,
        query=query,
        limit=filters.limit,
        offset=filters.offset,
        after=filters.after,
    )
    return [EntryOut.of(v) for v in views]


@router.post(
    "/entries",
    response={200: EntrySavedOut, 201: EntrySavedOut, **ERRORS},
    url_name="entry_create",
    openapi_extra=IDEMPOTENCY_KEY,
)
def entry_create(request: HttpRequest, response: HttpResponse, payload: EntryIn) -> Status[EntrySavedOut]:
    """Write a new entry (clients only). Several feelings at once, each with an intensity from 1 to 5. A text
    screened as a risk answers with the check-in it raised (``check_in``). With ``Idempotency-Key`` the save is safe
    to send again: a retry stores nothing more and answers 200 with the entry the first call stored (the web's
    form token, ``journal.submission_id``, by the same mechanism: a client-chosen entry id); 409 when that entry is
    in the trash now; 422 when the key was used for a different entry (another kind, other words, another date):
    nothing new is stored."""
    user = actor(request)
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return Status(
            201, _saved(request, user, tagged(response, journal.create_entry(user, payload.draft())))
        )
    entry_id = journal.keyed_id(user, key)
    try:
        if journal.already_saved(user, entry_id) is None:
            view = journal.create_entry(user, payload.draft(), entry_id=entry_id)
            return Status(201, _saved(request, user, tagged(response, view)))
    except AlreadySaved:  # the retry raced the first call past ``already_saved``: the entry it stored
        pass
    # The key sent with another body: 422, nothing stored.
    journal.require_same_save(user, entry_id, payload.draft())
    try:
        stored = journal.get_entry(user, entry_id)
    except NotFound:  # in the trash (or purged) since: not stored again
        raise AlreadySaved(
            "This entry was already saved and is no longer in the journal (see the trash).",
            entry_id=str(entry_id),
            in_trash=True,
        ) from None
    return Status(200, _saved(request, user, tagged(response, stored)))


@router.get("/entries/{entry_id}", response={200: EntryOut, **ERRORS}, url_name="entry_get")
def entry_get(request: HttpRequest, response: HttpResponse, entry_id: str) -> EntryOut:
    """One entry; its ``ETag`` is its revision, to send back as ``If-Match`` with an edit."""
    return EntryOut.of(tagged(response, journal.get_entry(actor(request), entry_id)))


@router.patch(
    "/entries/{entry_id}",
    response={200: EntrySavedOut, **ERRORS},
    url_name="entry_update",
    openapi_extra=IF_MATCH,
)
def entry_update(
    request: HttpRequest, response: HttpResponse, entry_id: str, payload: EntryUpdate
) -> EntrySavedOut:
    """Change one's own entry; the earlier version is kept (see ``/revisions``). Send the ``revision`` you read
    (in the body, or as ``If-Match``): if the entry was saved since, 409 with ``current_revision`` and nothing
    changes. An edit screened as a risk answers with the check-in it raised (``check_in``)."""
    user = actor(request)
    base = _base_revision(payload.revision, request)
    current = journal.get_entry(user, entry_id)
    # The fields not sent are taken from ``current``: the save is based on it even when the caller sent no base.
    merged = payload.merged(current)
    view = journal.update_entry(
        user, entry_id, merged, base_revision=current.revision if base is None else base
    )
    return _saved(request, user, tagged(response, view))


def if_match(request: HttpRequest) -> int | None:
    """The revision in ``If-Match`` (``3``, ``"3"``, ``W/"3"``), the base of any call that changes one entry;
    ``None`` when it is absent or ``*`` (no check, as before). Anything else is a malformed header (400)."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    shape = re.fullmatch(r'(?:W/)?"([^"]*)"|([^"]*)', header.strip())  # quotes on both sides or on neither
    if shape is None:
        raise InvalidInput(BAD_IF_MATCH)
    tag = shape.group(1) if shape.group(1) is not None else shape.group(2)
    return version_number(tag, least=1, message=BAD_IF_MATCH)  # revisions start at 1


def _base_revision(in_body: int | None, request: HttpRequest) -> int | None:
    """The revision an edit was made from: the body's ``revision`` or ``If-Match``."""
    tag = if_match(request)
    if tag is None:
        return in_body
    if in_body is not None and in_body != tag:
        raise InvalidInput("The body's revision and If-Match differ; send one of them.")
    return tag


@router.delete(
    "/entries/{entry_id}", response={204: None, **ERRORS}, url_name="entry_trash", openapi_extra=IF_MATCH
)
def entry_trash(request: HttpRequest, entry_id: str) -> Status[None]:
    """Move one's own entry to the trash (it can be restored until it is purged). With ``If-Match``: if the entry
    was saved since, 409 with ``current_revision`` and nothing changes."""
    journal.trash_entry(actor(request), entry_id, base_revision=if_match(request))
    return Status(204, None)


@router.post(
    "/entries/{entry_id}/share",
    response={200: EntryOut, **ERRORS},
    url_name="entry_share",
    openapi_extra=IF_MATCH,
)
def entry_share(request: HttpRequest, response: HttpResponse, entry_id: str) -> EntryOut:
    """Share one entry with the linked therapist. With ``If-Match``: if the entry was saved since, 409 with
    ``current_revision`` and nothing changes."""
    view = journal.set_shared(actor(request), entry_id, True, base_revision=if_match(request))
    return EntryOut.of(tagged(response, view))


@router.post(
    "/entries/{entry_id}/unshare",
    response={200: EntryOut, **ERRORS},
    url_name="entry_unshare",
    openapi_extra=IF_MATCH,
)
def entry_unshare(request: HttpRequest, response: HttpResponse, entry_id: str) -> EntryOut:
    """Stop sharing one entry. With ``If-Match``: if the entry was saved since, 409 with ``current_revision``."""
    view = journal.set_shared(actor(request), entry_id, False, base_revision=if_match(request))
    return EntryOut.of(tagged(response, view))


@router.get(
    "/entries/{entry_id}/revisions", response={200: list[RevisionOut], **ERRORS}, url_name="entry_revisions"
)
def entry_revisions(request: HttpRequest, entry_id: str) -> list[RevisionOut]:
    """Earlier versions of one's own entry, oldest first, each whole as it was written (``only_text`` where only
    its text was kept; ``happened_at`` null where its date was not)."""
    return [RevisionOut.of(version) for version in journal.revisions(actor(request), entry_id)]


@router.get("/entries/{entry_id}/findings", response={200: FindingsOut, **ERRORS}, url_name="entry_findings")
def entry_findings(request: HttpRequest, entry_id: str) -> FindingsOut:
    """What the analysis of an entry the caller may read shows them (same rule as reading the entry, and the one
    rule of the entry page and the CLI: ``observations.seen_by``). The writer gets their entry page's "What
    Reverie noticed" (``reverie.noticed/1``: plain words, no codes, scores or risk level; ``pending`` while the
    words they hold now are not analysed; ``hidden_by_your_choice`` with no observations, the risk note and a
    ``message`` when they chose "never show" in Settings); a therapist gets the stored analysis
    (``reverie.analysis/1``), the detailed reading of their entry page."""
    seen = observations.seen_by(actor(request), entry_id)
    return FindingsOut(
        status=seen.status, revision=seen.revision, result=seen.result_json(), message=seen.message
    )
