"""The trash: entries moved there can be listed, restored or purged for good, by their writer only."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from reverie.api.auth import actor
from reverie.api.schemas import EntryOut
from reverie.api.spec import ERRORS
from reverie.clinic.services import journal

router = Router(tags=["trash"])


@router.get("/trash", response={200: list[EntryOut], **ERRORS}, url_name="trash_list")
def trash_list(request: HttpRequest) -> list[EntryOut]:
    return [EntryOut.of(v) for v in journal.list_trash(actor(request))]


@router.post("/trash/{entry_id}/restore", response={200: EntryOut, **ERRORS}, url_name="entry_restore")
def entry_restore(request: HttpRequest, entry_id: str) -> EntryOut:
    return EntryOut.of(journal.restore_entry(actor(request), entry_id))


@router.delete("/trash/{entry_id}", response={204: None, **ERRORS}, url_name="entry_purge")
def entry_purge(request: HttpRequest, entry_id: str) -> Status[None]:
    """Delete a trashed entry and its history for good."""
    journal.purge_entry(actor(request), entry_id)
    return Status(204, None)
