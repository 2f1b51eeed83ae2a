"""h154: one choice of crisis lines for the person reading, on every surface (``care.services.safety.
lines_for_person``): every country's lines, theirs first (their safety plan's country, then their time zone's, then
the rest in the file's order, none left out), and the lines read first (their plan's country's, else their time
zone's country's lines and each other country's first line, in that order: r132). Signed out, or in a zone of no country with lines, the order is fixed and the page says
so. Before (r126) the safety page and the check-in banner listed the United States first for a client in London,
whatever their time zone, and the printed report gave the United States' and Canada's lines.

Nothing is mocked: a real database, the web through Django's test client, the command line's
own function in this process."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from reverie.care.services import alerts, safety
from reverie.clinic.services import local_time
from reverie.clinic.services.safety import directory
from web_client import signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"  # tests/conftest.py's make_user
FIRST_LINE = re.compile(r"<li><strong>([^<]+)</strong> · ([^:<]+):")
HEADING = re.compile(r"<h2>([^<]+)</h2>")


def _in(user: Any, zone: str) -> Any:
    local_time.set_time_zone(user, zone)
    user.refresh_from_db()
    return user


def _plan(user: Any, country: str) -> None:
    safety.save_plan(user, {"coping_steps": ["a walk"], "crisis_country": country})


def _first_countries(html: str) -> list[str]:
    """The countries of the first-lines list ("United Kingdom · Samaritans"), in page order."""
    block = html.split('class="lines first-lines"', 1)[1].split("</ul>", 1)[0]
    return [country for country, _ in FIRST_LINE.findall(block)]


def _banner(html: str) -> str:
    return html.split('id="check-in"', 1)[1].split("</section>", 1)[0]


# the one function


def test_nobody_signed_in_reads_the_files_order_and_is_told_it_is_not_theirs() -> None:
    crisis = safety.lines_for_person(None)
    fixed = list(directory().countries)
    assert [c.country for c in crisis.countries] == fixed
    assert [one.country for one in crisis.first] == fixed and not crisis.from_plan
    assert crisis.order_note == safety.FIXED_ORDER


def test_a_client_in_london_without_a_plan_reads_the_uk_first(make_user: Any) -> None:
    crisis = safety.lines_for_person(_in(make_user("nora"), "Europe/London"))
    assert crisis.countries[0].country == "GB"
    assert sorted(c.country for c in crisis.countries) == sorted(directory().countries)  # none left out
    assert crisis.first[0].label == "United Kingdom · Samaritans" and not crisis.from_plan
    # the United Kingdom's lines whole, 999 among them (review r132), then each other country's first line
    assert len(crisis.first) == len(directory().countries["GB"]) + len(crisis.countries) - 1
    assert crisis.order_note == ""


def test_the_plans_country_comes_before_the_time_zones(make_user: Any) -> None:
    """A client living in London whose plan names Ireland (where they are staying): Ireland's lines are the ones
    read first, the United Kingdom's next, every other country after."""
    client = _in(make_user("aoife"), "Europe/London")
    _plan(client, "IE")
    crisis = safety.lines_for_person(client)
    assert [c.country for c in crisis.countries[:2]] == ["IE", "GB"]
    assert crisis.from_plan and {one.country for one in crisis.first} == {"IE"}
    assert [one.line.name for one in crisis.first] == [line.name for line in directory().countries["IE"]]
    assert crisis.in_words()[0] == (crisis.first[0].line.name, crisis.first[0].line.instruction)


def test_a_plan_in_an_eu_member_without_its_own_list_reads_112_first(make_user: Any) -> None:
    client = make_user("lucia")
    _plan(client, "ES")
    crisis = safety.lines_for_person(client)
    assert crisis.countries[0].country == "EU" and crisis.from_plan
    assert [one.line.instruction for one in crisis.first] == [
        x.instruction for x in directory().countries["EU"]
    ]


def test_a_zone_of_a_country_without_lines_keeps_the_fixed_order_and_says_so(make_user: Any) -> None:
    crisis = safety.lines_for_person(_in(make_user("kenji"), "Asia/Tokyo"))
    assert [c.country for c in crisis.countries] == list(directory().countries)
    assert crisis.order_note == safety.FIXED_ORDER


