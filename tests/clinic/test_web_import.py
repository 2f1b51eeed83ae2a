"""A web import page for the Reverie file (review r135 fault 6): the export page promised that Reverie can read the
file back in, but only the command line could, so a phone-only person could not. The page uses the same service as
`reverie journal import` (every imported entry screened as it is saved), and Reverie's Markdown export, on the web
and on the command line, is refused with one plain sentence, not "the file is not valid JSON"."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import MARKDOWN_NOT_IMPORTED, dump_markdown, dump_reverie_json

pytestmark = [pytest.mark.django_db]


def _exported(user: Any) -> tuple[bytes, bytes]:
    journal.create_entry(user, EntryDraft(kind="dream", body="The lighthouse again.", title="Light"))
    data = portability.export_with_report(user).journal
    return dump_reverie_json(data), dump_markdown(data).encode()


def test_the_reverie_file_comes_back_through_the_web(make_user: Any, web_as: Any) -> None:
    json_file, _ = _exported(make_user("r135-from"))
    into = make_user("r135-into")
    web = web_as(into)
    assert b"Bring entries back" in web.get("/import/").content
    done = web.post("/import/", {"file": SimpleUploadedFile("reverie-journal.json", json_file)})
    assert done.status_code == 200 and b"Imported 1 entry; 0 were already here." in done.content
    assert [(v.title, v.body) for v in journal.list_entries(into)] == [("Light", "The lighthouse again.")]
    again = web.post("/import/", {"file": SimpleUploadedFile("reverie-journal.json", json_file)})
    assert b"Imported 0 entries; 1 was already here." in again.content


def test_the_markdown_reading_copy_is_refused_in_plain_words(make_user: Any, web_as: Any) -> None:
    _, markdown = _exported(make_user("r135-md-from"))
    into = make_user("r135-md-into")
    web = web_as(into)
    for name in ("reverie-journal.md", "renamed.json"):  # by its name, and by what it holds
        refused = web.post("/import/", {"file": SimpleUploadedFile(name, markdown)})
        assert refused.status_code == 400 and MARKDOWN_NOT_IMPORTED.encode() in refused.content, name
        assert b"not valid JSON" not in refused.content
    assert journal.list_entries(into) == []


def test_the_command_line_says_the_same_of_the_markdown_file(make_user: Any) -> None:
    from reverie.errors import InvalidInput

    _, markdown = _exported(make_user("r135-md-cli"))
    with pytest.raises(InvalidInput) as said:
        portability.import_journal(make_user("r135-md-cli-into"), markdown)
    assert said.value.message == MARKDOWN_NOT_IMPORTED


def test_the_export_page_leads_to_the_import(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user("r135-export")).get("/export/").content.decode()
    assert 'href="/import/"' in page


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("empty.json", b"", b"Cannot import"),
        ("broken.json", b'{"entries": [', b"not valid JSON"),
        ("huge.json", b'{"entries": [' + b"x" * 2_000_000, b"not valid JSON"),
        ("not-text.json", b"\xff\xfe\x00\x01garbage", b"Cannot import"),
    ],
)
def test_an_empty_or_malformed_file_is_refused_plainly_and_nothing_stored_is_lost(
    make_user: Any, web_as: Any, name: str, content: bytes, said: bytes
) -> None:
    into = make_user("r135-bad-" + name.split(".")[0])
    journal.create_entry(into, EntryDraft(kind="dream", body="Already here before the import."))
    web = web_as(into)
    refused = web.post("/import/", {"file": SimpleUploadedFile(name, content)})
    assert refused.status_code == 400 and said in refused.content
    assert b"Traceback" not in refused.content
    assert [v.body for v in journal.list_entries(into)] == ["Already here before the import."]


def test_no_file_chosen_is_said_and_nothing_imported(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user("r135-none"))
    none = web.post("/import/", {})
    assert none.status_code == 400 and b"Choose the Reverie file" in none.content
