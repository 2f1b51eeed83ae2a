"""Review r25: client pages as a person in a hard moment reads them on a phone (plain Django client checks)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from web_client import signed_in

pytestmark = pytest.mark.django_db

WORDS = "I want to stop hiding from people 😢 שלום עליכם مرحبا"


def test_r25_an_unknown_address_answers_a_reverie_page_with_the_crisis_link_and_a_way_back(
    make_user: Any,
) -> None:
    """A mistyped or stale address shows Reverie's own page: plain words, the crisis link and a way back."""
    web = signed_in(make_user())
    page = web.get("/journal-typo/")
    html = page.content.decode()
    assert page.status_code == 404
    assert "requested resource" not in html
    assert 'href="/safety/"' in html, "no way to the crisis lines on the 404 page"
    assert 'href="/"' in html, "no way back to Reverie on the 404 page"


@pytest.mark.parametrize(
    "fields",
    [
        {"template": "", "title": "", "description": WORDS},
        {"template": "", "title": "Be with people", "description": WORDS * 12},
    ],
    ids=["no-title", "description-over-500"],
)
def test_r25_a_refused_goal_keeps_the_words_the_client_typed(dit: Any, fields: dict[str, str]) -> None:
    """A goal refused (no title, or more than 500 characters) comes back with its words still in the form."""
    client, _, course = dit
    page = signed_in(client).post(f"/courses/{course.id}/goals/", fields)
    html = page.content.decode()
    assert page.status_code == 400 and 'class="error"' in html
    assert fields["description"] in html, "the words typed in 'In more words' were dropped"


def test_r25_a_clients_own_goal_says_proposed_by_you(dit: Any) -> None:
    """The client reads their own proposed goal as "proposed by you", not "proposed by the client"."""
    from reverie.care.services import goals

    client, _, course = dit
    goals.propose(client, course.id, title="Sleep before midnight")
    html = signed_in(client).get(f"/courses/{course.id}/goals/").content.decode()
    assert "proposed by the client" not in html
    assert "proposed by you" in html


def test_r25_the_goal_rating_question_writes_i_as_a_capital(dit: Any) -> None:
    """The rating question reads "where I want to be", not "where i want to be"."""
    from reverie.care.services import goals

    client, _, course = dit
    goals.propose(client, course.id, title="Sleep before midnight")
    html = signed_in(client).get(f"/courses/{course.id}/goals/").content.decode()
    assert "where i want" not in html


def test_r25_time_zone_choices_read_as_places_not_ids(make_user: Any) -> None:
    """The settings list names places as people write them ("Los Angeles"), without raw ids' underscores."""
    html = signed_in(make_user()).get("/account/settings/").content.decode()
    shown = re.findall(r"<option[^>]*>([^<]*)</option>", html)
    assert shown, "no time zone list"
    raw = [s for s in shown if "_" in s]
    assert not raw, f"{len(raw)} choices read as raw ids, e.g. {raw[:3]}"


def test_r25_a_client_is_not_shown_the_therapists_alert_list(make_user: Any) -> None:
    """/alerts/ is a therapist's page: a client gets the plain "this page is for your therapist" answer."""
    page = signed_in(make_user()).get("/alerts/")
    html = page.content.decode()
    assert "Alerts to acknowledge" not in html and "how the client answered" not in html
    assert page.status_code == 403


# --- what the fixes above reach beyond r25's own cases (h13) -----------------------------------------------------

# Every therapist-only page of the URL table (reverie/clinic/urls.py, reverie/care/urls.py): route, its arguments
# (from the course fixture), method. The course record, letter, formulation and goals are both sides' pages.
THERAPIST_ONLY = [
    ("care:week", (), "get"),
    ("care:alerts", (), "get"),
    ("care:alert_ack", ("alert_id",), "post"),
    ("care:erasure_notice_read", (), "post"),
    ("care:course_new", (), "get"),
    ("care:course_new", (), "post"),
    ("care:course_end", ("course_id",), "get"),
    ("care:prep", ("course_id",), "get"),
    ("care:session", ("course_id", "slot"), "get"),
    ("care:share", ("course_id",), "post"),
    ("care:client_plan", ("client_id",), "get"),
    ("care:directory_profile", (), "get"),
    ("care:directory_import", (), "get"),
    ("client_insights", ("client_id",), "get"),
]


@pytest.mark.parametrize(
    ("route", "args", "method"), THERAPIST_ONLY, ids=[f"{r}-{m}" for r, _, m in THERAPIST_ONLY]
)
def test_every_therapist_only_page_answers_a_client_for_your_therapist(
    dit: Any, route: str, args: tuple[str, ...], method: str
) -> None:
    """A client who opens a therapist's page (of their own course, or with their own id in it) gets 403 and the
    plain "This page is for your therapist", never the page, through the one policy (``TherapistPage``)."""
    from django.urls import reverse

    client, _, course = dit
    values = {"course_id": course.id, "slot": 1, "client_id": client.pk, "alert_id": "x"}
    url = reverse(route, kwargs={name: values[name] for name in args} or None)
    page = getattr(signed_in(client), method)(url)
    assert page.status_code == 403, (route, method, page.status_code)
    assert "This page is for your therapist" in page.content.decode()


def test_an_error_outside_any_view_answers_reverie_s_page_without_the_database(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    """A failure in the request's own machinery (here the time-zone middleware) is Reverie's 500 page: plain words,
    the crisis link and a way back; the page itself reads nothing from the database, which may be what failed."""
    from django.http import HttpRequest

    from reverie.clinic.web import local_time
    from reverie.clinic.web.middleware import server_error

    def broken(self: Any, request: Any) -> Any:
        raise RuntimeError("the machinery failed")

    web = signed_in(make_user())
    web.raise_request_exception = False
    monkeypatch.setattr(local_time.LocalTimeMiddleware, "__call__", broken)
    page = web.get("/journal/")
    html = page.content.decode()
    assert page.status_code == 500 and "Server Error (500)" not in html
    assert 'href="/safety/"' in html and 'href="/"' in html and "Something went wrong" in html
    request = HttpRequest()
    request.method, request.path = "GET", "/journal/"
    with django_assert_max_num_queries(0):
        assert server_error(request).status_code == 500


# The classes of the blocks that show a person's own words (review r34 found a check-in's read-back without it).
WORDS_CLASSES = ("body", "excerpt", "quote", "note-to-client")


def test_every_template_box_and_body_of_words_follows_the_words_direction() -> None:
    """Every box a person types words in, and every element that shows them (an entry's, a note's or a letter's
    ``body``, a list's ``excerpt``, a ``quote`` read back, a note to the client; every ``<blockquote>`` and ``<q>``),
    reads right to left when the words are Arabic or Hebrew: dir="auto" on each, wherever the class sits among the
    attributes and among the classes (the entry form's own boxes get it in forms.py; tests/browser/test_r25_phone.py
    and test_r34_phone.py check it in Chromium)."""
    from pathlib import Path

    import reverie

    root = Path(reverie.__file__).parent
    classes = "|".join(WORDS_CLASSES)
    tags = re.compile(
        r'<(?:textarea|blockquote|q)\b[^>]*>|<[a-z]+\b[^>]*\bclass="(?:[^"]*\s)?(?:'
        + classes
        + r')(?:\s[^"]*)?"[^>]*>'
    )
    missing = [
        f"{path.relative_to(root)}: {tag[:60]}"
        for path in root.glob("**/templates/**/*.html")
        for tag in tags.findall(path.read_text())
        if 'dir="auto"' not in tag
    ]
    assert not missing, missing
