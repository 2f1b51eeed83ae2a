"""The faults review r45's survey of every page on a 360x740 phone found (test_phone_survey.py), one page and one
property each: each failed before its fix."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MOST_CLIENT_PAGE_PX = 6000  # about eight screens of a 740-px phone


def test_r45_a_full_journal_page_stays_under_6000px_on_a_phone_and_every_entry_is_reached(
    phone: Any, live_server: Any, make_user: Any
) -> None:
    """The journal's first page, with the demo's 40 entries, is at most 6,000 px tall on a 360-px phone (it was
    9,251 px), and following "Older entries" reaches every entry, the filter kept."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft
    from review_r30_history import entries

    client = make_user("mira")
    texts = [row["text"] for row in entries()] * 2  # 40 ordinary entries, as many as the demo writes
    made = {str(journal.create_entry(client, EntryDraft(kind="reflection", body=text)).id) for text in texts}
    _sign_in_as(phone, client, live_server)
    phone.goto("/journal/?kind=reflection")
    height = phone.evaluate("document.scrollingElement.scrollHeight")
    assert height <= MOST_CLIENT_PAGE_PX, f"/journal/ is {height} px tall at 360 px"
    seen: set[str] = set()
    for _ in range(len(texts)):
        hrefs = phone.eval_on_selector_all("ul.entries a.entry-card", "els => els.map(e => e.pathname)")
        seen |= {href.strip("/").split("/")[-1] for href in hrefs}
        older = phone.locator("nav.pager a", has_text="Older entries")
        if not older.count():
            break
        assert "kind=reflection" in (older.get_attribute("href") or "")
        older.click()
        phone.wait_for_load_state()
    assert seen == made, f"{len(made - seen)} of {len(made)} entries never listed"


def test_r45_the_clients_score_chart_writes_dates_as_words(
    phone: Any, live_server: Any, dit: tuple[Any, Any, Any]
) -> None:
    """The client's "Scores over time" chart labels its days as the page does (12 Jan 2026), never 2026-01-12."""
    from reverie.care.services import measures

    client, _, course = dit
    measures.submit(client, "phq9", [1] * 9, course_id=course.id, session_number=2)
    _sign_in_as(phone, client, live_server)
    phone.goto(f"/courses/{course.id}/measures/")
    shown = phone.inner_text("main")
    tips = phone.eval_on_selector_all("main svg title, main svg desc", "els => els.map(e => e.textContent)")
    raw = re.findall(r"\d{4}-\d\d-\d\d", shown + " ".join(tips))
    assert not raw, f"ISO dates on a client's page: {raw}"


def test_r45_the_export_page_gives_a_client_no_command_line(
    phone: Any, live_server: Any, make_user: Any
) -> None:
    """The export page describes its formats in a client's words, without a command to type (reverie journal import)
    or a file format's code name (JSON)."""
    client = make_user("ines")
    _sign_in_as(phone, client, live_server)
    phone.goto("/export/")
    shown = phone.inner_text("main")
    assert "reverie journal import" not in shown and "JSON" not in shown, shown


def test_r45_the_therapists_client_patterns_page_speaks_to_the_therapist(
    phone: Any, live_server: Any, shared_history: Any
) -> None:
    """The therapist's page of a client's patterns: no instruction meant for the client ("Tick how you feel when you
    write"), no "1 quarters", and quarters as months ("Jan–Mar 2026"), never "2026-Q1"."""
    client, therapist, _, _ = shared_history
    _sign_in_as(phone, therapist, live_server)
    phone.goto(f"/clients/{client.pk}/insights/")
    phone.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    shown = phone.inner_text("main")
    drawn = " ".join(
        phone.eval_on_selector_all(
            "main svg text, main svg title, main svg desc", "els => els.map(e => e.textContent)"
        )
    )
    assert "Tick how you feel" not in shown
    assert not re.findall(r"\b1 (?:quarters|items|dreams|episodes)\b", shown + drawn), shown
    assert not re.findall(r"\b\d{4}-Q[1-4]\b", shown + drawn), re.findall(
        r".{30}\d{4}-Q[1-4].{10}", shown + drawn
    )
