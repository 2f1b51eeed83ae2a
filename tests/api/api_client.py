"""API test helpers: a Django test client that speaks JSON with a personal access token or a session."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

PASSWORD = "a long test password"


class Api:
    """A JSON client for /api/v1/ acting as one person."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def call(
        self, method: str, path: str, body: Any = None, *, raw: bytes | str | None = None, **extra: Any
    ) -> Any:
        url = path if path.startswith("/") else f"/api/v1/{path}"
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        send = getattr(self.client, method.lower())
        if data is None:
            return send(url, **extra)
        return send(url, data=data, content_type="application/json", **extra)

    def get(self, path: str, **extra: Any) -> Any:
        return self.call("GET", path, **extra)

    def post(self, path: str, body: Any = None, **extra: Any) -> Any:
        return self.call("POST", path, body, **extra)

    def patch(self, path: str, body: Any = None, **extra: Any) -> Any:
        return self.call("PATCH", path, body, **extra)

    def delete(self, path: str, **extra: Any) -> Any:
        return self.call("DELETE", path, **extra)


def token_for(user: Any, name: str = "tests") -> str:
    from reverie.api import tokens

    return tokens.issue(user, name).secret


def as_token(user: Any) -> Api:
    return Api(Client(headers={"Authorization": f"Bearer {token_for(user)}"}))


def as_session(user: Any, *, enforce_csrf: bool = False) -> Api:
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(user)
    return Api(client)


def csrf_header(api: Api) -> dict[str, dict[str, str]]:
    """Fetch a page that sets the CSRF cookie and return the header an honest page's script would send."""
    api.client.get("/login/")
    return {"headers": {"X-CSRFToken": str(api.client.cookies["csrftoken"].value)}}


def error_of(response: Any) -> dict[str, str]:
    """The error object of a response, after checking the one error shape."""
    doc = json.loads(response.content)
    assert set(doc) == {"error"}, doc
    # an edit from an old copy (current_revision); an unconfirmed end of a link (unreachable)
    stale = {"current_revision", "unreachable"} if doc["error"].get("code") == "E409" else set()
    assert set(doc["error"]) - stale == {"code", "message"}, doc
    assert doc["error"]["code"].startswith("E")
    return dict(doc["error"])
