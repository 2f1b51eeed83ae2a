"""r65 review: an error on the Write page must be tied to the field it is about (aria-invalid plus aria-describedby
naming the message), so a screen reader user who moves to that field hears what is wrong, with the typed text kept."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BODY = "A quiet dream about a boat on a grey lake."

LINKED = """(sel) => {
  const field = document.querySelector(sel);
  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const said = ids.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' ');
  return {invalid: field.getAttribute('aria-invalid'), described: said};
}"""


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("#id_other_feelings", "awe 9", "intensity"),
        ("#id_happened_at", "2099-12-31T10:00", "future"),
    ],
)
def test_browser_write_error_is_linked_to_its_field(
    phone: Any, make_user: Any, field: str, typed: str, words: str
) -> None:
    """A client types "awe 9" under Other feelings (or a date next year under When it happened) and presses Save.
    The page comes back with the message at the top ("The intensity of the 1st feeling must be ...", "That date is in
    the future ...") and the text kept, but the field it is about carries no aria-invalid and no aria-describedby:
    a screen reader user who tabs to it hears nothing wrong with it, and focus sits in the body box instead. The
    field should be marked invalid and described by the message (as Django does for a field's own errors)."""
    page = phone
    make_user("sam")
    sign_in(page, "sam")
    page.fill("#id_body", BODY)
    page.fill(field, typed)
    page.click("button:has-text('Save')")
    page.wait_for_selector(".error")
    assert page.input_value("#id_body") == BODY  # the typed text is kept (this part holds today)
    assert page.input_value(field) == typed
    linked = page.evaluate(LINKED, field)
    assert linked["invalid"] == "true" and words in linked["described"], linked


def test_browser_sign_up_password_error_is_linked_to_the_password_field(phone: Any) -> None:
    """Someone creating an account on a phone picks a 5-letter password. The page says "This password is too short.
    It must contain at least 10 characters." at the top, but the Password box (now empty) carries no aria-invalid and no aria-describedby, so a screen reader user who moves to it to type a
    longer one hears only "Password, edit text". It should be marked invalid and described by that message."""
    page = phone
    page.goto("/signup/")
    page.fill("#id_username", "zed")
    page.fill("#id_password", "short")
    page.click("button[type=submit]")
    page.wait_for_selector(".error")
    assert page.input_value("#id_username") == "zed"  # the name is kept (this part holds today)
    linked = page.evaluate(LINKED, "#id_password")
    assert linked["invalid"] == "true" and "too short" in linked["described"], linked
