"""A Django test client signed in as a user, past the two-step sign-in (therapists must have passed it), and the
fields a browser would send back from a page's form.

Shared by the ``web_as`` fixture (tests/conftest.py) and the test modules that sign people in directly."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from django.test import Client


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp"] = True  # a therapist's second factor passed (when the clinic asks for one)
    session.save()
    return client


class _Form(HTMLParser):
    """The values a browser would send for the first form holding a ``body`` field, as the page shows them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name", "")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.setdefault(name, a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.setdefault(name, "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.setdefault(self._select, a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            self.fields[self._textarea] = self.fields[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_fields(page: str) -> dict[str, str]:
    """The values a browser would send for the first form holding a ``body`` field, as ``page`` shows them."""
    form = _Form()
    form.feed(page)
    return form.fields
