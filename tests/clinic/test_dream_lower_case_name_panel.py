"""Review r134 fault 6, end to end through the stored analysis: "my sister lena" typed in lower case reads back on the
dream's page as "your sister Lena", as "my sister Lena" does. The analysis reads entities only on sentences with a
proper noun, and a lower-case name is none, so the coder asks the entity reader about that sentence itself (coder
1.2.2)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["lena", "Lena"])
def test_my_sister_lena_reads_back_as_your_sister_lena(make_user: Any, web_as: Any, name: str) -> None:
    alice = make_user()
    body = f"In the dream my father and my sister {name} were on a small boat. The sea was calm and I felt happy."
    view = journal.create_entry(alice, EntryDraft(kind="dream", body=body, people=("father", name)))
    analysis.analyse_stored_entry(view.id, 1)
    page = html.unescape(web_as(alice).get(f"/journal/{view.id}/?show=1").content.decode())
    assert "Your father and your sister Lena appear in the dream." in re.sub(r"<[^>]+>", "", page)
