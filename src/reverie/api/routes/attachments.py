"""A client's pictures (art) and recordings (music): list them on an entry, upload, download, remove.

The same services as the web: an upload is checked by the web's own check (type read from the bytes, size and pixel
limits; the claimed ``Content-Type`` is ignored), sealed with the client's key and audited; a download is the web's
``attachment_data`` served as a file (never shown inline), ``nosniff`` and ``no-store``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, File, Router, Status, UploadedFile

from reverie.api.auth import actor
from reverie.api.routes.check_in import CheckInOut, check_in_out
from reverie.api.schemas import AttachmentOut, ErrorOut
from reverie.api.spec import ERRORS, IDEMPOTENCY_KEY
from reverie.care.services import alerts
from reverie.clinic.models import Entry
from reverie.clinic.services import attachments, journal, media
from reverie.clinic.services.journal import AttachmentDraft, AttachmentInfo
from reverie.clinic.web.downloads import download

router = Router(tags=["attachments"])

UPLOAD_ERRORS: dict[Any, Any] = {**ERRORS, 415: ErrorOut}
BINARY = {"schema": {"type": "string", "format": "binary"}}
DOWNLOAD_RESPONSE: dict[str, Any] = {
    "responses": {
        200: {
            "description": "The file's bytes, with the media type read from its content when it was attached "
            "(application/octet-stream for one stored before that), as a download (Content-Disposition: "
            "attachment, with its name), X-Content-Type-Options: nosniff and Cache-Control: no-store.",
            "headers": {
                "Content-Disposition": {
                    "description": "attachment; filename=\"…\" (and filename*=UTF-8''… for a name that is not ASCII).",
                    "schema": {"type": "string"},
                }
            },
            "content": {kind: BINARY for kind in sorted(media.SERVABLE | {"application/octet-stream"})},
        }
    }
}


class AttachmentSavedOut(AttachmentOut):
    """The file attached and, when the entry's new revision was screened as a risk (a file's name is the person's
    words), the check-in it raised."""

    check_in: CheckInOut | None = Field(
        None,
        description="The check-in this upload's revision raised (answer it with POST /check-in), with the crisis "
        "lines and the safety plan, as POST /entries answers with it; absent when it raised none.",
    )


def _out(info: AttachmentInfo) -> AttachmentOut:
    return AttachmentOut(id=info.id, media_type=info.media_type, size=info.size, filename=info.filename)


@router.get(
    "/entries/{entry_id}/attachments",
    response={200: list[AttachmentOut], **ERRORS},
    url_name="entry_attachments",
)
def entry_attachments(request: HttpRequest, entry_id: str) -> list[AttachmentOut]:
    """The pictures or recordings of an entry the caller may read (same rule as reading the entry)."""
    return [_out(info) for info in attachments.list_attachments(actor(request), entry_id)]


@router.post(
    "/entries/{entry_id}/attachments",
    response={200: AttachmentSavedOut, 201: AttachmentSavedOut, **UPLOAD_ERRORS},
    url_name="attachment_upload",
    openapi_extra=IDEMPOTENCY_KEY,
    exclude_defaults=True,  # "check_in" appears only when the upload raised one: else the file as the list shows it
)
def attachment_upload(
    request: HttpRequest, entry_id: str, file: File[UploadedFile]
) -> Status[AttachmentSavedOut]:
    """Attach a picture (art) or a recording (music) to one's own entry, sent as ``multipart/form-data`` in the
    field ``file``. Its type is read from its content (PNG, JPEG, GIF, WebP; MP3, Ogg, WAV, FLAC, M4A, WebM): any
    other content 415; over ``REVERIE_MAX_ATTACHMENT_BYTES`` 413; nothing is saved then. With ``Idempotency-Key``,
    the same upload sent again (a retry after a lost answer) keeps one file: 200 naming the file the first stored;
    the key sent with another file (other bytes or another name) is refused, 422, and nothing is stored. The entry's
    new revision is screened with its files' names; one screened as a risk answers with the check-in it raised
    (``check_in``), as ``POST /entries`` does."""
    user = actor(request)
    draft = AttachmentDraft(file.name or "", file.content_type or "", file.read())  # over the limit: 413 here
    key = request.headers.get("Idempotency-Key")
    info, created = attachments.add_attachment_once(user, entry_id, draft, key=key)
    stored = Entry.objects.filter(attachments__id=info.id).values_list("id", "revision").first()
    raised = alerts.check_in_raised_by_save(user, *stored) if stored is not None else None
    shown = alerts.show_check_in(user, raised, full=True) if raised is not None else None
    check_in = check_in_out(request, user, shown.check_in) if shown is not None else None
    return Status(201 if created else 200, AttachmentSavedOut(**_out(info).model_dump(), check_in=check_in))


@router.get(
    "/attachments/{attachment_id}",
    response=ERRORS,
    url_name="attachment_download",
    openapi_extra=DOWNLOAD_RESPONSE,
)
def attachment_download(request: HttpRequest, attachment_id: str) -> HttpResponse:
    """Download one picture or recording of an entry the caller may read (the writer; a therapist while the entry is
    shared with them), as the web serves it."""
    name, media_type, data = journal.attachment_data(actor(request), attachment_id)
    response = download(data, media_type, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@router.delete("/attachments/{attachment_id}", response={204: None, **ERRORS}, url_name="attachment_delete")
def attachment_delete(request: HttpRequest, attachment_id: str) -> Status[None]:
    """Remove one picture or recording from one's own entry, for good. The last file of an entry that holds nothing
    else stays (400): move the entry to the trash instead."""
    attachments.delete_attachment(actor(request), attachment_id)
    return Status(204, None)
