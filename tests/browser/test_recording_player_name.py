"""a music entry's recording on a 360-px phone in real headless Chromium, as a screen reader meets it."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

import pytest
from browser_phone import signed_in_to_write, wait_until_true

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _recording() -> bytes:
    """1.28 s of 8 kHz mono sound (a saw tooth), a WAV any browser plays."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes(range(256)) * 40)
    return out.getvalue()


def test_a_recording_s_player_has_a_name_a_screen_reader_says(
    phone: Any, make_user: Any, tmp_path: Path
) -> None:
    """A client records a voice note ("humming at 2 a.m.wav") and saves it as a music entry on their phone. The
    entry page shows a playable ``<audio controls>`` player (it loads and fits the 360-px screen) with the file's
    name in a ``<span>`` beside it, but nothing ties the two: Chromium's accessibility tree gives the player an
    empty name (no ``aria-label``, ``aria-labelledby`` or ``title``), so a screen reader announces only "audio"
    and, on an entry of several recordings, which one is which cannot be told. The player should be named by its
    recording (e.g. labelled by the file name beside it)."""
    page = phone
    signed_in_to_write(page, make_user, "ana")
    take = tmp_path / "humming at 2 a.m.wav"
    take.write_bytes(_recording())
    page.select_option("#id_kind", "music")
    page.fill("#id_body", "couldn't sleep, hummed this")
    page.set_input_files("#id_attachment", str(take))
    page.click("button[type=submit]:has-text('Save')")
    page.wait_for_selector("audio")
    wait_until_true(page, "document.querySelector('audio').readyState >= 1")  # it loads: a playable recording
    box = page.locator("audio").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    players = [n for n in tree["nodes"] if n.get("role", {}).get("value") == "Audio"]
    assert len(players) == 1, [n.get("role") for n in tree["nodes"]][:40]
    name = players[0].get("name", {}).get("value", "")
    assert "humming at 2 a.m" in name, f"the recording's player has the accessible name {name!r}"
