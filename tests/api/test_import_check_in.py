"""Review r103, issue 12 §4 ("the check-in shows right after saving") on the API's import: an imported entry is
screened at the moment of saving and leaves a check-in, but the import's own answer says nothing of it, while every
other saving door tells the person at once (the API's ``POST /entries`` and ``PATCH`` answer with ``check_in``, the
CLI's ``journal import`` prints the question and the crisis lines)."""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from typing import Any

import pytest
from api_client import as_token
from django.utils import timezone

from reverie.care.models import CheckIn

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_api_import_answers_with_the_check_in_it_raised(paired: tuple[Any, Any]) -> None:
    """A client's app imports their jrnl journal through ``POST /api/v1/import``; one entry says "I want to kill
    myself". The import answers ``{"created": 1, "skipped": 0}`` and nothing more, so the app shows "Imported 1
    entry" and no check-in: the question and the crisis lines wait for a later ``GET /check-in`` the app has no
    reason to make. The answer should carry the check-in it raised, with its crisis lines, as ``POST /entries``
    does (``check_in``)."""
    client, _ = paired
    at = timezone.now().astimezone(UTC) + timedelta(minutes=2)
    entry = {"title": "", "body": RISKY, "date": f"{at:%Y-%m-%d}", "time": f"{at:%H:%M}", "tags": []}
    body = json.dumps({"tags": {}, "entries": [{**entry, "starred": False}]})
    api = as_token(client)
    response = api.client.post("/api/v1/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1, response.content
    raised = CheckIn.objects.get(client=client, answered_at__isnull=True)  # screened at save: the flow ran
    answer = response.json()
    assert answer.get("check_in") is not None, answer
    assert answer["check_in"]["id"] == str(raised.id)
    assert answer["check_in"]["crisis_lines"], answer["check_in"]


def test_api_import_of_quiet_entries_answers_without_a_check_in_even_if_one_waits(
    paired: tuple[Any, Any],
) -> None:
    """The import answers with the check-in *it* raised, as a save does: a quiet journal imported while an earlier
    check-in waits answers without one (``GET /check-in`` still has it)."""
    client, _ = paired
    api = as_token(client)
    assert api.post("entries", {"kind": "reflection", "body": RISKY}).json()["check_in"] is not None
    at = timezone.now().astimezone(UTC) - timedelta(days=3)
    entry = {
        "title": "",
        "body": "Tea with my sister by the river.",
        "date": f"{at:%Y-%m-%d}",
        "time": "10:00",
    }
    body = json.dumps({"tags": {}, "entries": [{**entry, "tags": [], "starred": False}]})
    response = api.client.post("/api/v1/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1, response.content
    assert "check_in" not in response.json()
    assert api.get("check-in").json()["pending"] is not None


def test_api_attachment_upload_answers_with_the_check_in_its_file_name_raised(
    paired: tuple[Any, Any],
) -> None:
    """A file's name is screened with the entry's new revision (h113): the upload raises a check-in, and its answer
    carries it, as ``POST /entries`` does, with the crisis lines as links."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client, _ = paired
    api = as_token(client)
    entry = api.post("entries", {"kind": "art", "body": "Drawing after tea with my sister."}).json()
    assert entry["check_in"] is None
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    upload = SimpleUploadedFile("I am going to kill myself tonight.png", png, content_type="image/png")
    response = api.client.post(
        f"/api/v1/entries/{entry['id']}/attachments", {"file": upload}, format="multipart"
    )
    assert response.status_code == 201, response.content
    raised = CheckIn.objects.get(client=client, answered_at__isnull=True)
    answer = response.json()
    assert answer["filename"] == "I am going to kill myself tonight.png"
    assert answer["check_in"] is not None and answer["check_in"]["id"] == str(raised.id)
    hrefs = [
        link["href"]
        for c in answer["check_in"]["crisis_lines"]
        for line in c["lines"]
        for link in line["links"]
    ]
    assert hrefs and all(h.startswith(("tel:", "sms:")) for h in hrefs)
    quiet = SimpleUploadedFile("harbour at night.png", png, content_type="image/png")
    again = api.client.post(f"/api/v1/entries/{entry['id']}/attachments", {"file": quiet}, format="multipart")
    assert again.status_code == 201 and "check_in" not in again.json(), again.content
