"""A client's erasure and their therapist's records: the client is told before, the therapist after; nothing goes
silently (issue 11, item 4)."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care import models as care
from reverie.care.services import erasure, notes
from reverie.clinic.services import portability

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def test_erasure_notice_client_is_told_what_the_therapist_loses(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "private words")
    notes.add_therapist_note(therapist, course.id, "process", "more private words")
    [loss] = erasure.losses(client)
    assert loss.therapist == therapist
    assert {"1 progress note", "1 course of therapy"} <= set(loss.lines)
    assert loss.removed["process_notes"] == 1 and not any("process" in line for line in loss.lines)
    page = web_as(client).get("/account/erase/").content.decode()
    assert "process note" not in page  # the therapist's own record: not even how many (as in the privacy log)
    assert "Your therapist&#x27;s records go too" in page or "Your therapist's records go too" in page
    assert therapist.username in page and "1 progress note" in page and "They will be told" in page


def test_erasure_notice_therapist_is_told_after_on_the_caseload(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    client, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "private words")
    notes.add_therapist_note(therapist, course.id, "process", "more private words")
    name = client.username
    portability.erase_client(client, name, PASSWORD)
    assert not care.ProgressNote.objects.exists()  # removed with the key that sealed them
    [notice] = care.ErasureNotice.objects.filter(therapist=therapist)
    assert (
        notice.client_username == name and notice.removed["v"] == 1 and notice.removed["progress_notes"] == 1
    )
    web = web_as(therapist)
    home = web.get("/").content.decode()
    assert f"<strong>{name}</strong> erased their account" in home and "1 progress note" in home
    assert "1 process note" in home  # the therapist is told of their own notes
    assert "private words" not in home
    web.post("/caseload/notices/read/", {"notice": str(notice.pk)})
    assert "erased their account" not in web.get("/").content.decode()


def test_erasure_notice_is_only_marked_read_by_its_therapist(
    dit: tuple[Any, Any, Any], make_user: Any, web_as: Any
) -> None:
    client, _, _ = dit
    portability.erase_client(client, client.username, PASSWORD)
    notice = care.ErasureNotice.objects.get()
    other = make_user(role="therapist")
    web_as(other).post("/caseload/notices/read/", {"notice": str(notice.pk)})
    notice.refresh_from_db()
    assert notice.read_at is None
