"""Review r27: a dream kept as a title alone ("Teeth falling out again") is words the person wrote, never lost
(moved from tests/review_r27)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
from dayone_sample import PHOTO_MD5, _entry, dayone_zip

pytestmark = pytest.mark.django_db


def test_a_day_one_dream_that_is_only_a_heading_is_imported_not_left_out(make_user: Any) -> None:
    """A Day One entry that is only "# Teeth falling out again" (tagged dream) is imported, as jrnl one-liners are."""
    user = make_user()
    only_title = _entry("T1", text="# Teeth falling out again\n", tags=["dream"])
    report = portability.import_journal(user, dayone_zip([only_title]))
    assert report.created == 1, report.problems
    (view,) = journal.list_entries(user)
    assert view.kind == "dream"
    assert "Teeth falling out again" in (view.title + view.body)


def test_a_dream_with_only_a_title_on_the_write_page_is_saved(make_user: Any, web_as: Any) -> None:
    """A dream written as a title alone is saved; it is not refused as "empty: write something"."""
    web = web_as(make_user())
    response = web.post("/write/", {"kind": "dream", "title": "Teeth falling out again", "body": ""})
    assert b"The entry is empty" not in response.content
    assert response.status_code == 302
    assert Entry.objects.filter(kind="dream").count() == 1


def _with_photo(zipped: bytes, photo: bytes) -> bytes:
    """The same Day One zip with its photo's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zipped)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, photo if name.startswith("photos/") else source.read(name))
    return out.getvalue()


def test_a_titled_day_one_entry_whose_photo_is_left_out_keeps_its_title(make_user: Any) -> None:
    """Its picture is no picture (left out, said in the report), but its title is words: the entry stays."""
    user = make_user()
    entry = _entry(
        "T2",
        text="# The harbour at dawn\n",
        photos=[{"identifier": "P", "md5": PHOTO_MD5, "type": "jpeg", "orderInEntry": 0}],
    )
    data = _with_photo(dayone_zip([entry]), b"<html><body>not a picture</body></html>")
    report = portability.import_journal(user, data)
    assert report.created == 1, report.problems
    assert any("file 1" in problem for problem in report.problems)
    (view,) = journal.list_entries(user)
    assert view.title == "The harbour at dawn"
