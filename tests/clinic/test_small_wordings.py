"""Small everyday wordings (qa34 points 10b and 11): each page says plainly what it does."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.test import RequestFactory


def _render(name: str, user: Any, **context: Any) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(name, context, request=request)


def test_export_title_has_no_markup_and_import_is_named(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user()).get("/export/").content.decode()
    assert "<title>Export · Reverie</title>" in page
    assert "Reverie can read it back in" in page and "(can be imported again)" not in page
    assert (
        "reverie journal import" not in page and "JSON" not in page
    )  # r45: no command line, no code on a web page
    assert 'href="/account/erase/"' in page  # the erase link stays in the page itself


def test_recovery_codes_heading_says_two_step_is_on(make_user: Any) -> None:
    user = make_user()
    shown = _render("reverie/totp_setup.html", user, codes=["abcd-efgh"], enrolled=True)
    assert "Set up two-step sign-in" not in shown and "your recovery codes" in shown
    setting_up = _render("reverie/totp_setup.html", user, codes=[], enrolled=False)
    assert "<h1>Set up two-step sign-in</h1>" in setting_up


def test_standalone_links_are_tap_targets(make_user: Any) -> None:
    user = make_user()
    shown = _render("reverie/totp_setup.html", user, codes=["abcd-efgh"], enrolled=True)
    assert '<a class="tap" href="/">Continue</a>' in shown
    assert '<a class="tap" href="/">Back to the start</a>' in _render("reverie/erased.html", user, count=3)
