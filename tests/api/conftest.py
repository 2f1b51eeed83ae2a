"""Fixtures of the API tests."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import Api, as_token


@pytest.fixture
def client_api(make_user: Any) -> tuple[Any, Api]:
    user = make_user(role="client")
    return user, as_token(user)
