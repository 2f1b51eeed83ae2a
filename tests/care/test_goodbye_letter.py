"""The goodbye letter and the formulation's sharing in a therapist's week (review r26): two tabs on the letter do
not lose a save (the edit-conflict check of the progress note and the formulation), a given letter stays the one
the client read, and Share shares only the version the page showed. Only the clock is mocked."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import pytest

from course_week import LONDON, hidden_fields
from reverie.care.models import Course
from reverie.care.services import course as courses
from reverie.care.services import formulation
from reverie.errors import Conflict, StaleEdit

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_two_tabs_on_the_goodbye_letter_do_not_lose_the_first_save(running: Any, web_as: Any) -> None:
    """Two tabs on the goodbye letter: the second save, made from a page that never showed the first, is refused as
    a conflict (the text kept in the form) instead of silently replacing the first."""
    _client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)  # session 13 is over: the ending phase
    url = f"/courses/{course.id}/letter/"
    tab_a, tab_b = web_as(therapist), web_as(therapist)
    form_a = hidden_fields(tab_a.get(url).content.decode(), "write")
    form_b = hidden_fields(tab_b.get(url).content.decode(), "write")
    # the letter's one form: Save and Give are its buttons ("action"), the browser sends the one pressed
    saving = {"action": "write"}
    assert (
        tab_a.post(url, {**form_a, **saving, "text": "Dear A, what we found together ..."}).status_code == 302
    )
    page = tab_b.post(url, {**form_b, **saving, "text": "Dear A, a shorter draft"})
    assert page.status_code == 409
    assert "a shorter draft" in page.content.decode()
    assert "what we found together" in page.content.decode()  # the letter saved now, shown above the form
    assert courses.read_letter(therapist, course.id) == "Dear A, what we found together ..."
    again = hidden_fields(
        page.content.decode(), "write"
    )  # saving again on purpose, from the page that showed it
    assert tab_b.post(url, {**again, **saving, "text": "Dear A, a shorter draft"}).status_code == 302
    assert courses.read_letter(therapist, course.id) == "Dear A, a shorter draft"


def test_the_same_letter_save_sent_twice_is_no_conflict(running: Any) -> None:
    _client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    courses.write_letter(therapist, course.id, "Dear A,", base_version=0)
    courses.write_letter(therapist, course.id, "Dear A,", base_version=0)  # a double tap
    with pytest.raises(StaleEdit):
        courses.write_letter(therapist, course.id, "Dear A, again", base_version=0)
    assert courses.letter_version(therapist, course.id) == 1


def test_a_given_letter_is_not_changed_under_the_client(running: Any, web_as: Any) -> None:
    """The letter the client was given stays the letter they read: a rewrite after giving it does not silently
    replace it on the client's page; it is refused with a plain message and the text kept in the form."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    courses.write_letter(therapist, course.id, "Dear A, the letter as given.")
    courses.give_letter(therapist, course.id)
    assert courses.read_letter(client, course.id) == "Dear A, the letter as given."
    page = web_as(therapist).post(
        f"/courses/{course.id}/letter/", {"action": "write", "text": "Dear A, rewritten."}
    )
    assert page.status_code == 409
    assert (
        "was given to the client" in page.content.decode() and "Dear A, rewritten." in page.content.decode()
    )
    assert courses.read_letter(client, course.id) == "Dear A, the letter as given."
    with pytest.raises(Conflict):
        courses.write_letter(therapist, course.id, "Dear A, rewritten.")
    courses.write_letter(
        therapist, course.id, "Dear A, the letter as given."
    )  # the same text: nothing changes
    shown = web_as(therapist).get(f"/courses/{course.id}/letter/").content.decode()
    assert 'value="write"' not in shown and "stays as they read it" in shown


