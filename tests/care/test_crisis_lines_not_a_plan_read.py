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
