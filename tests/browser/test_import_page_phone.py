"""The web import page on a 360-px phone in real headless Chromium (review r135 fault 6): the export page leads to
it; the Reverie file brings the entries back; the Markdown reading copy is refused in one plain sentence."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import shot_if_asked, signed_in_to_write
from phone_measure import measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_the_reverie_file_and_refuse_the_markdown_at_360px(phone: Any, make_user: Any) -> None:
    from reverie.clinic.services import journal, portability
    from reverie.clinic.services.journal import EntryDraft
    from reverie.journal.interchange import MARKDOWN_NOT_IMPORTED, dump_markdown, dump_reverie_json

    elsewhere = make_user("elsewhere")
    journal.create_entry(elsewhere, EntryDraft(kind="dream", body="The lighthouse again.", title="Light"))
    data = portability.export_with_report(elsewhere).journal
    page = phone
    signed_in_to_write(page, make_user, "phoneonly")
    page.goto("/export/")
    page.click("a:has-text('Import')")
    page.wait_for_selector("h1:has-text('Bring entries back')")

    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "reverie-journal.md",
                "mimeType": "text/markdown",
                "buffer": dump_markdown(data).encode(),
            }
        ],
    )
    page.click("main button:has-text('Import')")
    page.locator("[role=alert]", has_text="reading copy").wait_for()
    assert page.locator("[role=alert]").inner_text() == MARKDOWN_NOT_IMPORTED
    shot_if_asked(page, "import-markdown-refused")

    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "reverie-journal.json",
                "mimeType": "application/json",
                "buffer": dump_reverie_json(data),
            }
        ],
    )
    page.click("main button:has-text('Import')")
    page.locator("[role=status]", has_text="Imported 1 entry").wait_for()
    found = measure(page)
    shot_if_asked(page, "import-done")
    assert found["scrollWidth"] <= 360 and found["jargon"] == [] and found["small"] == [], found["widest"]
    page.click("a:has-text('Open your journal')")
    page.wait_for_selector("text=Light")
