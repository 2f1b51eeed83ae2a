"""OpenAPI fuzzing: schemathesis generates requests for every operation of the API's own schema and sends them
through the WSGI application in-process, authenticated with a personal access token, half of them valid and half
deliberately invalid (negative mode). No answer may be a server error, and every error must come in the one
error shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
EXAMPLES_PER_OPERATION = 15


@contextmanager
def _one_connection() -> Iterator[None]:
    """Keep the test's database transaction across WSGI requests, as Django's own test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


class Bearer:
    """A token that is issued again if the fuzzer happens to revoke it (DELETE /tokens/{id} with its id)."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.token_id = 0
        self.secret = ""

    def headers(self) -> dict[str, str]:
        from reverie.api import tokens
        from reverie.api.models import ApiToken

        if not ApiToken.objects.filter(pk=self.token_id).exists():
            issued = tokens.issue(self.user, "fuzz")
            self.token_id, self.secret = issued.token.pk, issued.secret
        return {"Authorization": f"Bearer {self.secret}"}


def error_shape(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every 4xx answer is {"error": {"code": "E…", "message": "…"}}; a 409 may add what the caller needs to decide:
    ``current_revision`` (an edit made from an old revision), ``unreachable`` (ending a link without confirming)."""
    if response.status_code < 400:
        return None
    doc = json.loads(response.content)
    stale = {"current_revision", "unreachable"} if doc.get("error", {}).get("code") == "E409" else set()
    assert set(doc) == {"error"} and set(doc["error"]) - stale == {"code", "message"}, doc
    assert doc["error"]["code"].startswith("E")
    return None


def _strategies(operation: Any, known: dict[str, str]) -> list[Any]:
    """Valid and invalid requests with generated ids, and valid requests about records that exist."""
    from schemathesis import GenerationMode

    out = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
    real = {name: value for name, value in known.items() if f"{{{name}}}" in operation.path}
    if real:
        out.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=real))
    return out


def test_fuzz_no_operation_answers_with_a_server_error(make_user: Any, paired: tuple[Any, Any]) -> None:
    import schemathesis
    from schemathesis.checks import not_a_server_error

    from reverie.clinic.models import Pair
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft
    from reverie.clinic.wsgi import application

    client, _ = paired
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="something for the routes to find"))
    known = {"entry_id": str(entry.id), "pair_id": str(Pair.objects.get().pk)}
    bearer = Bearer(client)
    with _one_connection():
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        assert len(operations) >= 20
        for operation in operations:

            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=st.one_of(*_strategies(operation, known)))
            def fuzz(case: Any) -> None:
                case.call_and_validate(headers=bearer.headers(), checks=[not_a_server_error, error_shape])

            fuzz()
