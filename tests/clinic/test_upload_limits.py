"""A file over the upload limit never vanishes: however large, the page refuses it plainly and keeps the typed
text, and the entry is not saved without its file (qa34 point 3: ~11 MB files were dropped without a word)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie import settings as reverie_settings
from reverie.clinic.models import Attachment, Entry

pytestmark = pytest.mark.django_db

PNG_HEAD = bytes.fromhex("89504e470d0a1a0a0000000d49484452")
WORDS = "A drawing of the harbour at dusk, the boats all turned one way."
MIB = 1024 * 1024


def _png(size: int) -> bytes:
    return PNG_HEAD + bytes(size - len(PNG_HEAD))


def _post(web: Any, data: bytes) -> Any:
    upload = SimpleUploadedFile("harbour.png", data, content_type="image/png")
    return web.post("/write/", {"kind": "art", "body": WORDS, "attachment": upload})


@pytest.fixture
def small_limit() -> Iterator[int]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config({**original.values, "REVERIE_MAX_ATTACHMENT_BYTES": 4000})
    try:
        yield 4000
    finally:
        settings.REVERIE = original


@pytest.mark.parametrize("size", [int(10.5 * MIB), 11_000_000, 11 * MIB, 30 * MIB])
def test_upload_over_the_limit_is_refused_with_the_text_kept(make_user: Any, web_as: Any, size: int) -> None:
    web = web_as(make_user())
    response = _post(web, _png(size))
    page = response.content.decode()
    assert response.status_code == 400  # before, from 11 MB on: 302, the entry saved without its file
    said = {int(10.5 * MIB): "10.5 MB", 11_000_000: "10.5 MB", 11 * MIB: "11 MB", 30 * MIB: "30 MB"}[size]
    assert f"The attached file is {said}; the limit is 10 MB. Nothing was saved." in page  # x7: not bytes
    assert "Your text is still here." in page and WORDS in page
    assert Entry.objects.count() == 0 and Attachment.objects.count() == 0


def test_upload_at_the_limit_is_kept_with_its_entry(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    response = _post(web, _png(10 * MIB))  # the near miss: exactly the limit
    assert response.status_code == 302
    (stored,) = Attachment.objects.all()
    assert stored.size == 10 * MIB and Entry.objects.count() == 1


def test_upload_too_large_to_read_gets_a_plain_page_and_nothing_saved(
    make_user: Any, web_as: Any, small_limit: int
) -> None:
    web = web_as(make_user())
    response = _post(web, _png(20 * small_limit))  # over ten times the limit: the body is not read
    page = response.content.decode()
    assert response.status_code == 413
    assert "That file is too large" in page and "nothing was saved" in page
    assert Entry.objects.count() == 0


def test_upload_under_ten_times_the_limit_is_read_and_refused_plainly(
    make_user: Any, web_as: Any, small_limit: int
) -> None:
    web = web_as(make_user())
    response = _post(web, _png(5 * small_limit))
    assert response.status_code == 400
    assert (
        "The attached file is 19.5 KB; the limit is 3.9 KB. Nothing was saved." in response.content.decode()
    )
    assert Entry.objects.count() == 0


def test_upload_reading_an_oversized_file_raises_the_refusal() -> None:
    from reverie.clinic.web.uploads import OversizedUpload
    from reverie.errors import InvalidInput

    upload = OversizedUpload("big.wav", "audio/wav", 50 * MIB, None)
    with pytest.raises(InvalidInput, match="the limit is"):
        upload.read()


def test_a_file_just_over_the_limit_says_so_in_words() -> None:
    from reverie.clinic.services.media import check_size, file_size_words
    from reverie.errors import InvalidInput

    with pytest.raises(InvalidInput) as raised:
        check_size(10 * MIB + 1)
    assert raised.value.message == "The attached file is just over the limit of 10 MB. Nothing was saved."
    assert [file_size_words(n) for n in (900, 4000, MIB, 3 * MIB // 2)] == [
        "900 bytes",
        "3.9 KB",
        "1 MB",
        "1.5 MB",
    ]


def test_upload_too_large_to_read_with_the_csrf_check_on_gets_the_same_page(
    make_user: Any, small_limit: int
) -> None:
    from django.test import Client

    web = Client(enforce_csrf_checks=True)  # the CSRF check reads the body first, as in production
    web.force_login(make_user())
    web.get("/write/")
    token = web.cookies["csrftoken"].value
    upload = SimpleUploadedFile("harbour.png", _png(20 * small_limit), content_type="image/png")
    data = {"kind": "art", "body": WORDS, "attachment": upload, "csrfmiddlewaretoken": token}
    response = web.post("/write/", data)
    assert response.status_code == 413 and "That file is too large" in response.content.decode()
    assert Entry.objects.count() == 0
