"""Review r133 fault 10: saving a progress note (or adding a process note) brought the session page back with the
text in its box and nothing else: a save could not be told from a reload. The page now says "Saved at HH:MM." once,
beside the note just saved, at the time the note was stored, in the therapist's zone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.models import ProgressNote, TherapistNote
from reverie.clinic.services import local_time

pytestmark = pytest.mark.django_db


def _hhmm(therapist: Any, moment: Any) -> str:
    return moment.astimezone(local_time.zone_of(therapist)).strftime("%H:%M")


def test_saving_a_progress_note_says_saved_at_once(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    _client, therapist, course = dit
    web = web_as(therapist)
    url = f"/courses/{course.id}/sessions/1/"
    assert "Saved at" not in web.get(url).content.decode()  # nothing saved yet: nothing said
    answer = web.post(url, {"action": "progress", "text": "We talked about the calls.", "base_version": "0"})
    assert answer.status_code == 302
    page = web.get(answer["Location"]).content.decode()
    note = ProgressNote.objects.get(course=course)
    assert f'<p class="ok saved" role="status">Saved at {_hhmm(therapist, note.updated_at)}.</p>' in page
    assert page.index("Saved at") < page.index('id="progress"')  # beside the progress note, above its box
    assert "Saved at" not in web.get(url).content.decode()  # a reload says nothing more
    # an edit says it again, at the edit's time
    edited = web.post(
        url, {"action": "progress", "text": "We talked about the calls, and the loan.", "base_version": "1"}
    )
    assert edited.status_code == 302
    note.refresh_from_db()
    page = web.get(url).content.decode()
    assert len(re.findall(r"Saved at \d\d:\d\d\.", page)) == 1 and _hhmm(therapist, note.updated_at) in page


def test_adding_a_process_note_says_saved_at_beside_the_process_notes(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    _client, therapist, course = dit
    web = web_as(therapist)
    url = f"/courses/{course.id}/sessions/1/"
    answer = web.post(
        url, {"action": "note", "kind": "process", "text": "I felt sleepy when she spoke of her father."}
    )
    assert answer.status_code == 302
    page = web.get(url).content.decode()
    note = TherapistNote.objects.get(course=course)
    assert len(re.findall(r"Saved at \d\d:\d\d\.", page)) == 1
    assert f"Saved at {_hhmm(therapist, note.created_at)}." in page
    assert page.index("Process notes and observations") < page.index("Saved at") < page.index('id="note"')
    # a refused save says no "Saved at": the error and the typed text instead
    refused = web.post(url, {"action": "note", "kind": "process", "text": "   "})
    assert refused.status_code == 400 and "Saved at" not in refused.content.decode()
