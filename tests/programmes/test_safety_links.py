"""Crisis lines and safety-plan contacts are links a phone can tap: ``tel:`` to call, ``sms:`` to text."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.programmes.safety import Contact, load_crisis_lines, sms_href, tel_href


def test_numbers_become_tel_and_sms_hrefs_with_digits_only() -> None:
    assert tel_href("116 123") == "tel:116123"
    # the bracketed trunk 0 after +44 is not dialled: +44 07700 … does not connect (review r103)
    assert tel_href("+44 (0) 7700-900123") == "tel:+447700900123"
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


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("٠٧٧٠٠ ٩٠٠١٢٣", "07700900123"),  # Arabic-Indic, as an Arabic phone keyboard types them
        ("+۴۴ ۷۷۰۰ ۹۰۰۱۲۳", "+447700900123"),  # Extended Arabic-Indic (Persian, Urdu)
        ("०७७०० ९००१२३", "07700900123"),  # Devanagari: any Unicode decimal digit
        ("+44 (0) 7700-900123", "+447700900123"),  # the trunk "(0)" after +44 is left out (review r103)
    ],
)
def test_r34_a_contact_typed_in_any_scripts_digits_is_kept_and_dialled_in_ascii(
    typed: str, dialled: str
) -> None:
    """Review r34: a safety-plan phone typed with Arabic-Indic (or any Unicode decimal) digits is accepted, kept as
    typed for display, and called and texted through one ASCII form (``safety.dialled``)."""
    from reverie.programmes.safety import SafetyPlan, safety_plan_from_dict

    plan = safety_plan_from_dict({"trusted_contacts": [{"name": "أمي", "phone": typed}]})
    assert isinstance(plan, SafetyPlan) and plan.trusted_contacts[0].phone == typed
    assert plan.trusted_contacts[0].links == (("Call", f"tel:{dialled}"), ("Text", f"sms:{dialled}"))


@pytest.mark.parametrize("typed", ["07700 900123 ext", "٠٧٧٠٠:٩٠٠١٢٣", "²³⁴ 567", "+"])
def test_r34_a_phone_with_letters_or_other_signs_is_still_refused_plainly(typed: str) -> None:
    """Digits of any script, spaces, +, - and brackets only: the refusal says so (superscripts are not decimal)."""
    from reverie.errors import InvalidInput
    from reverie.programmes.safety import safety_plan_from_dict

    with pytest.raises(InvalidInput, match="may hold only digits, spaces, \\+, - and brackets"):
        safety_plan_from_dict({"trusted_contacts": [{"name": "Ana", "phone": typed}]})


@pytest.mark.django_db
def test_r34_the_safety_page_shows_the_typed_digits_and_links_the_ascii_number(
    make_user: Any, web_as: Any
) -> None:
    """Saved through the care service, the Arabic-digit contact reads as typed and taps through tel:/sms:."""
    from reverie.care.services import safety

    client = make_user()
    safety.save_plan(
        client, {"trusted_contacts": [{"name": "أمي", "phone": "٠٧٧٠٠ ٩٠٠١٢٣"}], "crisis_country": "GB"}
    )
    page = web_as(client).get("/safety/").content.decode()
    assert "٠٧٧٠٠ ٩٠٠١٢٣" in page
    assert 'href="tel:07700900123"' in page and 'href="sms:07700900123"' in page
