"""Review r132: a person who answers "I need help now" reads their own country's emergency number among the lines
read first, when Reverie knows their country from their time zone.

Before, a client in London whose safety plan names no country read "United Kingdom · Samaritans" and then one line
per other country, and "Or call your local emergency number." with no number: 999 was only inside the closed
"United Kingdom" fold-out under "More lines in each country" (when the plan named the United Kingdom, all its lines,
999 included, came first). Their time zone's country's lines now come first whole, each named with its country,
then every other country's first line."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import alerts, safety
from reverie.clinic.services import local_time
from reverie.clinic.services.safety import directory
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _first_block(html: str) -> str:
    return html.split('class="lines first-lines"', 1)[1].split("</ul>", 1)[0]


def test_a_londoner_without_a_plans_country_reads_999_among_the_first_lines(make_user: Any) -> None:
    client = make_user("nora")
    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    crisis = safety.lines_for_person(client)
    uk = [line.name for line in directory().countries["GB"]]
    assert [one.line.name for one in crisis.first[: len(uk)]] == uk
    assert all(one.country == "GB" and not one.from_plan for one in crisis.first[: len(uk)])
    assert "United Kingdom · Emergency services" in [one.label for one in crisis.first]
    # every other country keeps its first line, in the same order as before, none twice
    others = [one.country for one in crisis.first[len(uk) :]]
    assert others == [c.country for c in crisis.countries[1:] if c.lines]

    check_in = alerts.request_check_in(client, None)
    web = signed_in(client)
    page = web.post("/check-in/", {"check_in": str(check_in.pk), "answer": "need_help"}, follow=True)
    html = page.content.decode()
    assert page.status_code == 200, page.status_code
    first = _first_block(html)
    assert 'href="tel:999"' in first, first[:600]
    assert first.index("tel:116123") < first.index("tel:999") < first.index("tel:988")


def test_signed_out_or_a_zone_of_no_listed_country_keeps_one_line_per_country(make_user: Any) -> None:
    fixed = list(directory().countries)
    assert [one.country for one in safety.lines_for_person(None).first] == fixed
    client = make_user("kenji")
    local_time.set_time_zone(client, "Asia/Tokyo")
    client.refresh_from_db()
    assert [one.country for one in safety.lines_for_person(client).first] == fixed
