"""h154: the API's check-in lists the client's crisis lines first as every surface does
(``care.services.safety.lines_for_person``): their safety plan's country as its lines are listed (an EU member
without its own list under EU), else their time zone's country; every country's lines follow, none left out."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token

from reverie.care.services import alerts, safety
from reverie.clinic.services import local_time
from reverie.clinic.services.safety import directory

pytestmark = pytest.mark.django_db


def test_the_api_check_in_lists_the_eu_lines_first_for_a_plan_in_spain(paired: tuple[Any, Any]) -> None:
    """Before, the check-in sorted the countries by the plan's code, "ES", which lists no lines of its own: the
    United States stayed first. The plan's country is read as its lines are, 112 under EU."""
    client, _ = paired
    safety.save_plan(client, {"coping_steps": ["a walk"], "crisis_country": "ES"})
    alerts.request_check_in(client, None)
    pending = as_token(client).get("check-in").json()["pending"]
    assert pending["crisis_lines"][0]["country"] == "EU"


def test_the_api_check_in_lists_the_time_zones_country_first_without_a_plan(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    local_time.set_time_zone(client, "Pacific/Auckland")
    alerts.request_check_in(client, None)
    pending = as_token(client).get("check-in").json()["pending"]
    assert pending["crisis_lines"][0]["country"] == "NZ"
    assert len(pending["crisis_lines"]) == len(directory().countries)
