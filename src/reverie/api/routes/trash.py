"""The trash: entries moved there can be listed, restored or purged for good, by their writer only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router, Status

from reverie.api.auth import actor
from reverie.api.routes.entries import if_match, tagged
from reverie.api.schemas import EntryOut
from reverie.api.spec import ERRORS, IF_MATCH
from reverie.clinic.services import journal

router = Router(tags=["trash"])


@router.get("/trash", response={200: list[EntryOut], **ERRORS}, url_name="trash_list")
def trash_list(request: HttpRequest) -> list[EntryOut]:
    return [EntryOut.of(v) for v in journal.list_trash(actor(request))]


@router.post(
    "/trash/{entry_id}/restore",
    response={200: EntryOut, **ERRORS},
    url_name="entry_restore",
    openapi_extra=IF_MATCH,
)
def entry_restore(request: HttpRequest, response: HttpResponse, entry_id: str) -> EntryOut:
    """Take an entry out of the trash. With ``If-Match``: if its revision differs, 409 with ``current_revision``."""
    view = journal.restore_entry(actor(request), entry_id, base_revision=if_match(request))
    return EntryOut.of(tagged(response, view))


@router.delete(
    "/trash/{entry_id}", response={204: None, **ERRORS}, url_name="entry_purge", openapi_extra=IF_MATCH
)
def entry_purge(request: HttpRequest, entry_id: str) -> Status[None]:
    """Delete a trashed entry and its history for good. With ``If-Match``: if its revision differs, 409 with
    ``current_revision`` and nothing is deleted."""
    journal.purge_entry(actor(request), entry_id, base_revision=if_match(request))
    return Status(204, None)
