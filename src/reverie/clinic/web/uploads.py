"""Uploads are kept in memory up to the attachment limit; a larger file is counted, never kept, and never dropped.

Django's ``MemoryFileUploadHandler`` switches itself off for a request larger than its limit, and with no other
handler the file then vanished: the entry was saved without it and without a word (qa34 point 3). Here the one
handler takes every file. Up to the limit its bytes stay in memory (attachments are encrypted before they touch the
disk); past the limit the rest is read and thrown away, and the form gets an :class:`OversizedUpload` that knows
the file's name and size, so the page refuses it plainly and keeps the typed text. A request body more than
``READ_AT_MOST`` times the limit is not read at all: :class:`RequestDataTooBig` (a plain page, nothing saved).

The web import page (``/import/``) takes a whole journal, not an attachment: its file may be as large as the API's
import body, :func:`import_limit` (``READ_AT_MOST`` times the attachment limit, 100 MiB by default), kept in memory
once (:func:`whole_bytes`), never in a temporary file of this handler's (a journal is plain text there). The web
server, waitress, buffers any request body over its ``inbuf_overflow`` (512 KB) in an anonymous temporary file while
it arrives, every upload alike. A larger one gets the import's own refusal (:func:`import_too_large`), naming the limit
and ``reverie journal import FILE``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers

from reverie.clinic.services import media

READ_AT_MOST = 10  # times the attachment limit: a larger request body is refused before it is read
IMPORT_PATH = "/import/"  # the web import page (urls.py ``import_journal``): a journal, not an attachment
FORM_ROOM = 1024 * 1024  # the import form's own fields and the multipart framing, beside its file


def upload_limit() -> int:
    return int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])


def import_limit() -> int:
    """The most the web import page's file may be: as much as the API's import body (``READ_AT_MOST`` times the
    attachment limit), so an export with drawings and recordings over the attachment limit comes back on the web."""
    return READ_AT_MOST * upload_limit()


def is_import(request: Any) -> bool:
    return request is not None and getattr(request, "path_info", "") == IMPORT_PATH


def import_too_large(size: int | None) -> str:
    """The import page's own refusal of a file over :func:`import_limit` (``size``: the file's, when known)."""
    from reverie.clinic.services.media import file_size_words

    most = file_size_words(import_limit())
    said = f"This file is {file_size_words(size)}" if size else "This file is too large"
    return (
        f"{said}; the import page takes files up to {most}. Nothing was imported. A larger Reverie file can be"
        " imported on the computer Reverie runs on, with reverie journal import FILE."
    )


def whole_bytes(sent: UploadedFile) -> bytes:
    """An uploaded file's bytes, held once: a file kept in memory hands over its own buffer (``getvalue``: no copy,
    where ``read`` would make a second one of a file of up to 100 MiB)."""
    kept = getattr(sent, "file", None)
    if isinstance(kept, io.BytesIO):
        data = kept.getvalue()
        kept.close()  # the bytes stay with ``data``; the buffer's own hold on them goes
        return data
    return bytes(sent.read())


class OversizedUpload(UploadedFile):
    """A file over the limit: its name and real size, no content. Reading it raises the plain refusal."""

    def __init__(self, name: str, content_type: str, size: int, charset: str | None) -> None:
        super().__init__(io.BytesIO(), name, content_type, size, charset)

    def read(self, *args: Any) -> bytes:
        media.check_size(self.size or 0)
        return b""  # pragma: no cover - check_size always raises for an oversized file

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        media.check_size(self.size or 0)
        return iter(())  # pragma: no cover


class BoundedMemoryUploadHandler(FileUploadHandler):
    """The only upload handler: every file is taken, kept in memory up to the limit, counted past it."""

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        if is_import(self.request):  # a whole journal: the import's own limit, its form's fields beside it
            self.limit, most = import_limit(), import_limit() + FORM_ROOM
        else:
            self.limit = upload_limit()
            most = READ_AT_MOST * self.limit
        if int(content_length or 0) > most:
            raise RequestDataTooBig("request body over the upload limit")

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.buffer: io.BytesIO | None = io.BytesIO()
        self.received = 0
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.received += len(raw_data)
        if self.buffer is not None and self.received > self.limit:
            self.buffer = None  # past the limit: nothing more is kept, what was kept is let go
        if self.buffer is not None:
            self.buffer.write(raw_data)

    def file_complete(self, file_size: int) -> UploadedFile:
        name, content_type = self.file_name or "upload", self.content_type or ""
        if self.buffer is None:
            return OversizedUpload(name, content_type, file_size, self.charset)
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            self.buffer, self.field_name, name, content_type, file_size, self.charset, self.content_type_extra
        )