def test_sharing_from_a_page_that_showed_version_1_does_not_show_the_client_a_later_unseen_draft(
    running: Any, web_as: Any
) -> None:
    """Share pressed on a page that showed version 1, after version 2 was saved in another tab, does not put
    version 2 (which the sharer never saw on that page) in front of the client: 409, nothing shared, the page
    shows what changed."""
    client, therapist, course, _clock = running
    url = f"/courses/{course.id}/formulation/"
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "agreed in session"})
    tab_a = web_as(therapist)
    share_form = hidden_fields(tab_a.get(url).content.decode(), f"/courses/{course.id}/formulation/share/")
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "my private hypothesis"}, base_version=1
    )  # tab B
    page = tab_a.post(f"/courses/{course.id}/formulation/share/", share_form)
    assert page.status_code == 409 and "Nothing was shared" in page.content.decode()
    assert "my private hypothesis" in page.content.decode()  # version 2, shown to the therapist now
    seen = (
        [v.values["ipaf_self"] for v in formulation.versions(client, course.id)]
        if Course.objects.get(pk=course.pk).formulation_shared
        else []
    )
    assert "my private hypothesis" not in seen
    again = hidden_fields(page.content.decode(), f"/courses/{course.id}/formulation/share/")
    assert tab_a.post(f"/courses/{course.id}/formulation/share/", again).status_code == 302
    assert Course.objects.get(pk=course.pk).formulation_shared


