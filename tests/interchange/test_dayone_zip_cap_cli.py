"""h10: the whole-zip cap of a Day One import (``import_check.MEDIA_IN_ALL_TIMES`` times the attachment limit, 100 MB
with the shipped 10 MB) guards the web server's memory. ``reverie journal import`` runs on the person's own machine:
it takes a larger export (``import_check.LOCAL_MEDIA_IN_ALL``, through ``import_journal``'s ``media_in_all``), while
the per-file and per-entry bounds stay everywhere, and a cap that still applies names its limit and how to split.
The attachment limit is lowered to 64 KB here so that a zip over the server's cap stays small."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from dayone_sample import JPEG, _entry

from reverie.clinic.services import import_check, portability
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db
LIMIT = 64 * 1024  # the attachment limit in these tests: the server's cap is then 640 KB
PHOTOS = 60  # of 20 KB each: 1.2 MB in all, over the server's cap


def _photo_bytes(number: int, size: int = 20 * 1024) -> bytes:
    """A JPEG the sniffer accepts, ``size`` bytes, different for each number (so nothing is deduplicated)."""
    body = (number.to_bytes(4, "big") * (size // 4))[: size - len(JPEG)]
    return JPEG[:-2] + body + JPEG[-2:]


def _zip(photos: int, *, big: int = 0) -> bytes:
    """A Day One zip of ``photos`` entries with one photo each; ``big`` of them over the per-file limit."""
    buffer = io.BytesIO()
    entries = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i in range(photos):
            md5 = f"{i:032x}"
            entries.append(
                _entry(
                    f"E{i:031d}", text=f"Day {i}", photos=[{"identifier": "P", "md5": md5, "type": "jpeg"}]
                )
            )
            archive.writestr(f"photos/{md5}.jpeg", _photo_bytes(i, 2 * LIMIT if i < big else 20 * 1024))
        archive.writestr("Journal.json", json.dumps({"metadata": {"version": "1.0"}, "entries": entries}))
    return buffer.getvalue()


@pytest.fixture
def small_limit(settings: Any) -> None:
    from reverie import settings as reverie_settings

    settings.REVERIE = reverie_settings.Config(
        {**settings.REVERIE.values, "REVERIE_MAX_ATTACHMENT_BYTES": LIMIT}
    )


def test_the_servers_cap_refuses_a_zip_over_it_naming_the_limit_and_how_to_split(
    small_limit: None, make_user: Any
) -> None:
    """The web and the API (``import_journal`` without ``media_in_all``) refuse the zip whole, in plain words."""
    client = make_user()
    with pytest.raises(InvalidInput) as refused:
        portability.import_journal(client, _zip(PHOTOS))
    words = refused.value.message
    assert "more than 640 KB in all" in words and "Export fewer entries at a time" in words
    assert "reverie journal import" not in words  # a clinic's client cannot run the command line


def test_the_cli_importer_takes_a_zip_over_the_servers_cap_and_keeps_the_per_file_limit(
    small_limit: None, make_user: Any
) -> None:
    """With the command line's cap, all 60 photos come in; a photo over the attachment limit is still left out."""
    client = make_user()
    report = portability.import_journal(
        client, _zip(PHOTOS, big=1), media_in_all=import_check.LOCAL_MEDIA_IN_ALL
    )
    assert report.created == PHOTOS - 1
    assert report.problems == ("entries[0].photos[0] is 128 KB; the limit is 64 KB: left out.",)


def test_the_cli_importers_cap_names_its_limit_and_how_to_split(small_limit: None, make_user: Any) -> None:
    """Over the command line's own cap, the refusal names that limit and how to split the export."""
    client = make_user()
    with pytest.raises(InvalidInput, match=r"more than 1 MB in all\. Export fewer entries at a time"):
        portability.import_journal(client, _zip(PHOTOS), media_in_all=2**20)


def test_memory_of_a_zip_over_the_servers_cap_stays_near_its_files(small_limit: None, make_user: Any) -> None:
    """tracemalloc over the whole CLI-capped import of 60 small files (1.2 MB of photos; the zip's bytes, read
    before, are not counted): the peak follows what the files hold (each is kept until its entry is stored: about
    1.4 times here), never the 1 GB cap, and a file is never unpacked twice."""
    client = make_user()
    data = _zip(PHOTOS)
    tracemalloc.start()
    try:
        portability.import_journal(client, data, media_in_all=import_check.LOCAL_MEDIA_IN_ALL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2.5 * PHOTOS * 20 * 1024


def test_reverie_journal_import_takes_a_zip_over_the_servers_cap(cli: Any, tmp_path: Path) -> None:
    """The command itself passes its cap: exit 0, every entry imported."""
    path = tmp_path / "dayone.zip"
    path.write_bytes(_zip(PHOTOS))
    cli("user", "create", "dora")
    code, out, err = cli(
        "journal", "import", str(path), "-u", "dora", check=False, REVERIE_MAX_ATTACHMENT_BYTES=str(LIMIT)
    )
    assert code == 0, err
    assert f"Imported {PHOTOS} entries" in out
