"""The printed patterns report and the risk screen: evidence quotes never repeat the words the risk screen read, in
the body or the title, and the report carries the crisis lines when its period holds an entry the screen flagged
(holes found by review r77 after h82)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pdf_words import pdf_text

from web_client import signed_in

DAYS = [
    ("", "My mother rang and we argued about Christmas again. I felt angry and small.", ("anger", 4)),
    ("", "Coffee with Priya. I laughed properly for the first time in weeks.", ("joy", 3)),
    ("", "I dreamt my mother locked me out of the house and I was scared.", None),
    ("", "Work was heavy. My boss moved the deadline and I felt anxious all day.", ("fear", 3)),
    ("", "My mother sent a kind message and I did not know what to feel.", ("sadness", 2)),
    ("I want to kill myself", "My mother rang again and shouted at me.", ("sadness", 5)),
]


def _journal(client: Any) -> None:
    """Five weeks of entries about the client's mother, each analysed by Reverie's own pipeline; the newest is
    titled with words the save-time risk screen flags."""
    from reverie.clinic.services import analysis, journal, local_time
    from reverie.clinic.services.journal import EntryDraft, Feeling

    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    start = datetime(2026, 10, 1, 21, 0, tzinfo=ZoneInfo("Europe/London"))
    for n, (title, body, felt) in enumerate(DAYS):
        view = journal.create_entry(
            client,
            EntryDraft(
                kind="dream" if "dreamt" in body else "reflection",
                body=body,
                title=title,
                happened_at=start + timedelta(days=6 * n),
                feelings=(Feeling(*felt),) if felt else (),
            ),
        )
        analysis.analyse_stored_entry(view.id, view.revision)


@pytest.mark.django_db
@pytest.mark.db
def test_a_title_the_risk_screen_flags_is_not_printed_and_the_report_carries_the_crisis_lines(
    make_user: Any,
) -> None:
    """A client titles an entry "I want to kill myself" (the body is about their mother). The save-time risk screen
    flags it (an 'ideation' screen: the safety flow has it), but the patterns report prints that title as the
    evidence of "… entries mention your parents or childhood" and has no safety plan or crisis line: the evidence
    quote looks for risk words only in the analysed body (insights.evidence_labels/_risk_words read the analysis,
    which never reads the title) and risk_in_report asks the analysis, not the screen. The title should never be
    printed back, and the report should lead with the safety plan and crisis lines, as for risk words in a body."""
    from reverie.clinic.models import EntryScreen

    client = make_user()
    _journal(client)
    flagged = EntryScreen.objects.filter(entry__client=client).exclude(level__in=("none", "unscreened"))
    assert flagged.exists()  # the screen read the title's words

    report = signed_in(client).get("/insights/report.pdf")
    assert report.status_code == 200
    text = pdf_text(report.content)
    assert "mention your parents or childhood" in text  # the pattern and its evidence are printed
    assert "kill myself" not in text, "the flagged title is quoted as evidence"
    assert "If you are not safe right now" in text, (
        "no safety plan or crisis line in a period with a flagged entry"
    )


@pytest.mark.django_db
@pytest.mark.db
def test_a_risk_phrase_cut_by_the_quote_is_not_printed_in_part(make_user: Any) -> None:
    """An entry reads "My mother rang again today and we argued I want to end my life. Then we had tea." The risk
    screen reads "end my life". The report's evidence quote is cut at 60 characters, between "my" and "life", so
    the check (the phrase's first 12 characters in the quote) misses it and the report prints “… we argued I want to
    end my …”: the risk sentence, one word short. The quote should stop before the risk words (here: nothing left
    to quote, so the entry is named by its date only)."""
    from reverie.clinic.models import Entry
    from reverie.clinic.services import analysis, insights, journal
    from reverie.clinic.services.journal import EntryDraft

    client = make_user()
    body = "My mother rang again today and we argued I want to end my life. Then we had tea."
    at = datetime(2026, 10, 1, 21, 0, tzinfo=ZoneInfo("UTC"))
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=body, happened_at=at))
    analysis.analyse_stored_entry(view.id, view.revision)
    entry = Entry.objects.get(pk=view.id)
    assert insights._risk_words(entry, journal._view(entry))  # the screen read risk words in it
    label = insights.evidence_labels(client, [str(view.id)])[str(view.id)]
    assert "end my" not in label, f"printed: {label}"
