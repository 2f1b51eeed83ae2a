"""The forms outside the journal that carry typed words (the safety plan, a therapist's progress and process notes,
the formulation, the goodbye letter, a new goal, a cancelled or moved session's note) are sent by send_kept.js too
(h194 left them; review r135 fault 1): with no connection at Save the page and the words stay, with the one plain
line at the top; the next Save, back online, saves them once. Read on the safety plan, on a 360-px phone in real
headless Chromium; every other such form carries the same mark (checked from the templates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_phone import shot_if_asked, signed_in_to_write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOT_SENT = "Not sent: Reverie could not be reached. Your words are still here. Press Save again when you are back online."
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "reverie" / "care" / "templates" / "care"


def test_the_safety_plan_keeps_its_words_offline_and_saves_them_once_back_online(
    phone: Any, make_user: Any
) -> None:
    from reverie.care.services import safety

    page = phone
    signed_in_to_write(page, make_user, "planner")
    page.goto("/safety/plan/")
    page.wait_for_load_state("load")
    words = "Go for a walk by the canal; ring my sister; the blue notebook"
    box = page.locator("form[data-keeps-words] textarea").first
    box.fill(words)
    name = box.get_attribute("id")
    page.context.set_offline(True)
    page.click("form[data-keeps-words] button[type=submit]")
    line = page.locator("#not-sent", has_text="Not sent")
    line.wait_for()
    assert line.inner_text() == NOT_SENT
    assert page.input_value(f"#{name}") == words
    shot_if_asked(page, "offline-safety-plan")

    page.context.set_offline(False)
    page.click("form[data-keeps-words] button[type=submit]")
    page.locator("text=Saved.").first.wait_for()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="planner")
    plan = safety.get_plan(user)
    assert words in str(plan)


@pytest.mark.parametrize(
    ("template", "marked"),
    [
        ("safety_plan.html", 1),
        ("session.html", 2),  # the progress note and the process note
        ("formulation.html", 1),
        ("letter.html", 1),
        ("goals.html", 1),  # a new goal
        ("session_cancel.html", 1),
        ("session_move.html", 1),
    ],
)
def test_every_care_form_that_carries_typed_words_is_sent_by_the_script(template: str, marked: int) -> None:
    assert (TEMPLATES / template).read_text(encoding="utf-8").count("data-keeps-words") == marked
