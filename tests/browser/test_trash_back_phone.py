"""Review r126: a client's everyday journal on a 360-px phone, in real headless Chromium. The trash: Back after
moving an entry there, and the buttons of the trash list as a screen reader names them."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _write(page: Any, body: str, kind: str = "free_association") -> None:
    page.goto("/write/")
    page.select_option("#id_kind", kind)
    page.fill("#id_body", body)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")


def test_browser_back_after_moving_an_entry_to_the_trash_says_where_it_is(phone: Any, make_user: Any) -> None:
    """Nora moves tonight's entry to the trash, lands on the trash list, and presses the phone's Back button (or
    opens the entry from a bookmark, a search page left open, another tab). Her own entry's address answers "That
    did not work · No such entry." (404): it reads as if the entry were gone, though it sits in her trash and can be
    restored (views.entry: journal.get_entry raises NotFound for an entry in the trash, where the edit page already
    tells its writer apart, views._edit_trashed). Her own entry's page should say it is in the trash and offer to
    restore it, never "No such entry"."""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    _write(page, "I couldn't sleep, so I wrote this.")
    entry_url = page.url
    page.click("button:has-text('Move to trash')")
    page.wait_for_url("**/trash/")
    page.go_back()
    page.wait_for_load_state()
    assert page.url == entry_url
    said = page.inner_text("main")
    assert "No such entry" not in said, f"her own entry in the trash is answered as missing: {said!r}"
    assert "trash" in said.lower(), said
    restore = page.locator("main form[action$='/restore/'] button, main a[href='/trash/']")
    assert restore.count() >= 1, "no way to restore it from the page"


def test_browser_each_trash_button_names_its_entry_for_a_screen_reader(phone: Any, make_user: Any) -> None:
    """With three entries in the trash, a screen reader's list of buttons reads "Restore, Delete for good…,
    Restore, Delete for good…, Restore, Delete for good…": the buttons' names never say which entry they act on
    (templates/reverie/trash.html), so a person who cannot see the page cannot tell which one "Delete for good"
    deletes. Each button's accessible name (or description) should name its entry (its kind, date or first words)."""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    for kind, words in (
        ("dream", "A dream about the sea."),
        ("reflection", "Mum rang again."),
        ("free_association", "Nothing much today."),
    ):
        _write(page, words, kind)
        page.click("button:has-text('Move to trash')")
        page.wait_for_url("**/trash/")
    named = page.evaluate(
        """() => [...document.querySelectorAll('main li button')].map(b => {
              const described = (b.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
                .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
              const labelled = (b.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                .map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
              return ((b.getAttribute('aria-label') || labelled || b.textContent) + ' ' + described).trim();
            })"""
    )
    assert len(named) == 6, named
    assert len(set(named)) == len(named), f"buttons that a screen reader names alike: {named}"
