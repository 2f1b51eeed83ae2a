"""The attachment picker of an art or music entry on a 360-px phone in real headless Chromium: a 44-px touch target
like every other control of the write page (review r58; phone.css's min-height rule named no ``input[type=file]``)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_attachment_picker_is_at_least_44px_tall(phone: Any, make_user: Any) -> None:
    """An art or music entry on a phone: the "Image (art) or recording (music)" file picker was 42.8 px tall, under
    the 44-px touch target every other control of the write page keeps (the feelings' rows, their strength menus,
    Save). The person finds a picker at least 44 px tall."""
    page = phone
    signed_in_to_write(page, make_user, "ana")
    page.select_option("#id_kind", "art")  # the kind opens the fold-out holding the picker (review r132)
    box = page.locator("#id_attachment").bounding_box()
    assert box is not None and box["height"] >= 44, box
