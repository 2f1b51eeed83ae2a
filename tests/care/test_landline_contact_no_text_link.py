"""Review r132 (fault 12, h182): a landline in the safety plan ("020 7946 0958") got a "Text" link.

A contact's number gets an ``sms:`` link only where it can be a mobile: the numbering plan of the person's region (the
country their plan names, else their time zone's country: ``care.services.safety.likely_countries``) read by
``phonenumbers``. A fixed line is called only; a mobile, a number that may be either (the United States), a number
the plan does not know and one that cannot be read keep both links (err toward reach)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import safety
from reverie.clinic.services import local_time
from reverie.programmes.safety import Contact
from web_client import signed_in


@pytest.mark.parametrize(
    ("phone", "region", "texts"),
    [
        ("020 7946 0958", "GB", False),  # a London landline
        ("+44 20 7946 0958", None, False),  # in international form it needs no region
        ("0161 496 0000", "GB", False),
        ("01 23 45 67 89", "FR", False),
        ("06 12 34 56 78", "FR", True),  # a French mobile
        ("(212) 555-0123", "US", True),  # fixed line or mobile: both kept
        ("07700 900123", "GB", True),  # a number the plan does not know: both kept
        ("020 7946 0958", None, True),  # no region, no country code: cannot be read, both kept
        ("116 123", "GB", True),
    ],
)
def test_a_contact_is_texted_only_where_the_number_can_be_a_mobile(
    phone: str, region: str | None, texts: bool
) -> None:
    labels = [label for label, _ in Contact("Ana", phone).links_in(region)]
    assert labels[0] == "Call"
    assert ("Text" in labels) is texts


@pytest.mark.django_db
def test_the_safety_page_of_a_londoner_gives_a_landline_no_text_link(make_user: Any) -> None:
    client = make_user("lena")
    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    safety.save_plan(
        client,
        {
            "trusted_contacts": [
                {"name": "Mum", "phone": "020 7946 0958"},
                {"name": "Ana", "phone": "+33 6 12 34 56 78"},
            ]
        },
    )
    page = signed_in(client).get("/safety/").content.decode()
    assert 'href="tel:02079460958"' in page
    assert 'href="sms:02079460958"' not in page
    assert 'href="sms:+33612345678"' in page and 'href="tel:+33612345678"' in page
