"""Review r40: the API's 400 for a refused feeling says what is wrong without the feeling's name."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db

M = "zqxcanaryr40feeling"


def test_the_api_does_not_echo_a_feeling_in_its_400(make_user: Any) -> None:
    """The API's 400 for a feeling given twice says what is wrong without the feeling's name (as its schema errors
    leave out submitted values)."""
    from web_client import signed_in

    client = make_user()
    web = signed_in(client)
    answer = web.post(
        "/api/v1/entries",
        {
            "kind": "reflection",
            "body": "x",
            "feelings": [{"name": M, "intensity": 2}, {"name": M, "intensity": 3}],
        },
        content_type="application/json",
    )
    assert answer.status_code in (400, 422), answer.content[:300]
    assert M.encode() not in answer.content
    assert b"2nd feeling" in answer.content
