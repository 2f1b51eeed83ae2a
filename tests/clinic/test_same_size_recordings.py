"""A second recording of the same length is a new recording, not a replay of the first."""

from __future__ import annotations

import io
import uuid
import wave
from typing import Any

import pytest

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import keys

pytestmark = pytest.mark.django_db


def _wav(sample: int, name: str) -> io.BytesIO:
    """One second of 8 kHz mono sound: every such recording has exactly the same size in bytes."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes([sample]) * 8000)
    out.seek(0)
    out.name = name
    return out


def _stored_recordings(client: Any) -> list[bytes]:
    return [
        keys.open_for(client, str(a.id), "attachment.data", a.payload)
        for a in Attachment.objects.filter(entry__client=client)
    ]


def test_a_new_recording_of_the_same_size_is_not_taken_for_a_replay(make_user: Any, web_as: Any) -> None:
    """``journal.recent_same`` treats a new submission as a Back-then-Save replay when the words match and the
    attachments have the same *sizes*; it never compares their bytes. Two music entries with no words (allowed: the
    recording is the entry) and two different recordings of the same length (WAV: size = duration) within half an
    hour: the second is not saved, the page says "you saved these same words ... kept them once", and its "Save them
    again" button copies the FIRST recording. The second recording is lost either way."""
    mia = make_user("t-music")
    web = web_as(mia)
    first, second = _wav(10, "take-1.wav"), _wav(200, "take-2.wav")
    second_bytes = second.getvalue()
    assert len(first.getvalue()) == len(second_bytes) and first.getvalue() != second_bytes
    for take in (first, second):
        response = web.post(
            "/write/", {"kind": "music", "body": "", "entry_id": str(uuid.uuid4()), "attachment": take}
        )
        assert response.status_code == 302
    again = response["Location"]
    if "kept=1" in again:  # the page's offer: "Save them again as a new entry"
        token = again.split("t=")[1]
        web.post(again.split("?")[0] + "again/", {"entry_id": token})
    assert Entry.objects.filter(client=mia).count() == 2
    stored = _stored_recordings(mia)
    assert any(r == second_bytes for r in stored), "the second recording was never stored (first one copied)"
