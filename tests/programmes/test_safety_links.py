"""Crisis lines and safety-plan contacts are links a phone can tap: ``tel:`` to call, ``sms:`` to text."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.programmes.safety import Contact, load_crisis_lines, sms_href, tel_href


def test_numbers_become_tel_and_sms_hrefs_with_digits_only() -> None:
    assert tel_href("116 123") == "tel:116123"
    assert tel_href("+44 (0) 7700-900123") == "tel:+4407700900123"
    assert sms_href("741741", "HOME") == "sms:741741?body=HOME"
    assert sms_href("85258", "SHOUT NOW") == "sms:85258?body=SHOUT%20NOW"


def test_each_crisis_line_links_the_channels_it_offers() -> None:
    us = {line.number: line.links for line in load_crisis_lines().lines_for("US")}
    assert us["988"] == (("Call 988", "tel:988"), ("Text 988", "sms:988"))
    assert us["741741"] == (("Text HOME to 741741", "sms:741741?body=HOME"),)
    assert us["911"] == (("Call 911", "tel:911"),)
    for lines in load_crisis_lines().countries.values():
        assert all(line.links for line in lines)  # every line can be tapped


def test_a_contact_can_be_called_or_texted() -> None:
    assert Contact("Ana", "+44 7700 900123").links == (
        ("Call", "tel:+447700900123"),
        ("Text", "sms:+447700900123"),
    )


@pytest.mark.django_db
def test_safety_pages_link_lines_and_the_plans_contacts(make_user: Any, web_as: Any) -> None:
    from reverie.care.services import safety

    public = Client().get("/safety/").content.decode()
    assert (
        'href="tel:988"' in public
        and 'href="sms:741741?body=HOME"' in public
        and 'href="tel:116123"' in public
    )
    client = make_user()
    safety.save_plan(
        client, {"trusted_contacts": [{"name": "Ana", "phone": "+44 7700 900123"}], "crisis_country": "GB"}
    )
    web = web_as(client)
    for path in ("/safety/", "/check-in/"):
        page = web.get(path).content.decode()
        assert 'href="tel:+447700900123"' in page and 'href="sms:+447700900123"' in page, path
        assert 'href="tel:116123"' in page, path
