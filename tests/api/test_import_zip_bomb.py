"""r18 review: a Day One zip sent to the API import is bounded by its compressed size (100 MiB), not what it unpacks to."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

UNPACKED = 150 * 1024 * 1024  # one "photo" of zeros: about 150 KB once deflated


def _bomb() -> bytes:
    journal = {
        "metadata": {"version": "1.0"},
        "entries": [{"uuid": "A" * 32, "creationDate": "2026-01-02T10:00:00Z", "text": "A short day."}],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("Journal.json", json.dumps(journal))
        with archive.open("photos/" + "0" * 32 + ".jpeg", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(UNPACKED // len(chunk)):
                member.write(chunk)
    return out.getvalue()


@pytest.mark.django_db
def test_api_import_of_a_day_one_zip_never_unpacks_a_file_far_over_the_attachment_limit(
    make_user: Any,
) -> None:
    """A zip member far larger than any attachment may be is refused unread: the import's memory stays bounded."""
    from django.conf import settings

    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    body = _bomb()
    assert len(body) < limit  # the request itself is small: within every limit the API sets
    api = as_token(make_user(role="client"))
    tracemalloc.start()
    try:
        response = api.client.post("/api/v1/import", data=body, content_type="application/zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code in (200, 400, 413)
    assert peak < 3 * limit, f"the import held {peak // 2**20} MiB for a {len(body) // 1024} KiB request"
