"""A Day One zip's files are unpacked lazily, only those an entry names, each within the limits (r18 zip bomb)."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile

import pytest
from dayone_sample import JPEG, PHOTO_MD5, _entry, dayone_zip

from reverie.errors import InvalidInput
from reverie.journal.interchange import MediaLimits, load_report

BIG_MD5 = "f" * 32


def _zip_with_a_big_photo(size: int, entries: list[dict[str, object]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps({"metadata": {"version": "1.0"}, "entries": entries}))
        archive.writestr(f"photos/{PHOTO_MD5}.jpeg", JPEG)
        archive.writestr(f"photos/{BIG_MD5}.jpeg", bytes(size))
    return buffer.getvalue()


def _photo(md5: str) -> dict[str, str]:
    return {"identifier": "P", "md5": md5, "type": "jpeg"}


def test_a_named_photo_over_the_file_limit_is_refused_unread_and_only_its_entry_left_out() -> None:
    entries = [
        _entry("A1", text="Big", photos=[_photo(BIG_MD5)]),
        _entry("A2", text="Small", photos=[_photo(PHOTO_MD5)]),
    ]
    data = _zip_with_a_big_photo(20 * 2**20, entries)
    tracemalloc.start()
    try:
        report = load_report(data, media_limits=MediaLimits(per_file=2**20, in_all=10 * 2**20))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 2**20  # the 20 MB photo was never unpacked
    assert [e.body for e in report.journal.entries] == ["Small"]
    assert report.problems == ("entries[0].photos[0] is 20 MB; the limit is 1 MB: left out.",)
    with pytest.raises(InvalidInput, match="is 20 MB; the limit is 1 MB"):
        load_report(data, strict=True, media_limits=MediaLimits(per_file=2**20))


def test_the_files_of_a_zip_together_are_capped_and_refuse_the_whole_file() -> None:
    entries = [_entry(f"A{i}", text=f"Day {i}", photos=[_photo(BIG_MD5)]) for i in range(4)]
    data = _zip_with_a_big_photo(2**20, entries)
    with pytest.raises(InvalidInput, match="come to more than 3 MB in all"):
        load_report(data, media_limits=MediaLimits(per_file=2**20, in_all=3 * 2**20))
    assert (
        len(load_report(data, media_limits=MediaLimits(per_file=2**20, in_all=4 * 2**20)).journal.entries)
        == 4
    )


def test_an_entry_with_more_files_than_one_entry_may_bring_is_left_out() -> None:
    many = _entry("A1", text="Many", photos=[_photo(PHOTO_MD5)] * 3)
    report = load_report(dayone_zip([many, _entry("A2", text="Fine")]), media_limits=MediaLimits(per_entry=2))
    assert [e.body for e in report.journal.entries] == ["Fine"]
    assert report.problems == ("entries[0] has 3 photos; at most 2 are imported with one entry: left out.",)
