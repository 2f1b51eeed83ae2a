"""The check-in the API answers with links a plan's contacts as they are dialled (``programmes.safety.dialled``):
a trunk "(0)" after the country code is left out (review r103)."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token


@pytest.mark.django_db
def test_a_stored_contact_is_linked_at_render_and_kept_as_typed(paired: Any) -> None:
    """No migration: the plan keeps the phone as typed (sealed text) and every door computes its link when it shows
    it, so a contact saved as "+44 (0)20 7946 0000" before the fix is called at +442079460000 now: the check-in the
    API answers with carries the corrected links."""
    from reverie.care.services import safety

    client, _ = paired
    safety.save_plan(client, {"trusted_contacts": [{"name": "Ana", "phone": "+44 (0)20 7946 0000"}]})
    plan = safety.get_plan(client)
    assert plan is not None and plan.trusted_contacts[0].phone == "+44 (0)20 7946 0000"
    api = as_token(client)
    saved = api.post(
        "entries", {"kind": "reflection", "body": "I want to kill myself. Nobody would miss me."}
    )
    assert saved.status_code == 201, saved.content
    pending = api.get("check-in").json()["pending"]
    contacts = next(s for s in pending["safety_plan"] if s["title"] == "People I can ask for help")
    # a London fixed line (r132): called, never texted
    assert {x["href"] for x in contacts["items"][0]["links"]} == {"tel:+442079460000"}
