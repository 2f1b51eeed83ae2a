"""Save tapped twice on a music entry with a large recording, on a 360-px phone in real headless Chromium: one entry,
and the page never says "not saved" (review r58). The second request passed ``journal.already_saved`` while the first
was still saving, then hit its id in ``journal.create_entry``; that IntegrityError was answered as a busy database.
The service now answers a save with its own, already stored id as already saved (``reverie.errors.AlreadySaved``)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wav(n: int) -> bytes:
    """A plain WAV recording of ``n`` bytes of silence (a music entry's attachment, large enough to take a moment)."""
    import struct

    fmt = struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
    return (
        b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " + fmt + b"data" + struct.pack("<I", n) + b"\0" * n
    )


def test_double_tap_save_never_says_not_saved_when_it_was(phone: Any, make_user: Any) -> None:
    """A music entry with its recording, Save tapped twice on a phone (the second tap while the first is still
    saving): the page said "Reverie could not reach its database just now, so this was not saved" (a 503) while
    the entry was saved (the second request hit the first one's id, an IntegrityError taken for a database
    failure): the person believed their words were lost, or saved them again. They land on the saved entry, one
    entry, as a double tap on a short entry does."""
    from reverie.clinic.models import Entry

    page = phone
    signed_in_to_write(page, make_user, "cy")
    wrong = []
    for attempt in range(4):
        page.goto("/write/")
        page.select_option("#id_kind", "music")
        page.fill("#id_body", f"the song at two, take {attempt}")  # music opened the file's box
        page.set_input_files(
            "#id_attachment",
            files=[{"name": "song.wav", "mimeType": "audio/wav", "buffer": _wav(6_000_000)}],
        )
        before = Entry.objects.count()
        page.evaluate(
            "() => { const f = document.querySelector('form.write'); f.requestSubmit();"
            " setTimeout(() => f.requestSubmit(), 150); }"
        )
        page.wait_for_timeout(6000)
        page.wait_for_load_state()
        saved = Entry.objects.count() - before
        said_not_saved = page.locator("text=this was not saved").count() > 0
        if saved and said_not_saved:
            wrong.append((attempt, page.url, page.locator(".error").first.inner_text()))
        if saved > 1:
            wrong.append((attempt, page.url, f"{saved} entries"))
    assert not wrong, wrong
