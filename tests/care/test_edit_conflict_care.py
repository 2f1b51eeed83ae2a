"""The formulation and the safety plan: a save made from an old copy never silently replaces a newer one."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from reverie.care.services import formulation, safety
from reverie.errors import StaleEdit
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def _base(page: bytes) -> str:
    found = re.search(r'name="base_version" value="(\d*)"', page.decode())
    assert found is not None, "the form carries the version it was filled from"
    return found.group(1)


def test_formulation_save_from_an_old_version_is_refused(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "first"}, base_version=0)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "second"}, base_version=1)
    with pytest.raises(StaleEdit) as info:
        formulation.save_formulation(therapist, course.id, {"ipaf_self": "from an old tab"}, base_version=1)
    assert info.value.current == 2 and "old tab" not in str(info.value)
    assert [v.version for v in formulation.versions(therapist, course.id)] == [1, 2]
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "no base: as before"})
    assert formulation.versions(therapist, course.id)[-1].values["ipaf_self"] == "no base: as before"


def test_web_formulation_second_tab_keeps_the_typed_text(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    web, path = _as(therapist), f"/courses/{course.id}/formulation/"
    tab_a, tab_b = _base(web.get(path).content), _base(web.get(path).content)
    assert web.post(path, {"base_version": tab_a, "ipaf_self": "saved in tab A"}).status_code == 302
    typed = "typed in tab B & kept"
    refused = web.post(path, {"base_version": tab_b, "ipaf_self": typed})
    assert refused.status_code == 409 and b"changed somewhere else" in refused.content
    assert html.escape(typed).encode() in refused.content and b"saved in tab A" in refused.content
    assert _base(refused.content) == "1"
    assert [v.values["ipaf_self"] for v in formulation.versions(therapist, course.id)] == ["saved in tab A"]
    assert web.post(path, {"base_version": "1", "ipaf_self": typed}).status_code == 302
    assert formulation.versions(therapist, course.id)[-1].values["ipaf_self"] == typed


def test_safety_plan_save_from_an_old_version_is_refused(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    safety.save_plan(client, {"coping_steps": ["a walk"]}, base_version=0)
    safety.save_plan(therapist, {"coping_steps": ["a walk", "call Sam"]}, client, base_version=1)
    with pytest.raises(StaleEdit) as info:
        safety.save_plan(client, {"coping_steps": ["only a bath"]}, base_version=1)
    assert info.value.current == 2 and "bath" not in str(info.value)
    plan = safety.get_plan(client)
    assert plan is not None and safety.form_initial(plan)["coping_steps"] == "a walk\ncall Sam"
    assert safety.plan_version(client) == 2


def test_web_safety_plan_edited_by_client_and_therapist_at_once(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    safety.save_plan(client, {"coping_steps": ["a walk"]})
    mine, theirs = _as(client), _as(therapist)
    own, other = "/safety/plan/", f"/clients/{client.pk}/safety-plan/"
    base_client, base_therapist = _base(mine.get(own).content), _base(theirs.get(other).content)
    assert base_client == base_therapist == "1"
    saved = mine.post(own, {"base_version": base_client, "coping_steps": "a walk\nsing loudly"})
    assert saved.status_code == 200 and _base(saved.content) == "2"
    refused = theirs.post(other, {"base_version": base_therapist, "coping_steps": "a walk\ncall the clinic"})
    assert refused.status_code == 409
    assert b"call the clinic" in refused.content and b"sing loudly" in refused.content
    assert _base(refused.content) == "2"
    plan = safety.get_plan(client)
    assert plan is not None and safety.form_initial(plan)["coping_steps"] == "a walk\nsing loudly"
    again = theirs.post(other, {"base_version": "2", "coping_steps": "a walk\nsing loudly\ncall the clinic"})
    assert again.status_code == 200 and safety.plan_version(client) == 3


def test_progress_note_rewrite_from_an_old_version_is_refused(dit: tuple[Any, Any, Any]) -> None:
    from reverie.care.services import notes

    _, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "first", base_version=0)
    notes.write_progress_note(therapist, course.id, 1, "second", base_version=1)
    with pytest.raises(StaleEdit) as info:
        notes.write_progress_note(therapist, course.id, 1, "from an old tab", base_version=1)
    assert info.value.current == 2 and "old tab" not in str(info.value)
    assert [(n.text, n.version) for n in notes.progress_notes(therapist, course.id)] == [("second", 2)]
    notes.write_progress_note(therapist, course.id, 1, "no base: as before")
    assert [n.text for n in notes.progress_notes(therapist, course.id)] == ["no base: as before"]


def test_web_progress_note_second_tab_keeps_the_typed_text(dit: tuple[Any, Any, Any]) -> None:
    from reverie.care.services import notes

    _, therapist, course = dit
    web, path = _as(therapist), f"/courses/{course.id}/sessions/1/"
    tab_a, tab_b = _base(web.get(path).content), _base(web.get(path).content)
    assert tab_a == tab_b == "0"
    form = {"action": "progress"}
    assert web.post(path, {**form, "base_version": tab_a, "text": "saved in tab A"}).status_code == 302
    refused = web.post(path, {**form, "base_version": tab_b, "text": "typed in tab B"})
    assert refused.status_code == 409 and b"changed somewhere else" in refused.content
    assert b"typed in tab B" in refused.content and b"saved in tab A" in refused.content
    assert _base(refused.content) == "1"
    assert [n.text for n in notes.progress_notes(therapist, course.id)] == ["saved in tab A"]
    assert web.post(path, {**form, "base_version": "1", "text": "typed in tab B"}).status_code == 302
    assert [n.text for n in notes.progress_notes(therapist, course.id)] == ["typed in tab B"]


def _race(save: Callable[[str], object]) -> list[str]:
    """Two saves at once, each on its own connection: what each came to ("saved", "refused" or the error's type)."""
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def one(text: str) -> None:
        try:
            start.wait()
            save(text)
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("refused")
        except Exception as exc:  # the point: no other error (a 500 page) may come out of the race
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(t,)) for t in ("from tab A", "from tab B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_first_saves_at_once_one_saved_one_refused_never_an_integrity_error(
    dit: tuple[Any, Any, Any],
) -> None:
    # base 0 ("none yet") locks no row: on PostgreSQL both saves passed the check and the second one's insert hit
    # the unique constraint (IntegrityError, a 500 page) instead of the 409 conflict page
    from reverie.care.services import notes

    client, therapist, course = dit
    assert _race(lambda t: notes.write_progress_note(therapist, course.id, 1, t, base_version=0)) == [
        "refused",
        "saved",
    ]
    assert _race(
        lambda t: formulation.save_formulation(therapist, course.id, {"ipaf_self": t}, base_version=0)
    ) == [
        "refused",
        "saved",
    ]
    assert _race(lambda t: safety.save_plan(client, {"coping_steps": [t]}, base_version=0)) == [
        "refused",
        "saved",
    ]
    assert [n.version for n in notes.progress_notes(therapist, course.id)] == [1]
    assert [v.version for v in formulation.versions(therapist, course.id)] == [1]
    assert safety.plan_version(client) == 1


