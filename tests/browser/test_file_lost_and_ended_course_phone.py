"""h161: the pages h156 and h155 changed, on a 360x740 phone in real Chromium, held to the phone survey's goals (text
>= 12 px, tap targets at least 24x24, no sideways overflow, no raw code in a client's words): the refused-form page,
the sign-in page and the words shown back after it, each saying the one sentence about a picture that was not kept
(``drafts.file_lost``: "attach it again" for an art entry), and the questionnaire form of an ended course ("This
course ended on …"). With ``REVERIE_REVIEW_SHOTS=FOLDER`` each page is saved there for a reviewer to look at."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from browser_phone import PASSWORD, shot_if_asked, signed_in_to_write
from browser_waits import shown
from phone_measure import measure
from test_check_in_390 import _sign_in_as
from test_phone_survey import faults

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
WORDS = "The harbour at night, drawn from memory."
LONDON = ZoneInfo("Europe/London")
PICTURE = {"name": "harbour.png", "mimeType": "image/png", "buffer": PNG}


def _held_to_the_goals(page: Any, name: str, said: str) -> None:
    page.wait_for_load_state()
    shot_if_asked(page, name)
    assert shown(page.get_by_text(said).first)
    row = measure(page)
    row.update(who="client", path=name, status=200)
    assert faults(row) == [], faults(row)
    assert page.evaluate(CUT_OFF) == [], name  # no words hidden past a box's edge


# One-line boxes whose text runs past their edge: what a person typed, cut off where they cannot see it.
CUT_OFF = """() => [...document.querySelectorAll('input:not([type]), input[type=text]')]
  .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1).map(e => e.name)"""


def _art_with_its_picture(page: Any, make_user: Any, name: str) -> None:
    signed_in_to_write(page, make_user, name)
    page.select_option("#id_kind", "art")
    page.fill("#id_body", WORDS)
    page.set_input_files("input[type=file]", files=[PICTURE])


def _signed_in_again(page: Any, name: str) -> None:
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Log in and save my entry')")
    page.wait_for_selector("button:has-text('Save it now')")


def test_a_picture_not_kept_is_said_on_the_sign_in_page_and_the_words_shown_back_at_360px(
    phone: Any, make_user: Any
) -> None:
    """An art entry with its picture, sent after the session ended (its cookie gone, the form's own token still
    good): the sign-in page, then the words shown back after signing in, each with the one sentence about the
    picture, the words kept."""
    from reverie.clinic.models import Entry
    from reverie.clinic.web import drafts

    page = phone
    _art_with_its_picture(page, make_user, "nadia")
    kept = [c for c in page.context.cookies() if "session" not in c["name"]]
    page.context.clear_cookies()
    page.context.add_cookies(kept)  # the session ended while writing; the form's token is still good
    page.click("form:has(#id_body) button:has-text('Save')")
    page.wait_for_selector("button:has-text('Log in and save my entry')")
    _held_to_the_goals(page, "2_sign_in_page", drafts.FILE_LOST)
    _signed_in_again(page, "nadia")
    _held_to_the_goals(page, "3_words_shown_back", drafts.FILE_LOST)
    # the words in a box of many lines, as on the write page (they were in a one-line box, cut off at 360 px)
    assert page.locator("textarea[name=body]").input_value() == WORDS
    assert Entry.objects.count() == 0
    # "attach it again", and a box to do it right here (it said so with nowhere to attach it)
    page.set_input_files("#back_attachment", files=[PICTURE])
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    (entry,) = Entry.objects.all()
    assert entry.attachments.count() == 1


def test_a_picture_not_kept_is_said_on_the_refused_form_page_at_360px(phone: Any, make_user: Any) -> None:
    """The same entry sent after every cookie was cleared (a private window closed): the refused-form page says
    the sentence beside the words kept."""
    from reverie.clinic.web import drafts

    page = phone
    _art_with_its_picture(page, make_user, "omar")
    page.context.clear_cookies()
    page.click("form:has(#id_body) button:has-text('Save')")
    page.wait_for_selector("button:has-text('Save again')")
    _held_to_the_goals(page, "1_refused_form_page", drafts.FILE_LOST)
    assert shown(page.locator("#again_attachment"))  # where to attach it again
    page.click("button:has-text('Save again')")
    page.wait_for_selector("button:has-text('Log in and save my entry')")
    page.wait_for_load_state()
    shot_if_asked(page, "1b_sign_in_after_refused_form")
    _signed_in_again(page, "omar")
    page.wait_for_load_state()
    shot_if_asked(page, "1c_words_shown_back_after_refused_form")
    # sent again without it, the sign-in no longer knows a picture was lost: the box is there all the same
    assert shown(page.locator("#back_attachment"))


def test_the_questionnaire_of_an_ended_course_says_so_at_360px(
    phone: Any, live_server: Any, paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """A weekly course from Monday 5 January 2026 ended on Saturday 31 January; on Tuesday 10 February its client
    opens the PHQ-9 for it: the form says the course ended, on which day, and takes no answers."""
    from course_clock import START
    from course_week import Clock
    from reverie.care.services import course as courses
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    clock = Clock(monkeypatch, datetime(2026, 1, 2, 9, tzinfo=LONDON))
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    clock.at = datetime(2026, 2, 10, 12, tzinfo=LONDON)
    courses.end_course(therapist, course.id, date(2026, 1, 31))
    page = phone
    _sign_in_as(page, client, live_server)
    page.goto(f"/measures/fill/phq9/?course={course.id}")
    _held_to_the_goals(page, "4_ended_course_measure_form", "This course ended on 31 Jan 2026")
    # nothing to fill in only to be refused: no questions, no Send (all nine were offered), a way on
    assert page.locator("input[type=radio]").count() == 0
    assert page.locator("button:has-text('Send')").count() == 0
    assert shown(page.locator("a:has-text('My scores over time')"))
