"""Tenant isolation, property-based, over every route of the web app and the API.

Random worlds of clients and therapists (some linked, some links ended; entries shared or not, edited, trashed,
with attachments) and a random actor and target. For every route in ``policy_routes.ROUTES``: pages and lists
never show another person's words; a request about a record the actor may not touch answers exactly like a
request about a random missing id, and changes nothing.
"""

from __future__ import annotations

import random
import re
import uuid
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, note, settings
from policy_routes import FIXED_KWARGS, KWARG_KINDS, ROUTES, Call, Route, body_of, resolved_routes
from policy_world import Person, World, WorldSpec, build, canary, worlds

pytestmark = pytest.mark.django_db
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
# The draft writer's token is signed with the second it was made, so two answers a second apart differ in it
# whoever asks; like the CSRF token it says nothing about the record asked for.
WRITER = re.compile(rb'name="writer" value="[^"]+"')


def test_policy_route_table_covers_every_route() -> None:
    uncovered = sorted(set(resolved_routes()) - set(ROUTES))
    assert not uncovered, f"Add these routes to tests/api/policy_routes.py ROUTES: {uncovered}"


def _missing(kind: str) -> str:
    if kind in ("entry", "attachment", "course", "goal", "response", "alert"):
        return str(uuid.uuid4())
    return str(random.randrange(10**12, 10**13))


def _url(route: Route, call: Call, record_id: str | None, q: str | None) -> str:
    kwargs = {k: FIXED_KWARGS.get(k, record_id) for k in route.kwargs}
    url = call.path or reverse(route.name, kwargs=kwargs)
    query = f"q={q}" if q is not None else (call.query(record_id or "") if call.query else "")
    return f"{url}?{query}" if query else url


def _request(
    person: Person, route: Route, call: Call, record_id: str | None = None, q: str | None = None
) -> Any:
    client = person.api if route.name.startswith("api:") else person.web
    send = getattr(client, call.method.lower())
    response = send(_url(route, call, record_id, q), **body_of(call, record_id or ""))
    assert response.status_code < 500, (route.name, call.method, response.status_code)
    if route.name.startswith("api:"):
        assert response.status_code != 405, f"{route.name}: the table calls it with the wrong method"
    return response


def _content(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _shape(response: Any, *replace: str) -> tuple[Any, ...]:
    body = WRITER.sub(b'name="writer"', CSRF.sub(b"", _content(response)))
    for text in replace:
        body = body.replace(text.encode(), b"<q>")
    return response.status_code, response.get("Location"), response.get("Content-Type"), body


def _no_leak(response: Any, forbidden: set[str], where: str) -> None:
    text = _content(response).decode("utf-8", "replace")
    leaked = [word for word in forbidden if word in text]
    assert not leaked, f"{where} showed words of an entry the actor may not read"


def _probe_page(world: World, actor: Person, route: Route, call: Call, forbidden: set[str]) -> None:
    target = world.records[0]
    if call.search:
        words, other = target.current[1][4:], canary()[4:]
        if target.current[1] in world.readable_canaries(actor):
            return
        theirs, missing = _request(actor, route, call, q=words), _request(actor, route, call, q=other)
        assert _shape(theirs, words) == _shape(missing, other), f"{route.name}: search finds others' words"
        _no_leak(theirs, forbidden, route.name)
        return
    _no_leak(_request(actor, route, call), forbidden, route.name)


def _probe_shown(world: World, actor: Person, route: Route, call: Call) -> None:
    """Every entry the rules let the actor read is really shown: the isolation checks are not vacuous."""
    for record in world.records:
        if world.allows("read", actor, record):
            shown = _request(actor, route, call, record.id)
            assert shown.status_code == 200 and record.current[1] in _content(shown).decode(), route.name


def _probe_record(
    world: World, actor: Person, target: Any, route: Route, call: Call, forbidden: set[str]
) -> None:
    assert call.access is not None
    if call.shows:
        _probe_shown(world, actor, route, call)
    kind = call.target or next(KWARG_KINDS[k] for k in route.kwargs if k in KWARG_KINDS)
    record_id = world.record_id(kind, actor, target)
    if record_id is None or world.allows(call.access, actor, target):
        return
    theirs = _request(actor, route, call, record_id)
    missing = _request(actor, route, call, _missing(kind))
    assert _shape(theirs) == _shape(missing), (
        f"{route.name} {call.method}: someone else's {kind} answers differently from a missing one"
    )
    _no_leak(theirs, forbidden, route.name)


def _probe(world: World, spec: WorldSpec, routes: dict[str, Route]) -> None:
    actor, target = world.people[spec.actor], world.records[spec.target]
    forbidden = world.all_canaries() - world.readable_canaries(actor)
    world.records.insert(0, world.records.pop(spec.target))  # searches look for the target's words
    before = world.snapshot()
    for name, calls in ROUTES.items():
        route = routes.get(name)
        for call in calls if route is not None else ():
            assert route is not None
            if call.access is None:
                _probe_page(world, actor, route, call, forbidden)
            else:
                _probe_record(world, actor, target, route, call, forbidden)
    assert world.snapshot() == before, "a refused request changed someone's records"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=worlds())
def test_policy_no_route_reads_or_changes_another_persons_records(spec: WorldSpec) -> None:
    from reverie.clinic.services import keys

    note(repr(spec))
    routes = resolved_routes()
    assert set(routes) <= set(ROUTES), "every route needs a row in policy_routes.ROUTES"
    keys.forget_cached_keys()  # ids can repeat after a rollback on SQLite
    keys.ensure_key_file()
    with transaction.atomic():
        try:
            _probe(world=build(spec), spec=spec, routes=routes)
        finally:
            transaction.set_rollback(True)
