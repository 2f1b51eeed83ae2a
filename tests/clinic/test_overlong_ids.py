"""An id too large for the database in an address (a path segment or ``?client=``) is Reverie's own 404, never a
server error: SQLite's driver cannot bind an integer above 2**63 - 1 (OverflowError, a 500). Found by review r67 on
the therapist's patterns address (a foreign-key lookup Django does not range-check); checked here on the routes of
both apps that read an id, through ``reverie.clinic.web.ids`` (the bounded ``id`` path converter, ``query_id``)."""

from __future__ import annotations

from typing import Any

import pytest

from web_client import signed_in

HUGE = "9" * 30
JUST_OVER = str(2**63)  # the first number the database cannot hold
LARGEST = str(2**63 - 1)  # the database holds it: it names no record, and reads as one that is not there


@pytest.mark.django_db
@pytest.mark.db
@pytest.mark.parametrize("number", [HUGE, JUST_OVER])
def test_an_overlong_number_in_any_address_reads_not_found(dit: Any, number: str) -> None:
    """A therapist following a mistyped or tampered link to a client's patterns, report, safety plan or a session
    of their own course gets "We could not find that page" (404), as for any record that is not theirs, not a server
    error; the largest number the database holds reads the same. The link page's "end the link" form sent with such
    a number is the page's own refusal, and the real link stays."""
    from reverie.clinic.models import Pair

    client, therapist, course = dit
    web = signed_in(therapist)
    addresses = [
        "/clients/{}/insights/",
        "/insights/report.pdf?client={}",
        "/clients/{}/safety-plan/",  # the care app's routes
        f"/courses/{course.id}/sessions/{{}}/",
        f"/courses/{course.id}/sessions/{{}}/move/",
    ]
    for n in (number, LARGEST):
        got = {a: web.get(a.format(n)).status_code for a in addresses}
        assert got == dict.fromkeys(addresses, 404), n
    ended = signed_in(client).post("/pair/", {"action": "end", "pair": number})
    assert ended.status_code == 400
    assert "No such link." in ended.content.decode()
    assert Pair.objects.filter(client=client, ended_at__isnull=True).exists()
