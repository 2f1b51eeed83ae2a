"""Review r103: a safety-plan number written the common British way, "+44 (0)20 7946 0000", becomes a link that
dials "+4402079460000". The "(0)" is the trunk prefix a caller from inside the country dials and a caller using
"+44" leaves out; kept after the country code, the number is not a number, and a tap on "Call" in a crisis fails.

The number may be refused plainly at the plan's save (then it is never a link), or linked without the "(0)"; what it
must never be is a ``tel:``/``sms:`` link with a 0 right after the country code."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.programmes.safety import phone_problem, sms_href, tel_href

WRITTEN = ("+44 (0)20 7946 0000", "+44 (0) 7700 900123", "+353 (0)1 234 5678", "+49 (0)30 1234567")
DIALLED = ("+442079460000", "+447700900123", "+35312345678", "+49301234567")


@pytest.mark.parametrize(("written", "dialled"), list(zip(WRITTEN, DIALLED, strict=True)))
def test_a_bracketed_trunk_zero_never_reaches_the_link(written: str, dialled: str) -> None:
    """A person sees "Call" beside their sister's number "+44 (0)20 7946 0000" and taps it: the phone dials
    +44 0 20 7946 0000, which no network connects. They should get either a plain refusal when the plan is saved,
    or a link to tel:+442079460000 (the "(0)" left out, as every caller from abroad dials it)."""
    if phone_problem(written) is not None:
        return  # refused plainly at the save: never a link
    assert tel_href(written) == f"tel:{dialled}"
    assert sms_href(written) == f"sms:{dialled}"


@pytest.mark.django_db
def test_the_safety_page_never_links_a_trunk_zero_after_the_country_code(make_user: Any, web_as: Any) -> None:
    """On the Safety page and the check-in page a client's contact "+44 (0)20 7946 0000" is a Call link to
    tel:+4402079460000 (a number that does not connect); it should be tel:+442079460000."""
    from reverie.care.services import safety
    from reverie.errors import InvalidInput

    client = make_user()
    try:
        safety.save_plan(
            client,
            {"trusted_contacts": [{"name": "Ana", "phone": "+44 (0)20 7946 0000"}], "crisis_country": "GB"},
        )
    except InvalidInput:
        return  # refused plainly: the person can write it so that it dials
    web = web_as(client)
    for path in ("/safety/", "/check-in/"):
        page = web.get(path).content.decode()
        assert 'href="tel:+440' not in page and 'href="sms:+440' not in page, path
        assert 'href="tel:+442079460000"' in page, path


@pytest.mark.parametrize(
    ("written", "dialled"),
    [
        ("+44 (020) 7946 0000", "+442079460000"),  # the area code bracketed with its trunk 0
        ("(+44) (0)20 7946 0000", "+442079460000"),
        ("+44(0)20-7946-0000", "+442079460000"),
        ("+44 ( 0 ) 20 7946 0000", "+442079460000"),
        ("+۴۴ (۰) ۲۰ ۷۹۴۶ ۰۰۰۰", "+442079460000"),  # Extended Arabic-Indic digits
        ("0044 (0)20 7946 0000", "00442079460000"),  # 00, the international prefix of most of the world
        ("00 44 (0) 20 7946 0000", "00442079460000"),
        ("(020) 7946 0000", "02079460000"),  # no country code: dialled within the country, as written
        ("(0)20 7946 0000", "02079460000"),
        ("+39 (0)6 6988 1234", "+390669881234"),  # Italy dials its 0 after +39: no trunk prefix to leave out
        ("+39 06 6988 1234", "+390669881234"),
        ("+7 (495) 123-45-67", "+74951234567"),  # a bracketed area code without a 0: every digit
        ("0800 123 (4)", "08001234"),
    ],
)
def test_other_forms_are_dialled_as_a_caller_from_that_side_of_the_code_would(
    written: str, dialled: str
) -> None:
    """The trunk 0 goes only where it follows a country code (+CC or 00CC) and the country has one to leave out;
    every form is still accepted as typed, so a plan already kept stays readable."""
    from reverie.programmes.safety import dialled as dialled_form

    assert phone_problem(written) is None
    assert dialled_form(written) == dialled and tel_href(written) == f"tel:{dialled}"


@pytest.mark.django_db
def test_the_directory_links_a_therapists_number_without_the_trunk_zero() -> None:
    """The therapist directory's Telephone goes through the same ``tel_href``."""
    from django.test import Client

    from reverie.care.services import directory
    from reverie.programmes.directory import COLUMNS

    header = ",".join((*COLUMNS, "email", "phone", "website", "booking_url"))
    row = "t1,Dr Ada Example,psychoanalytic,dit,en,yes,yes,London,GB,80,120,GBP,open,,+44 (0)20 7946 0000,,"
    directory.import_csv(None, f"{header}\n{row}\n".encode())
    html = Client().get("/directory/").content.decode()
    assert 'href="tel:+442079460000"' in html and "+44 (0)20 7946 0000</a>" in html
