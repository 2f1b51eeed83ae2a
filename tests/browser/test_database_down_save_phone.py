"""Save pressed while the database is out of reach, in real headless Chromium at 360 px (review r136 finding 2,
h201): the 503 page says the entry was not saved and carries the words sealed (none readable in the page); once
the database answers, "Try again" gives them back to their writer, and "Save it now" saves them. The write form
goes by the page's script (send_kept.js), which writes the 503 page in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_phone import shot_if_asked, sign_in, targets_at_least_44px
from django.db import connections
from test_accessibility import CHECK

from database_down import take_down

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORDS = "H201-PHONE the words of the dream about the flooded kitchen"


def test_save_while_the_database_is_down_keeps_the_words_for_their_writer(
    phone: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reverie.clinic.services import journal

    page = phone
    dana = make_user("dana")
    sign_in(page, "dana")
    page.fill("#id_body", WORDS)
    with monkeypatch.context() as down:
        take_down(down, tmp_path)
        page.click("form.write button[type=submit]")
        page.locator("button", has_text="Try again").wait_for()
    for conn in connections.all():
        conn.close()
    assert "not saved" in page.inner_text("main")
    assert "kept sealed in this page" in page.inner_text("main")
    assert WORDS not in page.content()
    assert page.evaluate(CHECK) == []
    targets_at_least_44px(page, "main button")
    shot_if_asked(page, "database-down-1-kept")

    page.click("button:has-text('Try again')")
    page.locator("button", has_text="Save it now").wait_for()
    assert page.input_value("textarea[name=body]") == WORDS
    assert "Reverie answers again" in page.inner_text("main")
    assert page.evaluate(CHECK) == []
    shot_if_asked(page, "database-down-2-back")
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    assert [v.body for v in journal.list_entries(dana)] == [WORDS]
