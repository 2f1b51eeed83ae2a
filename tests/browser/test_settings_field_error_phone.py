"""h92: on a phone (360 px), a time zone the server refuses (a stale page's choice, forged here) came back on the
settings page with the message at the top only; the time zone select carried no ``aria-invalid`` and no
``aria-describedby``. The select is now marked and described by the message, which fits the screen."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINKED = """(sel) => {
  const field = document.querySelector(sel);
  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const said = ids.map(id => (document.getElementById(id) || {textContent: ''}).textContent.trim()).join(' ');
  const r = (document.getElementById(ids[0]) || field).getBoundingClientRect();
  return {invalid: field.getAttribute('aria-invalid'), described: said, right: r.right,
          width: document.scrollingElement.scrollWidth};
}"""


def test_browser_a_refused_time_zone_is_said_on_its_box_at_360px(phone: Any, make_user: Any) -> None:
    person = make_user("ada")
    page = phone
    sign_in(page, person.username)
    page.goto("/account/settings/")
    page.evaluate(
        "() => { const s = document.querySelector('#id_time_zone'); s.add(new Option('Mars', 'Mars/Olympus'));"
        " s.value = 'Mars/Olympus'; }"
    )
    page.click("form:has(#id_time_zone) button:has-text('Save')")
    page.wait_for_selector(".error")
    linked = page.evaluate(LINKED, "#id_time_zone")
    assert linked["invalid"] == "true" and "Unknown time zone" in linked["described"], linked
    assert linked["right"] <= 360 and linked["width"] <= 360, linked  # the message fits the phone
