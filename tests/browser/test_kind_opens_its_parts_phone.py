"""Review r132: on a 360-px phone in real headless Chromium, the kind chosen on the write page opens what it needs,
and the edit page of a mindful choice shows its words.

Before, choosing "Mindful choice" left its three boxes in a closed fold-out under a big "Write whatever comes to
mind", and choosing "Art" or "Music" left the picture or recording box folded in "Title, people, tags, an image or a
recording": a person saved an art entry without its picture, or wrote a mindful choice into the wrong box. Editing
a mindful choice showed an empty box and nothing of the situation, the urge or the choice."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import checks, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_choosing_a_kind_opens_the_boxes_it_needs(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "ines")
    assert not page.locator("#id_situation").is_visible()
    assert not page.locator("#id_attachment").is_visible()
    page.select_option("#id_kind", "art")
    assert page.locator("#id_attachment").is_visible(), "Art chosen: the picture's box is still folded away"
    checks.targets_at_least_44px(page, "#id_attachment")
    page.select_option("#id_kind", "mindful_choice")
    for part in ("#id_situation", "#id_urge", "#id_choice"):
        assert page.locator(part).is_visible(), f"Mindful choice chosen: {part} is still folded away"
    page.select_option("#id_kind", "dream")  # nothing closes: what was opened may hold words
    assert page.locator("#id_situation").is_visible() and page.locator("#id_attachment").is_visible()


def test_browser_editing_a_mindful_choice_shows_its_three_parts(phone: Any, make_user: Any) -> None:
    page = phone
    signed_in_to_write(page, make_user, "ines")
    page.select_option("#id_kind", "mindful_choice")
    page.fill("#id_situation", "My sister texted asking why I hadn't called Mum.")
    page.fill("#id_urge", "To send an angry reply.")
    page.fill("#id_choice", "I waited an hour and wrote back kindly.")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    page.click("a:has-text('Edit')")
    page.wait_for_selector("#id_body")
    assert page.locator("#id_situation").is_visible(), "the edit page hides the mindful choice's words"
    assert page.input_value("#id_situation") == "My sister texted asking why I hadn't called Mum."
    assert page.locator("#id_choice").is_visible()
