"""The patterns page with few entries while some wait for the worker says once that they are being read (h148).

Before, the "still reading" note on top and the few-entries sentence under it both said it: "Reverie is still
reading 2 of your entries in the background; …" then "So far there are 2 entries, and Reverie is still reading 2 of
them. …"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from configured import configured
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _main_text(page: str) -> str:
    """The page's main text as words, tags taken out."""
    main = page.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def _write(client: Any, count: int, *, shared: bool = False) -> None:
    for n in range(count):
        made = journal.create_entry(
            client, EntryDraft(kind="reflection", body=f"A walk by the river, day {n}.")
        )
        if shared:
            journal.set_shared(client, made.id, True)


def test_client_few_entries_page_says_once_that_entries_are_being_read(make_user: Any) -> None:
    """A client with 2 entries the worker has not read yet opens their patterns: the page should say once that
    Reverie is still reading them, with how many there are, and the way back to writing."""
    client = make_user("h148-few")
    with configured(REVERIE_ANALYSIS="background"):
        _write(client, 2)
        said = _main_text(signed_in(client).get("/insights/?show=1").content.decode())
    assert said.count("still reading") == 1, said
    assert "So far there are 2 entries, and Reverie is still reading 2 of them." in said, said
    assert "Write an entry" in said, said


def test_therapist_few_entries_page_says_once_that_entries_are_being_read(paired: tuple[Any, Any]) -> None:
    """The same on the therapist's patterns page of a client who shared 2 entries not read yet."""
    client, therapist = paired
    with configured(REVERIE_ANALYSIS="background"):
        _write(client, 2, shared=True)
        said = _main_text(signed_in(therapist).get(f"/clients/{client.pk}/insights/").content.decode())
    assert said.count("still reading") == 1, said
    assert "the client has shared 2 entries with you, and Reverie is still reading 2 of them." in said, said
