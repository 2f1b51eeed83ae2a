"""Review r58: writing an entry at 2 a.m. on a 360-px phone in real headless Chromium (faults proved, not fixed)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_r58_attachment_picker_is_at_least_44px_tall(phone: Any, make_user: Any) -> None:
    """An art or music entry on a phone: the "Image (art) or recording (music)" file picker is 42.8 px tall, under
    the 44-px touch target every other control of the write page keeps (the feelings' rows, their strength menus,
    Save). The person should find a picker at least 44 px tall."""
    page = phone
    signed_in_to_write(page, make_user, "ana")
    page.select_option("#id_kind", "art")
    page.click("summary:has-text('Title')")
    box = page.locator("#id_attachment").bounding_box()
    assert box is not None and box["height"] >= 44, box


def test_review_r58_leading_indentation_of_the_text_is_kept(phone: Any, make_user: Any) -> None:
    """A dream or a poem typed with its first line indented ("    the tide came in") and ending in spaces is saved
    without them: the entry's text begins "the tide came in". What is typed in "Write whatever comes to mind"
    should be kept as typed (only a text of nothing but spaces counts as empty)."""
    from reverie.clinic.models import User
    from reverie.clinic.services import journal

    page = phone
    signed_in_to_write(page, make_user, "bo")
    typed = "    the tide came in\n        and I was the shore"
    page.fill("#id_body", typed)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    user = User.objects.get(username="bo")
    saved = journal.get_entry(user, journal.list_entries(user, limit=1, offset=0)[0].id).body
    assert saved.replace("\r\n", "\n") == typed, repr(saved)


def _wav(n: int) -> bytes:
    """A plain WAV recording of ``n`` bytes of silence (a music entry's attachment, large enough to take a moment)."""
    import struct

    fmt = struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8)
    return (
        b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " + fmt + b"data" + struct.pack("<I", n) + b"\0" * n
    )


def test_review_r58_double_tap_save_never_says_not_saved_when_it_was(phone: Any, make_user: Any) -> None:
    """A music entry with its recording, Save tapped twice on a phone (the second tap while the first is still
    saving): the page says "Reverie could not reach its database just now, so this was not saved" (a 503) while
    the entry was saved (the second request hit the first one's id, an IntegrityError taken for a database
    failure). The person believes their words were lost, or saves them again. They should land on the saved entry,
    as a double tap on a short entry does."""
    from reverie.clinic.models import Entry

    page = phone
    signed_in_to_write(page, make_user, "cy")
    wrong = []
    for attempt in range(4):
        page.goto("/write/")
        page.select_option("#id_kind", "music")
        page.fill("#id_body", f"the song at two, take {attempt}")
        page.click("summary:has-text('Title')")
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
    assert not wrong, wrong
