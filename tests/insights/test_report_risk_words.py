"""The printed patterns report and the risk screen (review r67): a pattern's evidence never quotes the words the risk
screen read (the entry page's rule, ``insights.observations.without_risk_words``), and a report over a period with a
risk finding carries the safety plan and crisis lines, as the pages do."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pdf_words import pdf_text

from web_client import signed_in

DAYS = [
    ("My mother rang and we argued about Christmas again. I felt angry and small.", ("anger", 4)),
    ("Coffee with Priya. I laughed properly for the first time in weeks.", ("joy", 3)),
    ("I dreamt my mother locked me out of the house and I was scared.", None),
    ("Work was heavy. My boss moved the deadline and I felt anxious all day.", ("fear", 3)),
    ("My mother sent a kind message and I did not know what to feel.", ("sadness", 2)),
    ("I want to kill myself tonight. My mother rang again and shouted at me.", ("sadness", 5)),
]


def _journal(client: Any) -> None:
    """Five weeks of entries about the client's mother, each analysed by Reverie's own pipeline; the newest begins
    with words the risk screen reads."""
    from reverie.clinic.services import analysis, journal, local_time
    from reverie.clinic.services.journal import EntryDraft, Feeling

    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    start = datetime(2026, 10, 1, 21, 0, tzinfo=ZoneInfo("Europe/London"))
    for n, (body, felt) in enumerate(DAYS):
        view = journal.create_entry(
            client,
            EntryDraft(
                kind="dream" if "dreamt" in body else "reflection",
                body=body,
                happened_at=start + timedelta(days=6 * n),
                feelings=(Feeling(*felt),) if felt else (),
            ),
        )
        analysis.analyse_stored_entry(view.id, view.revision)


@pytest.mark.django_db
@pytest.mark.db
def test_the_printed_report_never_quotes_risk_words_and_carries_the_crisis_lines(make_user: Any) -> None:
    """A client writes, over five weeks, about their mother; the newest entry begins "I want to kill myself
    tonight." Their printed patterns once quoted that sentence as the evidence of "… entries mention your parents or
    childhood", in a report with no safety plan and no crisis line. Now the entry is named by its date alone (no
    sentence before the risk words to quote) and the report leads with the safety plan and crisis lines."""
    from reverie.clinic.models import EntryScreen

    client = make_user()
    _journal(client)
    risky = EntryScreen.objects.filter(entry__client=client).exclude(level__in=("none", "unscreened"))
    assert risky.exists()  # the risk screen read the words (the safety flow has them)

    report = signed_in(client).get("/insights/report.pdf")
    assert report.status_code == 200
    text = pdf_text(report.content)
    assert "mention your parents or childhood" in text  # the pattern is printed, with its evidence
    assert "kill myself" not in text
    assert "31 Oct 2026" in text  # the flagged entry is still named, by its date
    assert "My mother rang and we argued" in text  # other entries are still quoted
    assert "If you are not safe right now" in text
    assert "safety plan" in text.lower() and "crisis" in text.lower()


@pytest.mark.django_db
@pytest.mark.db
def test_the_evidence_quotes_the_words_before_the_risk_words_and_never_them(make_user: Any) -> None:
    """An entry whose risk words come after a first sentence is quoted up to that sentence, as the entry page
    quotes it (``without_risk_words``); an entry with no risk finding keeps its first words."""
    from reverie.clinic.models import Entry
    from reverie.clinic.services import analysis, insights, journal
    from reverie.clinic.services.journal import EntryDraft

    client = make_user()
    bodies = ("My mother rang again. I want to kill myself tonight.", "My mother rang and we laughed.")
    for n, body in enumerate(bodies):
        at = datetime(2026, 10, 1 + n, 21, 0, tzinfo=ZoneInfo("UTC"))
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=body, happened_at=at))
        analysis.analyse_stored_entry(view.id, view.revision)
    ids = [str(e.id) for e in Entry.objects.filter(client=client).order_by("happened_at")]
    labels = insights.evidence_labels(client, ids)
    assert labels[ids[0]].endswith("“My mother rang again.”")
    assert labels[ids[1]].endswith("“My mother rang and we laughed.”")
