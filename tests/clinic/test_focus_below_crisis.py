"""h105 (after review r90): a refused form's first box takes focus (h104), except on a page that carries crisis
content above the form: the check-in banner (base.html) or a PHQ-9's question 9 answered above 0 (its words and the
crisis lines). There the page opens on the help, and the refusal's summary comes after it (clinic/web/form_focus.py)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
FUTURE = {"kind": "dream", "body": "A quiet dream about a boat.", "happened_at": "2099-12-31T10:00"}


def test_a_refused_write_page_under_the_check_in_banner_keeps_focus_off_the_refused_box(
    paired: Any, web_as: Any
) -> None:
    client, _therapist = paired
    plain = web_as(client).post("/write/", FUTURE).content.decode()
    assert (
        'id="check-in"' not in plain and "autofocus" in plain
    )  # h104: no crisis content, the box takes focus

    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    assert alerts.pending_check_in(client) is not None
    html = web_as(client).post("/write/", FUTURE).content.decode()
    assert 'id="check-in"' in html and 'id="id_happened_at"' in html
    assert "autofocus" not in html  # neither the refused box nor the body box moves the page off the banner
    assert html.index('id="check-in"') < html.index('role="alert"')
    again = web_as(client).post("/write/", FUTURE).content.decode()  # the reminder on later pages, the same
    assert 'id="check-in"' in again and "autofocus" not in again


def test_a_refused_phq9_with_question_9_answered_puts_its_words_first_and_takes_no_focus(
    dit: Any, web_as: Any
) -> None:
    client, _therapist, _course = dit
    answers = {f"item{n}": "0" for n in (1, 2, 4, 5, 6, 7, 8)}
    calm = web_as(client).post("/measures/fill/phq9/", answers).content.decode()
    assert "you do not have to carry it alone" not in calm and "autofocus" in calm
    html = web_as(client).post("/measures/fill/phq9/", {**answers, "item9": "3"}).content.decode()
    assert "autofocus" not in html
    said = html.index("you do not have to carry it alone")
    assert (
        said
        < html.index('id="lines-heading"')
        < html.index('class="error" role="alert"')
        < html.index('id="item3"')
    )
