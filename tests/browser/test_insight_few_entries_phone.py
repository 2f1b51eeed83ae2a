"""r116: a client with no entries who chooses "Show my patterns", on a 360-px phone in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _main_text(phone: Any) -> str:
    """The page's main text as a person reads it, every folded part opened."""
    text: str = phone.evaluate(
        "() => { document.querySelectorAll('details').forEach(d => d.open = true); "
        "return document.querySelector('main').innerText; }"
    )
    return text


def test_browser_no_entries_patterns_page_is_one_plain_answer(phone: Any, make_user: Any) -> None:
    """A client with no entries at all taps "Show my patterns" and sees a page of empty machinery: a chart with a
    "10% / 0%" scale and "Nothing in this view yet", "People in your life now: 0% of entries", "Your therapist: 0% of
    entries", "The past: 0% of entries", and five headings each followed by "Nothing to show here yet.". They should
    see one plain answer (nothing written yet, so nothing to show), not empty headings and zero percentages."""
    client = make_user("r116-none")
    sign_in(phone, client.username)
    phone.goto("/insights/?show=1")
    text = _main_text(phone)
    assert "0% of entries" not in text, text
    assert text.count("Nothing to show here yet") <= 1, text


def test_browser_one_entry_patterns_page_gives_no_figures(phone: Any, make_user: Any) -> None:
    """One entry that mentions the writer's parents: before h136 the page said "1 of 1 entry (100%) mentions your
    parents" and drew a 100% bar for one quarter. A share of one entry means nothing: below ``MIN_ENTRIES`` the
    page says how many entries there are and that patterns show once there are more, with a link back to write."""
    from reverie.clinic.services import analysis, journal
    from reverie.clinic.services.journal import EntryDraft
    from reverie.insights.view import MIN_ENTRIES

    client = make_user("r116-one")
    text = "My mother and my father argued at dinner again and I felt sad and small."
    made = journal.create_entry(client, EntryDraft(kind="reflection", body=text))
    analysis.analyse_stored_entry(made.id, made.revision)
    sign_in(phone, client.username)
    phone.goto("/insights/?show=1")
    text = _main_text(phone)
    assert "%" not in text, text
    assert "Nothing to show here yet" not in text, text
    assert (
        f"1 entry to look for patterns in. Patterns show here once there are at least {MIN_ENTRIES}." in text
    )
    assert phone.locator("main svg").count() == 0
    assert phone.locator("main h2").count() == 0
    phone.locator("main a:has-text('Write an entry')").click()
    phone.wait_for_url("**/write/")
