"""Uploads are kept in memory up to the attachment limit; a larger file is counted, never kept, and never dropped.

Django's ``MemoryFileUploadHandler`` switches itself off for a request larger than its limit, and with no other
handler the file then vanished: the entry was saved without it and without a word (qa34 point 3). Here the one
handler takes every file. Up to the limit its bytes stay in memory (attachments are encrypted before they touch the
disk); past the limit the rest is read and thrown away, and the form gets an :class:`OversizedUpload` that knows
the file's name and size, so the page refuses it plainly and keeps the typed text. A request body more than
``READ_AT_MOST`` times the limit is not read at all: :class:`RequestDataTooBig` (a plain page, nothing saved).
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


def upload_limit() -> int:
    return int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])


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
        self.limit = upload_limit()
        if int(content_length or 0) > READ_AT_MOST * self.limit:
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
