"""Review r126: a client's everyday journal on a 360-px phone, in real headless Chromium. An entry edited, then its
earlier versions opened: everything the earlier version held can be read there, not only its main text."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import shot_if_asked, signed_in_to_write
from phone_measure import measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_an_earlier_version_shows_its_title_feelings_and_mindful_choice(
    phone: Any, make_user: Any
) -> None:
    """Nora writes a mindful-choice entry titled "The call" (anger 5, love 4, and what she chose: "I told her I would
    call back tomorrow."), then edits it: anger down to 2, the choice now "I hung up.", the title "The call, later".
    "Earlier versions" (the entry's "2 versions" link; the edit-conflict page also promises that a replaced version
    "stays in the entry's earlier versions") shows version 1 as its main text alone: the old title, the old
    feelings and the old choice are nowhere to be read, on this page or in the export (journal.revisions returns the
    body only; the history template prints only it). Version 1 should show what it held: its title, "anger 5/5"
    and "I told her I would call back tomorrow.\""""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    page.select_option("#id_kind", "mindful_choice")
    page.fill("#id_body", "Mum rang at midnight.")  # the kind opened its three parts (review r132)
    page.fill("#id_situation", "Mum rang at midnight about the money.")
    page.fill("#id_urge", "Hang up and block her.")
    page.fill("#id_choice", "I told her I would call back tomorrow.")
    page.check("#feel_anger")
    page.select_option("#int_anger", "5")
    page.check("#feel_love")
    page.select_option("#int_love", "4")
    page.click("summary:has-text('Title, people, tags')")
    page.fill("#id_title", "The call")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")

    page.click("a:has-text('Edit')")
    page.wait_for_selector("#id_body")
    page.select_option("#int_anger", "2")  # a mindful choice's edit page shows its parts open
    page.fill("#id_choice", "I hung up.")
    page.fill("#id_title", "The call, later")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert "I hung up." in page.inner_text("main") and "anger 2/5" in page.inner_text("main")

    page.click("a:has-text('2 versions')")
    page.wait_for_selector("h1:has-text('Earlier versions')")
    earlier = page.locator("main section").first.inner_text()
    assert "Mum rang at midnight." in earlier  # the main text is there
    missing = [
        words
        for words in ("The call", "anger 5/5", "love 4/5", "I told her I would call back tomorrow.")
        if words not in earlier
    ]
    assert not missing, f"version 1 on the earlier-versions page lacks {missing}: {earlier!r}"
    # h151: in plain words at 360 px, what the next version changed said and marked, every part readable.
    assert "Changed in version 2, the current one: title, feelings and the choice I made." in earlier
    marks = page.locator("main section").first.locator("dt .changed")  # a mark on each changed part
    assert marks.count() == 3 and marks.first.is_visible() and marks.first.inner_text() == "changed"
    found = measure(page)
    shot_if_asked(page, "history-whole-version")
    assert found["font"] >= 12, found["fontText"]
    assert found["scrollWidth"] <= 360, found["widest"]
    assert found["jargon"] == [] and found["small"] == [], (found["jargon"], found["small"])

    # Review r135 fault 8: "Go back to version 1" asks first on its own page, then saves version 1 as version 3.
    page.click("a:has-text('Go back to version 1')")
    page.wait_for_selector("h1:has-text('Go back to version 1?')")
    asked = measure(page)
    shot_if_asked(page, "go-back-to-version-confirm")
    assert asked["scrollWidth"] <= 360 and asked["jargon"] == [] and asked["small"] == [], asked["widest"]
    assert "I told her I would call back tomorrow." in page.inner_text("main")
    page.click("button:has-text('Yes, go back to version 1')")
    page.wait_for_url("**/journal/*/")
    main = page.inner_text("main")
    assert (
        "Version 1 is back" in main
        and "I told her I would call back tomorrow." in main
        and "anger 5/5" in main
    )
    shot_if_asked(page, "go-back-to-version-done")
    page.click("a:has-text('3 versions')")
    page.wait_for_selector("h1:has-text('Earlier versions')")
    assert page.locator("main section").count() == 2  # versions 1 and 2 both kept: nothing deleted
