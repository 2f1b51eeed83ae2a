"""Review r96 of h108 (``clinic/web/no_database.py``): a safety plan that cannot be opened failed the crisis page's first
answer after the check-in banner had recorded itself as shown; the page now says the plan cannot be opened and keeps
the check-in and the crisis lines in its one answer (``care.services.safety.plan_for_page``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from web_client import signed_in


@pytest.mark.django_db(transaction=True)
def test_a_check_in_is_not_counted_as_shown_when_the_crisis_page_answered_without_it(make_user: Any) -> None:
    """A client has an unanswered check-in never shown to them ("Are you safe right now?"), and one of their own
    records (their safety plan) cannot be read. They open /safety/. The first answer renders the check-in banner in
    full (recording ``shown_at`` and a ``check_in.show`` audit row, so the therapist's record says the client was
    asked), then fails on the plan; WithoutDatabaseMiddleware throws that answer away and sends the page made without
    the session: no check-in on it. The client never saw the question, yet it is recorded as shown in full, and every
    later page only shows the smaller reminder. They should see the check-in on the page they got, or it should stay
    unshown (``shown_at`` empty) so the next page asks it in full."""
    from reverie.care.models import CheckIn, SafetyPlanRecord

    kai = make_user("kai")
    check_in = CheckIn.objects.create(client=kai, created_at=timezone.now())
    # a plan record that cannot be opened (its seal damaged): the first answer fails on it
    SafetyPlanRecord.objects.create(client=kai, payload=b"not a sealed record", updated_at=timezone.now())
    web = signed_in(kai)
    web.raise_request_exception = False
    page = web.get("/safety/")
    assert page.status_code == 200, page.status_code
    assert b"<h1>If you are not safe right now</h1>" in page.content
    check_in.refresh_from_db()
    shown_on_page = b"/check-in/" in page.content
    assert shown_on_page or check_in.shown_at is None, (
        "the check-in is recorded as shown in full, on a page the client never got"
    )
    assert b"Your own safety plan cannot be opened just now" in page.content