def test_giving_from_a_page_that_showed_an_older_letter_gives_nothing(running: Any, web_as: Any) -> None:
    """Give pressed on a page that showed version 1, after version 2 was saved in another tab, gives nothing (409)
    and shows the letter saved now; given from that page, it is the one given."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    url = f"/courses/{course.id}/letter/"
    courses.write_letter(therapist, course.id, "Dear A, first.")
    tab_a = web_as(therapist)
    give = {
        **hidden_fields(tab_a.get(url).content.decode(), "give"),
        "action": "give",
        "text": "Dear A, first.",
    }
    courses.write_letter(therapist, course.id, "Dear A, unseen second.", base_version=1)  # tab B
    page = tab_a.post(url, give)
    assert page.status_code == 409 and "unseen second" in page.content.decode()
    assert courses.read_letter(client, course.id) is None
    # the box still holds tab A's text: giving now would give a letter other than the one in it, so it is refused
    kept = {**hidden_fields(page.content.decode(), "give"), "action": "give", "text": "Dear A, first."}
    refused = tab_a.post(url, kept)
    assert refused.status_code == 400 and "not saved yet" in refused.content.decode()
    assert "Dear A, first." in refused.content.decode() and courses.read_letter(client, course.id) is None
    # taking the saved letter into the box, then Give: that one is given
    taken = {
        **hidden_fields(page.content.decode(), "give"),
        "action": "give",
        "text": "Dear A, unseen second.",
    }
    assert tab_a.post(url, taken).status_code == 302
    assert courses.read_letter(client, course.id) == "Dear A, unseen second."


@pytest.mark.django_db(transaction=True)
def test_a_letter_saved_in_another_tab_while_giving_is_not_given_unseen(
    running: Any, monkeypatch: Any
) -> None:
    """Give from a page that showed version 1 never gives a version 2 saved (another tab) during the give (review
    r28). The other tab's save is a request of its own (its own connection), started where it would land: between
    give's version check and its write. Before, give checked an unlocked read and the save went through there;
    now give holds the letter as write_letter does, so the save waits and finds the letter given (refused)."""
    import threading

    from django.db import connection

    from reverie.care.models import GoodbyeLetter

    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)  # the ending phase
    courses.write_letter(therapist, course.id, "Dear A, first.", base_version=0)
    real_save = GoodbyeLetter.save
    other_tab: list[object] = []

    def second_tab() -> None:
        try:
            courses.write_letter(therapist, course.id, "Dear A, unseen second.", base_version=1)
            other_tab.append("saved")
        except Exception as exc:  # refused (the letter was given meanwhile) is the right answer
            other_tab.append(exc)
        finally:
            connection.close()

    racer, sent = threading.Thread(target=second_tab), []

    def save(self: Any, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("update_fields") == ["given_at"] and not sent:
            sent.append(1)
            racer.start()  # the other tab's save, sent between give's version check and its write
            racer.join(2)  # done at once where nothing holds the letter; otherwise it waits for the give
        real_save(self, *args, **kwargs)

    monkeypatch.setattr(GoodbyeLetter, "save", save)
    with contextlib.suppress(Conflict, StaleEdit):  # refusing the give is fine
        courses.give_letter(therapist, course.id, version=1)
    racer.join(60)
    assert sent and other_tab, "the other tab's save was sent"
    given = courses.read_letter(client, course.id)
    assert given in (None, "Dear A, first."), f"the client was given a letter the giver never saw: {given!r}"
    assert isinstance(other_tab[0], Conflict) or given is None, other_tab


def test_the_letter_is_drafted_before_the_ending_phase_and_given_only_in_it(
    running: Any, web_as: Any
) -> None:
    """Review r133 fault 9. At session 7 (middle phase) the letter page said nothing of the phase; "Save the letter"
    was refused ("The goodbye letter belongs to the ending phase of the course.", nothing saved) and the refused
    page offered "Give the letter to the client" for the unsaved text, whose refusal ("Write the goodbye letter
    first.") emptied the box. DIT therapists draft the letter a session or two ahead: it is saved as a draft at any
    time, the page says on arrival from which session it can be given, Give is offered only for a saved letter in
    the ending phase, and a refused give keeps the typed text."""
    client, therapist, course, clock = running  # Tuesday 10 February: session 7 is next, the middle phase
    url = f"/courses/{course.id}/letter/"
    web = web_as(therapist)
    first = web.get(url).content.decode()
    assert "it can be given to the client from session 13, the ending phase." in first
    assert 'value="give"' not in first
    saved = web.post(
        url, {**hidden_fields(first, "write"), "action": "write", "text": "Dear D, a short letter."}
    )
    assert saved.status_code == 302
    assert courses.read_letter(therapist, course.id) == "Dear D, a short letter."
    assert courses.read_letter(client, course.id) is None  # a draft: the client does not see it
    page = web.get(url).content.decode()
    assert "Dear D, a short letter." in page and "Saved as your draft" in page
    assert 'value="give"' not in page
    # Give sent anyway (an old page, a forged post) before the ending phase: refused in words, the typed text kept
    refused = web.post(
        url, {**hidden_fields(page, "write"), "action": "give", "text": "Dear D, a longer letter."}
    )
    said = refused.content.decode()
    assert refused.status_code == 400
    assert "The goodbye letter can be given from session 13, the ending phase." in said
    assert "Dear D, a longer letter." in said and courses.read_letter(client, course.id) is None
    # in the ending phase: Give is offered for the saved letter, and gives it
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    web = web_as(therapist)  # signed in again: two months on, the sign-in has expired
    page = web.get(url).content.decode()
    assert "from session 13, the ending phase, which is now." in page and 'value="give"' in page
    given = web.post(
        url, {**hidden_fields(page, "give"), "action": "give", "text": "Dear D, a short letter."}
    )
    assert given.status_code == 302 and courses.read_letter(client, course.id) == "Dear D, a short letter."


def test_give_is_never_offered_for_an_unsaved_letter(running: Any, web_as: Any) -> None:
    """In the ending phase with no letter saved, the page offers Save only; Give sent anyway says to save first and
    keeps the text; Give with changes not saved yet gives nothing and keeps them."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    url = f"/courses/{course.id}/letter/"
    web = web_as(therapist)
    page = web.get(url).content.decode()
    assert 'value="give"' not in page
    refused = web.post(
        url, {**hidden_fields(page, "write"), "action": "give", "text": "Dear D, never saved."}
    )
    assert refused.status_code == 400
    assert "Save the goodbye letter first" in refused.content.decode()
    assert "Dear D, never saved." in refused.content.decode()
    assert 'value="give"' not in refused.content.decode()
    courses.write_letter(therapist, course.id, "Dear D, saved.", base_version=0)
    page = web.get(url).content.decode()
    changed = web.post(
        url, {**hidden_fields(page, "give"), "action": "give", "text": "Dear D, saved. And more."}
    )
    assert changed.status_code == 400 and "not saved yet" in changed.content.decode()
    assert "Dear D, saved. And more." in changed.content.decode()
    assert courses.read_letter(client, course.id) is None