# the web's pages


def test_the_safety_page_signed_out_says_its_order_is_fixed() -> None:
    page = Client().get("/safety/").content.decode()
    headings = HEADING.findall(page)
    assert headings.index("United States") < headings.index("United Kingdom")
    assert safety.FIXED_ORDER in page


def test_the_safety_page_lists_a_londoners_country_first(make_user: Any) -> None:
    page = signed_in(_in(make_user("nora"), "Europe/London")).get("/safety/").content.decode()
    headings = HEADING.findall(page)
    assert headings.index("United Kingdom") < headings.index("United States"), headings
    assert safety.FIXED_ORDER not in page
    assert sorted(h for h in headings if h != "My safety plan") == sorted(
        c.name for c in safety.lines_for_person(None).countries
    )


def test_the_check_in_banner_lists_a_londoners_country_first(make_user: Any) -> None:
    client = _in(make_user("nora"), "Europe/London")
    alerts.request_check_in(client, None)
    banner = _banner(signed_in(client).get("/safety/").content.decode())
    assert 'class="check-in-lines"' in banner  # the full showing
    assert _first_countries(banner)[0] == "United Kingdom", _first_countries(banner)


def test_the_check_in_banner_gives_the_plans_countrys_lines(make_user: Any) -> None:
    client = make_user("nora")
    _plan(client, "GB")
    alerts.request_check_in(client, None)
    banner = _banner(signed_in(client).get("/safety/").content.decode())
    assert "<strong>Samaritans</strong>" in banner and "<strong>Shout</strong>" in banner
    # the US line by its text and its links (a bare "988" can be in a form's random id: nothing random may fail a test)
    assert "United States" not in banner and "988 Suicide" not in banner
    assert 'href="tel:988"' not in banner and 'href="sms:988"' not in banner
    other = make_user("nell")  # the same check sees the US line where the plan's country is the US
    _plan(other, "US")
    alerts.request_check_in(other, None)
    assert 'href="tel:988"' in _banner(signed_in(other).get("/safety/").content.decode())


def test_the_check_in_page_lists_a_dubliners_country_first(make_user: Any) -> None:
    client = _in(make_user("aoife"), "Europe/Dublin")
    alerts.request_check_in(client, None)
    page = signed_in(client).get("/check-in/").content.decode()
    assert _first_countries(page)[0] == "Ireland", _first_countries(page)


def test_question_9_answered_lists_the_clients_country_first(dit: tuple[Any, Any, Any]) -> None:
    client, _, _ = dit
    _in(client, "Australia/Sydney")
    answers = {f"item{n}": "1" for n in range(1, 9)} | {"item9": "2", "session": "1"}
    page = signed_in(client).post("/measures/fill/phq9/", answers).content.decode()
    assert "better off dead" in page
    section = page.split('id="lines-heading"', 1)[1]
    assert _first_countries(section)[0] == "Australia", _first_countries(section)


def test_the_sign_in_page_keeping_a_cry_for_help_says_its_order_is_fixed(dit: tuple[Any, Any, Any]) -> None:
    client, _, _ = dit
    web = Client()
    assert web.post("/login/", {"username": client.username, "password": PASSWORD}).status_code == 302
    session = web.session
    session["last_seen"] = 0  # signed out by the idle timeout, as the person answers
    session.save()
    page = web.post("/check-in/", {"check_in": "1", "answer": "need_help"})
    assert page.status_code == 401 and 'id="lines-heading"' in page.content.decode()
    assert safety.FIXED_ORDER in page.content.decode()


# the command line


def test_the_command_line_lists_a_londoners_country_first(
    dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    from reverie.cli import care_cmds

    client, _, _ = dit
    _in(client, "Europe/London")
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    care_cmds.measure_fill("phq9", "0,0,0,0,0,0,0,0,2", user=client.username, session=1)
    out = capsys.readouterr().out
    assert out.index("United Kingdom · Samaritans") < out.index("United States ·"), out
