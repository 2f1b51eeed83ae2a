"""A person's journal leaving and entering Reverie: the same export and import services as the web and the CLI."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema

from reverie.api.auth import actor
from reverie.api.routes.check_in import CheckInOut, check_in_out
from reverie.api.schemas import ExportLeftOut, ImportOut, Input
from reverie.api.spec import ERRORS, component
from reverie.care.services import alerts
from reverie.clinic.services import portability
from reverie.clinic.web.downloads import download

router = Router(tags=["portability"])


class ImportSavedOut(ImportOut):
    """What the import stored and, when an imported entry was screened as a risk as it was saved, the check-in."""

    check_in: CheckInOut | None = Field(
        None,
        description="The check-in the import raised (answer it with POST /check-in), with the crisis lines and the "
        "safety plan, as POST /entries answers with it; absent when the import raised none. Of several, the one "
        "GET /check-in asks first.",
    )


IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "A Reverie export (reverie.export/10, /9, /8, /7, /6, /5, /4, /3, /2 or /1), a jrnl JSON export or plain-text journal file, or a Day One zip or JSON.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
EXPORT_RESPONSE = {
    "responses": {
        200: {
            "description": "The whole journal (not the trash), with the person's answers about observations and to check-ins, as reverie.export/10 JSON (the person's time zone; each entry's earlier versions whole and when its current version was saved; naming in left_out the entries that could not be opened; in the course record, each progress note with its session, each goal with its description, the given goodbye letter, the shared formulation and each questionnaire's answers, item by item; the safety plan with its crisis lines' country), or as Markdown; with format=left_out, what the export leaves out or dates anew, in words.",
            "headers": {
                "Reverie-Left-Out": {
                    "description": "How many entries or records the export left out (they could not be opened, or were trashed while it ran); 0 when none. format=left_out names them.",
                    "schema": {"type": "integer", "minimum": 0},
                },
                "Reverie-Dates-Moved": {
                    "description": "How many entries whose stored date was out of range the export gives the nearest date in range; 0 when none. format=left_out names them (dates_moved).",
                    "schema": {"type": "integer", "minimum": 0},
                },
            },
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            {
                                "type": "object",
                                "description": "format=json: the reverie.export/10 file (docs/export-schema-v10.json).",
                            },
                            component(ExportLeftOut),
                        ]
                    }
                },
                "text/markdown": {"schema": {"type": "string"}},
            },
        }
    }
}


@router.get("/export", response=ERRORS, url_name="export", openapi_extra=EXPORT_RESPONSE)
def export(request: HttpRequest, format: Literal["json", "markdown", "left_out"] = "json") -> HttpResponse:
    """Download everything one has written, decrypted (clients only). An entry that cannot be opened is left out
    and counted in the ``Reverie-Left-Out`` header; ``format=left_out`` names them (date, kind, title). An entry whose
    stored date is out of range is exported at the nearest date in range, counted in ``Reverie-Dates-Moved`` and
    named by ``format=left_out`` too (``dates_moved``)."""
    from django.http import JsonResponse

    from reverie.clinic.services.local_time import zone_of
    from reverie.journal.interchange import dump_markdown, dump_reverie_json

    exported = portability.export_with_report(actor(request))
    journal = exported.journal
    if format == "left_out":
        lines = portability.left_out_words(exported.left_out, zone_of(actor(request)))
        moved = portability.moved_words(exported.dates_moved, zone_of(actor(request)))
        answer = {"left_out": lines[1:], "message": lines[0] if lines else ""}
        if moved:  # only when there are some: the answer for a journal without them is as it was
            answer.update(dates_moved=moved[1:], dates_moved_message=moved[0])
        response: HttpResponse = JsonResponse(answer)
    elif format == "markdown":
        text = dump_markdown(journal, zone=zone_of(actor(request)))  # the person's own times, the zone named
        response = download(text.encode(), "text/markdown; charset=utf-8", "reverie-journal.md")
    else:
        response = download(dump_reverie_json(journal), "application/json", "reverie-journal.json")
    response["Reverie-Left-Out"] = str(len(exported.left_out))
    response["Reverie-Dates-Moved"] = str(len(exported.dates_moved))
    return response


@router.post(
    "/import",
    response={200: ImportSavedOut, **ERRORS},
    url_name="import",
    openapi_extra=IMPORT_BODY,
    exclude_defaults=True,  # "problems" appears only when something was left out
)
def import_(request: HttpRequest, all_or_nothing: bool = False) -> ImportSavedOut:
    """Import a journal file (Reverie JSON, jrnl JSON or plain text, Day One zip or JSON). A bad entry is left out and listed in
    ``problems`` (never its text) unless ``all_or_nothing``; entries already imported are skipped, so it can be
    repeated. Each entry is screened as it is saved; one screened as a risk answers with the check-in it raised
    (``check_in``), as ``POST /entries`` does."""
    user = actor(request)
    earlier = alerts.unanswered_check_ins(user)
    report = portability.import_journal(user, _import_body(request), all_or_nothing=all_or_nothing)
    raised = alerts.check_in_raised_since(user, earlier) if report.created else None
    shown = alerts.show_check_in(user, raised, full=True) if raised is not None else None
    return ImportSavedOut(
        created=report.created,
        skipped=report.skipped,
        problems=list(report.problems),
        differ=report.differ,
        notes=list(report.notes),
        check_in=check_in_out(request, user, shown.check_in) if shown is not None else None,
    )


def _import_body(request: HttpRequest) -> bytes:
    """The file sent, up to ten times the attachment limit, as every web upload may be. ``request.body`` is bounded by
    the form-field limit (attachment limit + 5 MB), which refused an export this API gave once it held a few
    drawings (two of 6 MB: 16 MB), although each was within its limit."""
    from django.core.exceptions import RequestDataTooBig

    from reverie.clinic.web.uploads import READ_AT_MOST, upload_limit

    limit = READ_AT_MOST * upload_limit()
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise RequestDataTooBig(
            "import body over ten times the attachment limit"
        )  # 413, nothing read or saved
    data = request.read(limit + 1)
    if len(data) > limit:
        raise RequestDataTooBig("import body over ten times the attachment limit")
    return data


class EraseIn(Input):
    confirm: str = Field(max_length=150, description="Your user name, typed again.")
    password: str = Field(
        max_length=1024, description="Your password: an open session or a token is not enough."
    )


class ErasedOut(Schema):
    erased_entries: int


@router.post("/erase", response={200: ErasedOut, **ERRORS}, url_name="erase")
def erase(request: HttpRequest, payload: EraseIn) -> ErasedOut:
    """Erase one's account and everything written, for good (clients only; user name and password required).

    Linked therapists lose their records of the course (sealed with the client's key) and are told afterwards."""
    from reverie.clinic.web.proxy import client_address

    address = client_address(request)  # the real client behind a trusted proxy, as every throttle counts it
    count = portability.erase_client(actor(request), payload.confirm, payload.password, address=address)
    return ErasedOut(erased_entries=count)
