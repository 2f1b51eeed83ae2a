"""A person in therapy, on a phone: sign up, write every kind of entry, link and share, export, the safety plan, erase."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_waits import shown

from reverie.clinic.services import people

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f5d8"
    "e6a50000000049454e44ae426082"
)
OGG = b"OggS" + bytes(60)


def _write(page: Any, kind: str, body: str, feelings: dict[str, str] | None = None) -> None:
    page.goto("/write/")
    page.select_option("#id_kind", kind)
    page.fill("#id_body", body)
    for name, level in (feelings or {}).items():
        page.check(f"#feel_{name}")
        page.select_option(f"#int_{name}", level)
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")


def test_browser_client_journey(phone: Any, shot: Any, tmp_path: Path, make_user: Any) -> None:
    page = phone
    page.goto("/")
    page.wait_for_url("**/setup/")
    shot(page, "first-run")
    page.fill("#id_username", "robin")
    page.fill("#id_password", "a long phone password")
    page.check("input[value=client]")
    page.click("button:has-text('Create account')")
    page.wait_for_selector("#id_body")
    shot(page, "write")

    _write(page, "free_association", "Trains, my grandmother's kitchen, the smell of rain.", {"longing": "4"})
    _write(page, "dream", "I was on a boat and my father would not look at me.", {"love": "4", "anger": "5"})
    assert shown(page.locator("text=love 4/5")) and shown(page.locator("text=anger 5/5"))
    shot(page, "dream")
    _write(page, "daydream", "A house by the sea where nobody needs anything from me.")

    page.goto("/write/")
    page.select_option("#id_kind", "mindful_choice")  # opens its three parts (review r132)
    page.fill("#id_situation", "He was late again")
    page.fill("#id_urge", "Leave without a word")
    page.fill("#id_choice", "Told him it hurt")
    page.fill("#id_body", "I stayed with the feeling for a minute first.")
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert shown(page.locator("text=Told him it hurt"))

    art = tmp_path / "drawing.png"
    art.write_bytes(PNG)
    page.goto("/write/")
    page.select_option("#id_kind", "art")  # opens the box for the picture (review r132)
    page.set_input_files("#id_attachment", str(art))
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert page.locator("img.art").count() == 1

    song = tmp_path / "song.ogg"
    song.write_bytes(OGG)
    page.goto("/write/")
    page.select_option("#id_kind", "music")
    page.set_input_files("#id_attachment", str(song))
    page.click("button:has-text('Save')")
    page.wait_for_url("**/journal/*/")
    assert page.locator("audio").count() == 1

    page.goto("/journal/")
    assert page.locator(".entry-row").count() == 6
    shot(page, "journal")
    page.fill("#q", "boat")
    page.click("button:has-text('Filter')")
    assert page.locator(".entry-row").count() == 1
    page.click(".entry-row a")
    page.wait_for_url("**/journal/*/")
    entry_url = page.url
    # no therapist linked yet: no one to share with, so no share button, and a line saying why
    assert shown(page.locator("text=once a therapist is linked with you"))
    assert page.locator("button:has-text('Share with my therapist')").count() == 0
    therapist = make_user("dr-rowan", role="therapist")
    page.goto("/pair/")
    page.fill("#code", people.issue_invitation(therapist))
    page.click("button:has-text('Link')")
    assert shown(page.locator("text=You are now linked"))
    page.goto(entry_url)
    page.click("button:has-text('Share with my therapist')")
    assert shown(page.locator("button:has-text('Stop sharing')"))

    page.click("nav a.safety")
    assert shown(page.locator("text=988").first)
    shot(page, "safety")

    page.goto("/export/")
    with page.expect_download() as download:
        page.click("button:has-text('Download')")
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["schema"] == "reverie.export/10" and len(exported["entries"]) == 6

    page.goto("/account/erase/")
    page.fill("#confirm", "robin")
    page.fill("#password", "a long phone password")
    page.click("button:has-text('Erase everything')")
    assert shown(page.locator("text=Everything is erased"))


def test_browser_bad_input_keeps_the_text(phone: Any) -> None:
    page = phone
    page.goto("/setup/")
    page.fill("#id_username", "sky")
    page.fill("#id_password", "a long phone password")
    page.click("button:has-text('Create account')")
    page.wait_for_selector("#id_body")
    page.select_option("#id_kind", "dream")
    page.fill("#id_happened_at", "2999-01-01T03:00")
    page.fill("#id_body", "A dream I must not lose")
    page.click("button:has-text('Save')")
    assert shown(page.locator("[role=alert]").first)
    assert page.input_value("#id_body") == "A dream I must not lose"
