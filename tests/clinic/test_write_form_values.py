"""The write form never drops a feeling: ticks and intensities survive errors; the tick alone says a feeling is
there (a strength without its tick is not one, review r126); the edit form shows feelings as boxes and unticking
one takes it off; a feeling-only check-in is an entry."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling

pytestmark = pytest.mark.django_db


def _ticked(html: str, name: str) -> bool:
    return (
        re.search(rf'<input type="checkbox" id="feel_{name}" name="feel_{name}" value="1" checked>', html)
        is not None
    )


def _level(html: str, name: str) -> str:
    select = re.search(rf'<select id="int_{name}".*?</select>', html, re.S)
    assert select is not None
    chosen = re.search(r'<option value="(\d?)" selected>', select.group(0))
    return chosen.group(1) if chosen else ""


def test_ticks_and_intensities_survive_a_service_error(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    form = {
        "kind": "reflection",
        "body": "He left early again.",
        "title": "Tuesday",
        "feel_anger": "1",
        "int_anger": "5",
        "feel_shame": "1",
        "int_fear": "2",
        "other_feelings": "awe 9",  # refused by the service: intensities are 1 to 5
    }
    page = web.post("/write/", form)
    html = page.content.decode()
    assert page.status_code == 400 and "1 to 5" in html and "Your text is still here" in html
    assert _ticked(html, "anger") and _level(html, "anger") == "5"
    assert _ticked(html, "shame") and _level(html, "shame") == ""
    assert not _ticked(html, "fear") and _level(html, "fear") == "2"  # a strength alone: shown as sent
    assert not _ticked(html, "joy")
    assert "He left early again." in html and 'value="Tuesday"' in html and 'value="awe 9"' in html
    assert not Entry.objects.exists()


def test_ticks_survive_a_form_error(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    page = web.post(
        "/write/",
        {"kind": "reflection", "body": "x", "title": "t" * 300, "feel_grief": "1", "int_grief": "4"},
    )
    html = page.content.decode()
    assert page.status_code == 400 and _ticked(html, "grief") and _level(html, "grief") == "4"


def test_an_intensity_without_its_tick_is_not_a_feeling(make_user: Any, web_as: Any) -> None:
    """The tick box says a feeling is there (review r126): a strength left in a select whose box is unticked (as a
    browser without JavaScript sends it) is not saved, and nothing is refused."""
    user = make_user()
    response = web_as(user).post(
        "/write/", {"kind": "reflection", "body": "words", "int_fear": "4", "feel_joy": "1"}
    )
    assert response.status_code == 302
    (view,) = journal.list_entries(user)
    assert set(view.feelings) == {Feeling("joy", 3)}


def test_unticking_a_feeling_on_the_edit_page_takes_it_off_without_javascript(
    make_user: Any, web_as: Any
) -> None:
    """The edit page fills fear's select with its stored 4; a browser without JavaScript sends that strength back
    when fear is unticked. The entry then holds relief alone (review r126)."""
    user = make_user()
    view = journal.create_entry(
        user, EntryDraft(kind="reflection", body="fine", feelings=(Feeling("fear", 4), Feeling("relief", 2)))
    )
    web = web_as(user)
    html = web.get(f"/journal/{view.id}/edit/").content.decode()
    assert _ticked(html, "fear") and _level(html, "fear") == "4"
    sent = {"kind": "reflection", "body": "fine", "base_revision": "1", "int_fear": "4"}
    sent |= {"feel_relief": "1", "int_relief": "2"}
    assert web.post(f"/journal/{view.id}/edit/", sent).status_code == 302
    assert journal.get_entry(user, view.id).feelings == (Feeling("relief", 2),)


def test_a_feeling_only_check_in_is_an_entry(make_user: Any, web_as: Any) -> None:
    user = make_user()
    response = web_as(user).post(
        "/write/", {"kind": "reflection", "body": "", "feel_relief": "1", "int_relief": "2"}
    )
    assert response.status_code == 302
    (view,) = journal.list_entries(user)
    assert view.body == "" and view.feelings == (Feeling("relief", 2),)
    empty = web_as(user).post("/write/", {"kind": "reflection", "body": ""})
    assert empty.status_code == 400 and "tick a feeling" in empty.content.decode()


def test_the_edit_form_shows_feelings_as_boxes_and_saves_unchanged(make_user: Any, web_as: Any) -> None:
    user = make_user()
    view = journal.create_entry(
        user, EntryDraft(kind="dream", body="a boat", feelings=(Feeling("anger", 5), Feeling("awe", 3)))
    )
    web = web_as(user)
    html = web.get(f"/journal/{view.id}/edit/").content.decode()
    assert _ticked(html, "anger") and _level(html, "anger") == "5"
    assert 'value="awe 3"' in html and "anger 5" not in html
    saved = web.post(
        f"/journal/{view.id}/edit/",
        {"kind": "dream", "body": "a boat", "feel_anger": "1", "int_anger": "5", "other_feelings": "awe 3"},
    )
    assert saved.status_code == 302  # not "listed twice"
    assert journal.get_entry(user, view.id).feelings == (Feeling("anger", 5), Feeling("awe", 3))


def test_an_empty_entry_is_refused_without_saying_its_text_is_still_there(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    page = web.post("/write/", {"kind": "free_association", "body": "   ", "title": ""})
    html = page.content.decode()
    assert page.status_code == 400 and 'role="alert"' in html
    assert "Your text is still here" not in html
    assert not Entry.objects.exists()


def test_other_feelings_read_a_strength_written_out_of_5(make_user: Any, web_as: Any) -> None:
    """ "awe 4/5" is how every entry page writes a feeling: typed in "Other feelings" it is awe at 4 (review r126),
    as "awe 4" is; a name without a number is that name at 3."""
    user = make_user()
    sent = {
        "kind": "reflection",
        "body": "The sky.",
        "other_feelings": "awe 4/5, dread 2, quiet dread, wonder 5 / 5",
    }
    assert web_as(user).post("/write/", sent).status_code == 302
    (view,) = journal.list_entries(user)
    assert view.feelings == (
        Feeling("awe", 4),
        Feeling("dread", 2),
        Feeling("quiet dread", 3),
        Feeling("wonder", 5),
    )


@pytest.mark.parametrize("typed", ["awe 9/5", "awe 4/10", "awe 0/5"])
def test_other_feelings_refuse_a_strength_out_of_range_on_their_box(
    make_user: Any, web_as: Any, typed: str
) -> None:
    """A strength that is not 1 to 5 out of 5 is a plain refusal on "Other feelings", naming the feeling by its
    place, never by its name; the words are kept and nothing is saved."""
    web = web_as(make_user())
    page = web.post(
        "/write/", {"kind": "reflection", "body": "The sky.", "feel_joy": "1", "other_feelings": typed}
    )
    html = page.content.decode()
    assert page.status_code == 400 and "The sky." in html and f'value="{typed}"' in html
    box = re.search(r'<input[^>]*name="other_feelings"[^>]*>', html)
    assert box is not None and 'aria-invalid="true"' in box.group(0)
    assert "2nd feeling" in html
    assert not Entry.objects.exists()
