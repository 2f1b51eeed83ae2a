"""The web import page's own size limit and refusal (h194's leftover). Before, its file was held to the attachment
limit (10 MB), so one's own export holding a few drawings could not come back on the web though the API takes it,
and the refusal was the attachment's ("The attached file is … Nothing was saved.") with a word swapped in. Now the
page takes as much as the API's import body (ten times the attachment limit), held in memory once and never in a
temporary file, and a larger file gets the import's own words: the limit, and `reverie journal import FILE`."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from configured import configured
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import AttachmentDraft, EntryDraft
from reverie.clinic.web import uploads
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db]
LIMIT = 4000  # the attachment limit in these tests: the import page then takes 40,000 bytes
PNG = b"\x89PNG\r\n\x1a\n" + bytes(3000)


@pytest.fixture
def small_limit() -> Iterator[int]:
    with configured(REVERIE_MAX_ATTACHMENT_BYTES=LIMIT):
        yield LIMIT


def _export_with_drawings(user: Any, count: int) -> bytes:
    for n in range(count):
        draft = EntryDraft(kind="art", body=f"Drawing {n} of the harbour.", title=f"Harbour {n}")
        journal.create_entry(user, draft, [AttachmentDraft(f"harbour{n}.png", "image/png", PNG)])
    return dump_reverie_json(portability.export_with_report(user).journal)


def test_an_export_with_drawings_over_the_attachment_limit_comes_back_on_the_web(
    make_user: Any, web_as: Any, small_limit: int
) -> None:
    exported = _export_with_drawings(make_user("drawer"), 5)
    assert small_limit < len(exported) < 10 * small_limit  # over the attachment limit, under the import's
    into = make_user("drawer-into")
    done = web_as(into).post("/import/", {"file": SimpleUploadedFile("reverie-journal.json", exported)})
    assert done.status_code == 200, done.content.decode()[:400]  # before: 413, "The attached file is …"
    assert b"Imported 5 entries; 0 were already here." in done.content
    entries = journal.list_entries(into)
    assert len(entries) == 5 and all(len(e.attachments) == 1 for e in entries)


def test_a_file_over_the_import_limit_gets_the_import_s_own_words(
    make_user: Any, web_as: Any, small_limit: int
) -> None:
    into = make_user("too-much")
    big = b'{"entries": [' + b" " * (uploads.import_limit() + 10)
    refused = web_as(into).post("/import/", {"file": SimpleUploadedFile("reverie-journal.json", big)})
    page = refused.content.decode()
    assert refused.status_code == 413
    assert "the import page takes files up to 39.1 KB. Nothing was imported." in page
    assert "reverie journal import FILE" in page
    assert "attached file" not in page and "Nothing was saved" not in page
    assert journal.list_entries(into) == []


def test_a_body_too_large_to_read_on_the_import_page_says_the_same(
    make_user: Any, web_as: Any, small_limit: int
) -> None:
    """Past the import limit and the form's room, the body is not read at all: the plain 413 page, in the import's
    words (the attachment's "choose a smaller file or none" is the write page's)."""
    into = make_user("far-too-much")
    huge = bytes(uploads.import_limit() + uploads.FORM_ROOM + 1)
    refused = web_as(into).post("/import/", {"file": SimpleUploadedFile("reverie-journal.json", huge)})
    page = refused.content.decode()
    assert refused.status_code == 413
    assert "the import page takes files up to 39.1 KB. Nothing was imported." in page
    assert "reverie journal import FILE" in page
    assert journal.list_entries(into) == []


def test_the_page_names_its_limit(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user("limit-named")).get("/import/").content.decode()
    assert "This page takes files up to 100 MB." in page  # ten times the shipped 10 MB attachment limit


def test_the_file_is_held_in_memory_once() -> None:
    """The handler's buffer is handed over, not copied: the import's bytes add no second copy of the file (with
    ``read()`` they did: about the file's size again)."""
    size = 8 * 1024 * 1024
    handler = uploads.BoundedMemoryUploadHandler(None)
    handler.handle_raw_input(None, {}, size + 1000, b"x")
    with pytest.raises(Exception):  # StopFutureHandlers: the one handler
        handler.new_file("file", "journal.json", "application/json", size)
    chunk = b"j" * 65536
    tracemalloc.start()
    try:
        for _ in range(size // len(chunk)):
            handler.receive_data_chunk(chunk, 0)
        sent = handler.file_complete(size)
        assert isinstance(sent.file, io.BytesIO)
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        data = uploads.whole_bytes(sent)
        added = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(data) == size
    assert added < size // 4, f"{added} bytes more while handing over {size}"
