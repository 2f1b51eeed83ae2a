"""h64: the API reads a jrnl file with old-Mac ``\\r`` line endings as the entries it holds (the same service and
the same line splitting as the command line, tests/clinic/test_jrnl_import_doors.py)."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token

from reverie.clinic.models import Entry

LINES = ["[2026-03-10 09:00] Slept badly.", "", "[2026-03-11 18:05] Long day.", "The meeting ran over.", ""]
CR_FILE = "\r".join(LINES).encode()


@pytest.mark.django_db
def test_api_reads_a_jrnl_file_with_cr_line_endings_as_its_entries(make_user: Any) -> None:
    person = make_user()
    answer = as_token(person).call("POST", "import", raw=CR_FILE)
    assert answer.status_code == 200, answer.content
    assert answer.json()["created"] == 2
    assert Entry.objects.filter(client=person).count() == 2
