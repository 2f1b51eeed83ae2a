"""What a person types in the write page on a 360-px phone in real headless Chromium is saved as typed: a first line's
indentation and trailing spaces kept (review r58; Django's forms strip by default, the entry form no longer does)."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leading_indentation_of_the_text_is_kept(phone: Any, make_user: Any) -> None:
    """A dream or a poem typed with its first line indented ("    the tide came in") and ending in spaces was saved
    without them. What is typed in "Write whatever comes to mind" is kept as typed (only a text of nothing but
    spaces counts as empty)."""
    from reverie.clinic.models import User
    from reverie.clinic.services import journal

    page = phone
    signed_in_to_write(page, make_user, "bo")
    typed = "    the tide came in  \n        and I was the shore  "
    page.fill("#id_body", typed)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    user = User.objects.get(username="bo")
    saved = journal.get_entry(user, journal.list_entries(user, limit=1, offset=0)[0].id).body
    assert saved.replace("\r\n", "\n") == typed, repr(saved)