@pytest.mark.parametrize("damaged", ["abc", "-1", "99999999999999999999"])
def test_web_damaged_base_is_not_replaced_by_the_stored_version(
    dit: tuple[Any, Any, Any], damaged: str
) -> None:
    # the formulation and safety plan pages answered a damaged base ("open it again") with a form whose base was
    # the version stored now, so clicking Save again replaced a save made meanwhile without showing it: the
    # damaged value stays (as on the entry and progress note forms) until the page is opened again
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "saved meanwhile"})
    safety.save_plan(client, {"coping_steps": ["saved meanwhile"]})
    web = _as(therapist)
    pages = {
        f"/courses/{course.id}/formulation/": {"ipaf_self": "typed"},
        f"/clients/{client.pk}/safety-plan/": {"coping_steps": "typed"},
    }
    for path, typed in pages.items():
        refused = web.post(path, {**typed, "base_version": damaged})
        assert refused.status_code == 400 and b"The form is damaged" in refused.content
        assert b"typed" in refused.content
        assert f'name="base_version" value="{damaged}"'.encode() in refused.content, path
        assert web.post(path, {**typed, "base_version": damaged}).status_code == 400
    assert formulation.versions(therapist, course.id)[-1].values["ipaf_self"] == "saved meanwhile"
    plan = safety.get_plan(client)
    assert plan is not None and safety.form_initial(plan)["coping_steps"] == "saved meanwhile"


def test_web_care_form_sent_twice_a_double_tap_is_not_a_conflict(dit: tuple[Any, Any, Any]) -> None:
    # a double tap on Save posts the same form twice from one base: the second answered 409 "changed somewhere
    # else" with the therapist's own words shown as the other save. Identical to what is stored: that save again.
    from reverie.care.services import notes

    client, therapist, course = dit
    web = _as(therapist)
    forms = {
        f"/courses/{course.id}/formulation/": {"ipaf_self": "the same words"},
        f"/clients/{client.pk}/safety-plan/": {"coping_steps": "the same words"},
        f"/courses/{course.id}/sessions/1/": {"action": "progress", "text": "the same words"},
    }
    for path, typed in forms.items():
        form = {**typed, "base_version": _base(web.get(path).content)}
        first = web.post(path, form)
        again = web.post(path, form)
        assert again.status_code == first.status_code and first.status_code in (200, 302), path
        assert b"changed somewhere else" not in again.content
        assert (
            web.post(path, {**form, next(iter(typed.keys() - {"action"})): "other words"}).status_code == 409
        )
    assert [v.version for v in formulation.versions(therapist, course.id)] == [1]
    assert safety.plan_version(client) == 1
    assert [n.version for n in notes.progress_notes(therapist, course.id)] == [1]
