"""h156: choosing the order of the crisis lines reads only the country the person's safety plan names, and is not
recorded as the person reading their plan (``care.services.safety.plan_country``); a page that shows the plan reads
it once, audited (``lines_for_person(user, with_plan=True)``). Before, every page, banner and command that showed
the lines wrote a ``safety_plan.read`` event, and the crisis page with the check-in banner wrote two for one view.

And the time zones of Jersey, Guernsey and the Isle of Man (zone.tab: JE, GG, IM), reached on the United Kingdom's
lines (Samaritans 116 123), put the UK's lines first (``programmes.safety.LINES_OF``). Real database, real pages."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import alerts, safety
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import local_time
from reverie.clinic.services.safety import directory
from reverie.programmes.countries import zone_country
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _reads() -> int:
    return AuditEvent.objects.filter(action="safety_plan.read").count()


def _client_with_plan(make_user: Any, name: str, country: str = "IE") -> Any:
    client = make_user(name)
    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    safety.save_plan(client, {"coping_steps": ["a walk by the river"], "crisis_country": country})
    return client


def test_lines_chosen_by_the_plans_country_are_no_read_of_the_plan(make_user: Any) -> None:
    client = _client_with_plan(make_user, "aoife")
    before = _reads()
    crisis = safety.lines_for_person(client)
    assert crisis.from_plan and crisis.countries[0].country == "IE"  # the plan's country still chooses
    assert crisis.plan == {}  # nothing of the plan handed on
    assert safety.lines_in_words(client)[0][0] == directory().countries["IE"][0].name  # the command line's
    assert _reads() == before
    shown = safety.lines_for_person(client, with_plan=True)  # a page that shows the plan: read, once
    assert shown.plan["has_plan"] and shown.countries[0].country == "IE"
    assert _reads() == before + 1


def test_the_crisis_page_with_the_check_in_banner_is_one_read_of_the_plan(make_user: Any) -> None:
    """The crisis page shows the plan (one read) and, above it, the check-in banner in full with the lines (none)."""
    client = _client_with_plan(make_user, "nora")
    alerts.request_check_in(client, None)
    web = signed_in(client)
    before = _reads()
    page = web.get("/safety/").content.decode()
    assert 'class="check-in-lines"' in page and "a walk by the river" in page
    assert _reads() == before + 1


def test_a_page_showing_only_the_lines_reads_no_plan(make_user: Any) -> None:
    """The journal's list under the check-in banner in full: the lines, in the plan's country's order; no plan shown,
    no read of it recorded."""
    client = _client_with_plan(make_user, "ciara")
    alerts.request_check_in(client, None)
    web = signed_in(client)
    before = _reads()
    page = web.get("/journal/").content.decode()
    assert 'class="check-in-lines"' in page and "a walk by the river" not in page
    assert directory().countries["IE"][0].name in page
    assert _reads() == before


def test_the_check_in_page_reads_the_plan_it_shows_once(make_user: Any) -> None:
    client = _client_with_plan(make_user, "maeve")
    alerts.request_check_in(client, None)
    web = signed_in(client)
    before = _reads()
    page = web.get("/check-in/").content.decode()
    assert "a walk by the river" in page
    assert _reads() == before + 1


@pytest.mark.parametrize(
    ("zone", "code"), [("Europe/Jersey", "JE"), ("Europe/Guernsey", "GG"), ("Europe/Isle_of_Man", "IM")]
)
def test_the_crown_dependencies_read_the_uks_lines_first(make_user: Any, zone: str, code: str) -> None:
    assert zone_country(zone) == code  # zone.tab's own code: no lines are listed under it
    client = make_user(f"islander-{code.lower()}")
    local_time.set_time_zone(client, zone)
    client.refresh_from_db()
    crisis = safety.lines_for_person(client)
    assert crisis.countries[0].country == "GB" and crisis.order_note == ""
    assert crisis.first[0].label == "United Kingdom · Samaritans"
    assert crisis.first[0].line.instruction == "Call 116 123"
    assert directory().lines_for(code) == directory().lines_for("GB")


@pytest.mark.parametrize(
    ("zone", "code", "first", "instruction"),
    [
        ("America/Puerto_Rico", "PR", "US", "Call or text 988"),
        ("America/St_Thomas", "VI", "US", "Call or text 988"),
        ("Pacific/Guam", "GU", "US", "Call or text 988"),
        ("Pacific/Saipan", "MP", "US", "Call or text 988"),
        ("Pacific/Pago_Pago", "AS", "US", "Call or text 988"),
        ("Indian/Reunion", "RE", "FR", "Call 3114"),
        ("Indian/Mayotte", "YT", "FR", "Call 3114"),
        ("America/Guadeloupe", "GP", "FR", "Call 3114"),
        ("America/Martinique", "MQ", "FR", "Call 3114"),
        ("America/Cayenne", "GF", "FR", "Call 3114"),
        ("America/Marigot", "MF", "FR", "Call 3114"),
        ("Europe/Mariehamn", "AX", "EU", "Call 112"),
    ],
)
def test_territories_reached_on_another_countrys_lines_read_them_first(
    make_user: Any, zone: str, code: str, first: str, instruction: str
) -> None:
    """h161: the United States' territories (988 and 911 reach them), France's overseas departments and
    Saint-Martin (3114 and 112) and Åland (Finland's lines: the EU's 112) have their own codes in zone.tab with no
    lines listed under them; they read the lines that reach them first, and the page no longer says their country
    is unknown."""
    assert zone_country(zone) == code
    client = make_user(f"islander-{code.lower()}")
    local_time.set_time_zone(client, zone)
    client.refresh_from_db()
    crisis = safety.lines_for_person(client)
    assert crisis.countries[0].country == first and crisis.order_note == ""
    assert crisis.first[0].line.instruction == instruction
    assert directory().lines_for(code) == directory().lines_for(first)


@pytest.mark.parametrize(("zone", "code"), [("Pacific/Norfolk", "NF"), ("Atlantic/Faroe", "FO")])
def test_a_place_with_no_known_lines_is_told_to_call_its_local_emergency_number(
    make_user: Any, zone: str, code: str
) -> None:
    """Norfolk Island and the Faroe Islands are not mapped (no number here is known to work there: docs/course.md):
    the person reads every country's lines in the fixed order, said so, and to call their local emergency number."""
    assert zone_country(zone) == code and directory().lines_for(code) == ()
    client = make_user(f"islander-{code.lower()}")
    local_time.set_time_zone(client, zone)
    client.refresh_from_db()
    crisis = safety.lines_for_person(client)
    assert crisis.order_note == safety.FIXED_ORDER
    page = signed_in(client).get("/safety/").content.decode()
    assert "Call your local emergency number" in page
    assert "Reverie does not know which country you are in" in page
