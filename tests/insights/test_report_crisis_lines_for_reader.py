"""Review r126: the printed patterns report a client downloads from the Patterns page, when a period holds an entry
the risk screen flagged, gives crisis lines: they must be lines the client can call (h154: the lines every page and
the command line give her, ``care.services.safety.lines_for_person``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pdf_words import pdf_text

from web_client import signed_in

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
DAYS = (
    "Mum rang and we argued about Christmas again.",
    "Coffee with Priya. I laughed for the first time in weeks.",
    "Work was heavy and I felt anxious all day.",
    "A quiet evening; I read until late.",
    RISKY,
)


def test_a_uk_clients_report_gives_uk_crisis_lines(make_user: Any) -> None:
    """Nora lives in London: her time zone is Europe/London and her safety plan names the United Kingdom as the
    country of her crisis lines. One of her entries this month is flagged by the risk screen, so the report she
    prints from Patterns says "If you are not safe right now ... these lines can help today:" and lists only the
    United States' (988, 741741, 911) and Canada's lines, numbers that do not answer from the UK, and never
    Samaritans (clinic.services.insights._safety_lines prints the first two countries of the packaged list,
    whoever reads it; the check-in's API already puts the plan's country first). The report should give the lines
    of her plan's country, first."""
    from reverie.care.services import safety

    client = _in_london(make_user("nora"))
    safety.save_plan(client, {"warning_signs": ["not sleeping"], "crisis_country": "GB"})
    text = _report_text(client)
    assert "If you are not safe right now" in text  # the period holds the flagged entry
    assert "Samaritans" in text, "the report's crisis lines leave out her own country's"
    if "United States:" in text:  # other countries' lines may follow hers, never come first
        assert text.index("United Kingdom:") < text.index("United States:"), text


def test_a_uk_clients_report_without_a_plan_gives_her_time_zones_country_first(make_user: Any) -> None:
    """h154: with no plan yet, the report gives each country's first line as the pages do, hers (her time zone's,
    Europe/London) first (``care.services.safety.lines_for_person``), every other after."""
    text = _report_text(_in_london(make_user("nora")))
    assert "If you are not safe right now" in text
    assert text.index("United Kingdom: Samaritans") < text.index("United States:"), text


def _in_london(client: Any) -> Any:
    from reverie.clinic.services import local_time

    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    return client


def _report_text(client: Any) -> str:
    """The client's month of entries (one the risk screen flags), analysed, and the report she prints."""
    from reverie.clinic.services import analysis, journal
    from reverie.clinic.services.journal import EntryDraft

    start = datetime(2026, 10, 1, 23, 30, tzinfo=ZoneInfo("Europe/London"))
    for n, body in enumerate(DAYS):
        view = journal.create_entry(
            client, EntryDraft(kind="reflection", body=body, happened_at=start + timedelta(days=3 * n))
        )
        analysis.analyse_stored_entry(view.id, view.revision)  # the patterns are read from the analyses
    report = signed_in(client).get("/insights/report.pdf")
    assert report.status_code == 200
    return pdf_text(report.content)
