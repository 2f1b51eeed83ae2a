"""How to call every route of Reverie (web pages and API) in the policy property test.

``ROUTES`` maps each route name, as Django resolves it (``api:`` for the API), to the calls to make. A call with no
``access`` is a page or list: it must never show another person's text. A call with an ``access`` rule names a
record (an entry, attachment, pair, token or client): when the rule says the actor may not do that, the answer must
be exactly the answer for a random missing id. The test fails when a resolved route is missing here, so a new
route cannot escape the check: add it with the calls that exercise it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

# URL keyword → the kind of record it names.
KWARG_KINDS = {
    "entry_id": "entry",
    "attachment_id": "attachment",
    "pair_id": "pair",
    "token_id": "token",
    "client_id": "client",
    "course_id": "course",
    "goal_id": "goal",
    "response_id": "response",
    "alert_id": "alert",
}
# URL keywords that are not records get a fixed, valid value.
FIXED_KWARGS = {"slot": "1", "action": "agree", "questionnaire_id": "phq9", "number": "1"}


@dataclass(frozen=True)
class Call:
    method: str
    access: str | None = None  # oracle rule for the record; None: a page, no record
    target: str | None = None  # record kind when the id travels in the body or query, not the URL
    form: Callable[[str], dict[str, str]] | None = None  # web form fields, given the record id
    upload: bool = False  # a multipart body carrying a small picture in the field ``file`` (API uploads)
    json: Callable[[str], Any] | None = None  # API body, given the record id
    query: Callable[[str], str] | None = None  # query string, given the record id
    path: str | None = None  # a literal path for routes that cannot be reversed
    search: bool = False  # a list route whose ``q`` must not find other people's words
    shows: bool = (
        False  # when the rule allows it, the answer shows the entry (proves the probe is not vacuous)
    )


def _entry_doc(entry_id: str) -> Any:
    entry = {
        "id": entry_id,
        "kind": "dream",
        "body": "an imported dream",
        "happened_at": "2026-01-01T00:00:00Z",
    }
    return {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00Z", "entries": [entry]}


PROBE_PNG = b"\x89PNG\r\n\x1a\nprobe"  # a picture by its header: an upload the owner's art entry would take
EDIT_FORM = {"kind": "dream", "body": "changed by someone", "happened_at": "2026-01-01T03:00"}
OWN_LIVE = "own_live"
COURSE = "course_member"  # the course's client, or its therapist while linked

ROUTES: dict[str, tuple[Call, ...]] = {
    # --- web pages -------------------------------------------------------------------------------------------
    "home": (Call("GET"),),
    "setup": (Call("GET"),),
    "signup": (Call("GET"),),
    "demo": (Call("POST"), Call("GET")),
    "login": (Call("GET"),),
    "login_code": (Call("POST", form=lambda _: {"code": "000000"}),),
    "logout": (Call("GET"),),  # POST would end the actor's session mid-test; GET is refused (405)
    "totp_setup": (Call("GET"),),
    "password_change": (Call("GET"),),
    "audit": (Call("GET"),),
    "write": (Call("GET"),),
    "journal": (Call("GET"), Call("GET", search=True)),
    "entry": (Call("GET", "read", shows=True),),
    # An edit saved after one's own entry went to the trash gets the words back with a choice (409); anyone
    # else's entry, trashed or not, answers like a missing one.
    "edit": (Call("GET", OWN_LIVE), Call("POST", "own_any", form=lambda _: EDIT_FORM)),
    "history": (Call("GET", OWN_LIVE),),
    "revert_version": (
        Call("GET", OWN_LIVE),
        Call("POST", OWN_LIVE, form=lambda _: {"confirm": "yes", "base_revision": "1"}),
    ),
    "save_again": (Call("POST", OWN_LIVE, form=lambda _: {"entry_id": str(uuid.uuid4())}),),
    "entry_fit": (Call("POST", OWN_LIVE, form=lambda _: {"observation": "0" * 16, "answer": "fits"}),),
    "share": (Call("POST", OWN_LIVE, form=lambda _: {"shared": "1"}),),
    "trash": (Call("POST", OWN_LIVE),),
    "trash_list": (Call("GET"),),
    "restore": (Call("POST", "own_trashed"),),
    "purge": (Call("POST", "own_trashed"),),
    # the whole trash, asked only (no record id: a confirmed call would empty the prober's own trash, a change the
    # snapshot check would count); tests/clinic/test_empty_trash.py shows the confirmed call keeps to one's own trash
    "empty_trash": (Call("GET"), Call("POST")),
    "attachment": (Call("GET", "attachment_read"), Call("HEAD", "attachment_read")),
    # asked only (the confirmation page): a confirmed call removes the file and flashes its message
    "attachment_remove": (Call("POST", OWN_LIVE),),
    "export": (Call("GET"), Call("POST", form=lambda _: {"format": "json"})),
    "import_journal": (Call("GET"), Call("POST", upload=True)),
    "pair": (
        Call("GET"),
        Call("POST", "pair_member", target="pair", form=lambda pid: {"action": "end", "pair": pid}),
    ),
    "safety": (Call("GET"),),
    "insights": (Call("GET"),),
    "dreams": (Call("GET"),),
    "insights_pdf": (Call("GET"), Call("GET", "client_view", target="client", query=lambda c: f"client={c}")),
    "client_insights": (Call("GET", "client_view"),),
    "erase": (Call("GET"),),  # POST would erase the actor's account
    "erased": (Call("GET"),),  # what an erase left to say: only from the browser session that erased
    "account_settings": (Call("GET"), Call("POST", form=lambda _: {"time_zone": "Europe/Berlin"})),
    # --- course of therapy (reverie.care) ---------------------------------------------------------------------
    "care:courses": (Call("GET"),),
    "care:erasure_notice_read": (Call("POST", form=lambda _: {"notice": "1"}),),  # only one's own notices
    "care:course_new": (Call("GET"),),
    "care:course": (Call("GET", COURSE),),
    "care:prep": (Call("GET", COURSE),),
    "care:calendar": (Call("GET", COURSE),),
    "care:course_end": (
        Call("GET", COURSE),
        Call("POST", COURSE),
    ),  # without confirm=yes: the confirmation page
    "care:record": (Call("GET", COURSE),),
    "care:session": (Call("GET", COURSE), Call("POST", COURSE, form=lambda _: {"attendance": "attended"})),
    "care:cancel": (Call("GET", COURSE), Call("POST", COURSE)),  # without confirm=yes: the confirmation page
    "care:move": (Call("GET", COURSE), Call("POST", COURSE, form=lambda _: {"start": "2030-01-07T10:00"})),
    "care:week": (Call("GET"),),
    "care:formulation": (Call("GET", COURSE),),
    "care:share": (Call("POST", COURSE, form=lambda _: {"shared": "1"}),),
    "care:ipaf_agree": (Call("POST", COURSE),),
    "care:letter": (Call("GET", COURSE),),
    "care:course_measures": (Call("GET", COURSE),),
    "care:goals": (
        Call("GET", COURSE),
        Call("POST", COURSE, form=lambda _: {"title": "a goal from outside"}),
    ),
    "care:goal_action": (Call("POST", COURSE),),
    "care:measures": (Call("GET"),),
    "care:measure_fill": (Call("GET"),),
    "care:measure": (Call("GET", COURSE),),
    "care:measure_fhir": (Call("GET", COURSE),),
    "care:my_plan": (Call("GET"),),
    "care:client_plan": (Call("GET", "client_view"),),
    "care:alerts": (Call("GET"),),
    "care:alert_ack": (Call("POST", "alert_reader"),),
    "care:acknowledged": (Call("GET", "alert_reader"),),  # one linked client's acknowledged alerts (r133)
    "care:check_in": (Call("GET"),),
    "care:fit": (Call("GET"),),
    "care:directory": (Call("GET"),),
    "care:directory_profile": (Call("GET"),),
    "care:directory_import": (Call("GET"),),
    "care:refer": (Call("GET"),),
    # --- API -------------------------------------------------------------------------------------------------
    "api:openapi-json": (Call("GET"),),
    "api:api-root": (Call("GET"),),
    "api:api-unknown": (Call("GET", path="/api/v1/no-such-route"),),
    "api:entries_list": (Call("GET"), Call("GET", search=True)),
    "api:entry_create": (Call("POST", json=lambda _: {"kind": "dream", "body": ""}),),
    "api:entry_get": (Call("GET", "read", shows=True),),
    "api:entry_update": (Call("PATCH", OWN_LIVE, json=lambda _: {"body": "changed by someone"}),),
    "api:entry_trash": (Call("DELETE", OWN_LIVE),),
    "api:entry_share": (Call("POST", OWN_LIVE),),
    "api:entry_unshare": (Call("POST", OWN_LIVE),),
    "api:entry_revisions": (Call("GET", OWN_LIVE),),
    "api:entry_findings": (Call("GET", "read"),),
    "api:entry_attachments": (Call("GET", "read"),),
    "api:attachment_upload": (Call("POST", OWN_LIVE, upload=True),),
    "api:attachment_download": (Call("GET", "attachment_read"), Call("HEAD", "attachment_read")),
    "api:attachment_delete": (Call("DELETE", OWN_LIVE),),
    "api:trash_list": (Call("GET"),),
    "api:entry_restore": (Call("POST", "own_trashed"),),
    "api:entry_purge": (Call("DELETE", "own_trashed"),),
    "api:export": (Call("GET"),),
    "api:import": (Call("POST", "own_any", target="entry", json=_entry_doc),),
    "api:erase": (Call("POST", json=lambda _: {"confirm": "someone-else", "password": "wrong"}),),  # refused
    "api:password_change": (Call("POST", json=lambda _: {"current_password": "wrong", "new_password": "x"}),),
    "api:pair_invite": (Call("POST"),),
    "api:pair_accept": (Call("POST", json=lambda _: {"code": "0000-0000-0000-0000"}),),
    "api:pairs_list": (Call("GET"),),
    "api:pair_end": (  # unconfirmed (409 with what closes, to a member) and confirmed
        Call("POST", "pair_member", json=lambda _: {}),
        Call("POST", "pair_member", json=lambda _: {"confirm": True}),
    ),
    "api:crisis_lines": (Call("GET"),),
    "api:check_in": (Call("GET"),),
    "api:check_in_answer": (
        Call("POST", json=lambda _: {"id": str(uuid.uuid4()), "answer": "safe"}),
    ),  # refused
    "api:me": (Call("GET"),),
    "api:tokens_list": (Call("GET"),),
    "api:token_create": (Call("POST", json=lambda _: {"name": "probe"}),),
    "api:token_revoke": (Call("DELETE", "token_owner"),),
    "api:courses_list": (Call("GET"),),
    "api:course_get": (Call("GET", COURSE),),
    "api:course_end": (Call("POST", COURSE, json=lambda _: {}),),
    "api:course_measures": (Call("GET", COURSE),),
    "api:measure_submit": (Call("POST", json=lambda _: {"questionnaire": "phq9", "answers": [0] * 9}),),
    "api:measure_fhir": (Call("GET", COURSE),),
}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: URLPattern
    kwargs: tuple[str, ...] = field(default=())


def _kwargs(pattern: URLPattern) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None:
        return tuple(converters)
    return tuple(pattern.pattern.regex.groupindex)


def _walk(patterns: list[Any], namespace: str, prefix: str) -> Iterator[Route]:
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
            yield from _walk(item.url_patterns, inner, prefix + str(item.pattern))
        elif isinstance(item, URLPattern):
            name = f"{namespace}{item.name}" if item.name else prefix + str(item.pattern)
            yield Route(name, item, _kwargs(item))


def resolved_routes() -> dict[str, Route]:
    """Every route the project answers, found by walking the URL configuration (API included)."""
    return {route.name: route for route in _walk(get_resolver().url_patterns, "", "")}


def body_of(call: Call, record_id: str) -> dict[str, Any]:
    """Keyword arguments for the Django test client's request method."""
    if call.upload:
        from django.core.files.uploadedfile import SimpleUploadedFile

        picture = SimpleUploadedFile("probe.png", PROBE_PNG, content_type="image/png")
        return {"data": {"file": picture}}
    if call.json is not None:
        return {"data": json.dumps(call.json(record_id)), "content_type": "application/json"}
    if call.form is not None:
        return {"data": call.form(record_id)}
    return {}
