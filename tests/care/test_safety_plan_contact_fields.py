"""u5: a safety-plan contact was one text line, "name: phone", split back at the last ':' — a name holding a colon
("Dr Lee: GP surgery") with its phone left for later read "GP surgery" as the phone, and every contact was parsed
back out of text on each save. The form now has a Name and a Phone field for each contact; the plan stores them
apart (as it always did) and the call and text links stay."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.services import safety
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _rows(html: str, key: str) -> list[tuple[str, str]]:
    names = re.findall(rf'name="{key}_name" value="([^"]*)"', html)
    phones = re.findall(rf'name="{key}_phone" type="tel" value="([^"]*)"', html)
    return list(zip(names, phones, strict=True))


def test_a_contact_is_a_name_field_and_a_phone_field_kept_as_typed(make_user: Any) -> None:
    client = make_user()
    web = _as(client)
    html = web.get("/safety/plan/").content.decode()
    assert 'id="trusted_contacts"' not in html and "name: phone" not in html  # no text area of "name: phone"
    assert _rows(html, "trusted_contacts") == [("", ""), ("", "")]
    assert 'label for="trusted_contacts_name_1">Name</label>' in html
    assert 'label for="trusted_contacts_phone_1">Phone</label>' in html
    saved = web.post(
        "/safety/plan/",
        {
            "coping_steps": "a walk",
            "trusted_contacts_name": ["Dr Lee: GP surgery", "", "Ana"],
            "trusted_contacts_phone": ["+44 20 7946 0000", "", "07700 900123"],
            "professionals_name": ["", ""],
            "professionals_phone": ["", ""],
        },
    )
    assert saved.status_code == 200 and "Saved" in saved.content.decode()
    plan = safety.get_plan(client)
    assert plan is not None
    assert [(c.name, c.phone) for c in plan.trusted_contacts] == [
        ("Dr Lee: GP surgery", "+44 20 7946 0000"),
        ("Ana", "07700 900123"),
    ]
    assert plan.professionals == ()
    again = web.get("/safety/plan/").content.decode()
    assert _rows(again, "trusted_contacts") == [
        ("Dr Lee: GP surgery", "+44 20 7946 0000"),
        ("Ana", "07700 900123"),
        ("", ""),
        ("", ""),
    ]
    page = web.get("/safety/").content.decode()
    # the surgery's London number is a fixed line: called, never texted (r132); Ana's may be a mobile: both
    assert 'href="tel:+442079460000"' in page and 'href="sms:+442079460000"' not in page
    assert 'href="tel:07700900123"' in page and 'href="sms:07700900123"' in page


def test_a_name_without_a_phone_is_refused_and_the_rows_stay_as_typed(make_user: Any) -> None:
    client = make_user()
    web = _as(client)
    refused = web.post(
        "/safety/plan/",
        {"coping_steps": "a walk", "trusted_contacts_name": ["Dr Lee: GP"], "trusted_contacts_phone": [""]},
    )
    html = refused.content.decode()
    assert refused.status_code == 400 and "People I can ask for help, entry 1" in html
    assert _rows(html, "trusted_contacts")[0] == ("Dr Lee: GP", "")
    assert safety.get_plan(client) is None


def test_an_older_forms_text_area_is_still_read_as_it_was(make_user: Any) -> None:
    """A tab opened before the change posts contacts as one text area: read by the old parse, never dropped."""
    client = make_user()
    saved = _as(client).post("/safety/plan/", {"trusted_contacts": "Ana: +44 7700 900123"})
    assert saved.status_code == 200
    plan = safety.get_plan(client)
    assert plan is not None and [(c.name, c.phone) for c in plan.trusted_contacts] == [
        ("Ana", "+44 7700 900123")
    ]


def test_a_name_holding_a_colon_survives_the_export_and_import(make_user: Any) -> None:
    """The export (reverie.export/4) writes a contact as "name: phone" and the import splits it at the last ':'.
    A phone can hold no ':' (only digits, spaces, +, - and brackets), so that split is exact and the export's format
    needs no new version: a name with a colon comes back whole. (A guard: this held before the form's rows too.)"""
    from reverie.clinic.services import portability
    from reverie.journal.interchange import dump_reverie_json

    alice, bob = make_user(), make_user()
    safety.save_plan(
        alice, {"trusted_contacts": [{"name": "Dr Lee: GP surgery", "phone": "+44 (20) 7946-0000"}]}
    )
    portability.import_journal(bob, dump_reverie_json(portability.export_journal(alice)))
    restored = safety.get_plan(bob)
    assert restored is not None
    assert [(c.name, c.phone) for c in restored.trusted_contacts] == [
        ("Dr Lee: GP surgery", "+44 (20) 7946-0000")
    ]
