"""Review r126: a client's everyday journal on a 360-px phone, in real headless Chromium. The feelings on the write
and edit pages: a feeling the person unticks is saved all the same when its strength was chosen first."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _feelings_shown(page: Any) -> str:
    return str(page.locator("p.feel-list").inner_text())


def test_browser_a_feeling_unticked_on_the_write_page_is_not_saved(phone: Any, make_user: Any) -> None:
    """At 2 a.m. Nora ticks anger and chooses 5, ticks love and chooses 4, then thinks again and unticks anger:
    the box is empty when she presses Save. The entry page shows "anger 5/5" all the same: the strength chosen
    before stays in its select (feelings.js ticks a box when a strength is chosen, but nothing clears the strength
    when the box is unticked), and the server counts a chosen strength as a tick (forms.feelings_from_post). She
    should see only what she left ticked: love 4/5."""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    page.fill("#id_body", "Mum rang at midnight. I love her and I could scream.")
    page.check("#feel_anger")
    page.select_option("#int_anger", "5")
    page.check("#feel_love")
    page.select_option("#int_love", "4")
    page.uncheck("#feel_anger")  # on second thoughts: not anger
    assert not page.is_checked("#feel_anger") and page.is_checked("#feel_love")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    shown = _feelings_shown(page)
    assert "love 4/5" in shown
    assert "anger" not in shown, f"a feeling unticked before saving was saved: {shown!r}"


def test_browser_unticking_a_feeling_on_the_edit_page_removes_it(phone: Any, make_user: Any) -> None:
    """Nora's entry holds "fear 4/5" and "relief 2/5". On its edit page she unticks fear (the way the page offers
    to say a feeling was not there) and saves. The entry still shows "fear 4/5": the edit form fills the stored
    strength into fear's select, and a strength without its tick still counts as ticked, so a common feeling can
    never be taken off an entry by unticking it (only by also setting its strength back to "–", which nothing
    says). After saving, the entry should hold relief 2/5 alone."""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    page.fill("#id_body", "The results came back fine.")
    page.check("#feel_fear")
    page.select_option("#int_fear", "4")
    page.check("#feel_relief")
    page.select_option("#int_relief", "2")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert "fear 4/5" in _feelings_shown(page) and "relief 2/5" in _feelings_shown(page)
    page.click("a:has-text('Edit')")
    page.wait_for_selector("#id_body")
    assert page.is_checked("#feel_fear")
    page.uncheck("#feel_fear")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    shown = _feelings_shown(page)
    assert "relief 2/5" in shown
    assert "fear" not in shown, f"a feeling unticked on the edit page is still on the entry: {shown!r}"


def test_browser_the_page_shows_what_the_tick_says(phone: Any, make_user: Any) -> None:
    """The page follows the server's rule for the eye (static/reverie/feelings.js): choosing a strength ticks its
    feeling, unticking a feeling clears its strength ("–"), and ticking it again gives the strength back."""
    page = phone
    signed_in_to_write(page, make_user, "nora")
    page.select_option("#int_anger", "5")
    assert page.is_checked("#feel_anger")
    page.uncheck("#feel_anger")
    assert page.input_value("#int_anger") == "", "an unticked feeling still shows a strength"
    page.check("#feel_anger")
    assert page.input_value("#int_anger") == "5"
