"""Review r64: a mistyped key in ``extra`` is refused, as docs/api.md promises for every field.

docs/api.md: "Fields the API does not know are refused (422), so a typo never silently drops what you wrote."
``extra`` is a free ``dict[str, str]``; the journal service keeps only the keys it knows (``situation``, ``urge``,
``choice`` and the context fields) and drops the rest without a word: the save answers 201 and the words typed
under a misspelt key are gone.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token, error_of

pytestmark = pytest.mark.django_db


def test_a_mistyped_mindful_choice_part_is_refused_not_dropped(make_user: Any) -> None:
    """A client's app sends a mindful choice whose situation went under "situaton" (a typo in the app). The
    answer is 201 and the entry holds only the urge and the choice: the situation they wrote is gone for good.
    They should get a 422 naming the field, with nothing saved, as for any other unknown field."""
    api = as_token(make_user(role="client"))
    answer = api.post(
        "entries",
        {
            "kind": "mindful_choice",
            "extra": {
                "situaton": "My sister cancelled on me again.",
                "urge": "Send her an angry message.",
                "choice": "Went for a walk first.",
            },
        },
    )
    stored = json.loads(answer.content)
    assert answer.status_code in (400, 422), f"{answer.status_code}: stored extra {stored.get('extra')}"
    error_of(answer)  # the one error shape
    assert json.loads(api.get("entries").content) == []
