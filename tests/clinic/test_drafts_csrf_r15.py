"""Review r15 of the sealed drafts, with the real CSRF check: a therapist's words refused by the CSRF check are sealed
for their writer, never shown on that page; a note left open overnight is still sealed for its writer; a refusal under
another account carries the words for the writer; a second tab through the code step gets its note back."""

from __future__ import annotations

import re
from typing import Any
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.test import Client

from web_client import signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
PLANTED = "Attacker words: I no longer want to live, do not call anyone"
PROCESS = "Process note: my countertransference, I felt bored and irritated with her today"


def _mark(page: bytes) -> str:
    found = re.search(rb'name="writer" value="([^"]+)"', page)
    assert found is not None
    return found.group(1).decode()


def _token(web: Client) -> str:
    return web.cookies[django_settings.CSRF_COOKIE_NAME].value


# 1 ------------------------------------------------------------------------------------------------------------
def test_the_csrf_refusal_page_shows_a_therapists_process_note_to_the_next_person_signed_in(dit: Any) -> None:
    """One browser, a shared computer (r13 point 3's case, with the real CSRF check on). The therapist's session
    page is open with a process note half typed; the client signs in in another tab. Signing in rotates the CSRF
    secret, so the therapist's form no longer passes the CSRF check: ``csrf_views.csrf_failure`` runs *before*
    ``keeps_text`` and prints every posted field readable (``typed_fields``), whoever is signed in, or no one.
    The sealing of therapist-only text, and the 409 that shows nothing, are bypassed: the client reads the
    therapist's process note word for word."""
    client, therapist, course = dit
    web = Client(enforce_csrf_checks=True)
    web.force_login(therapist)
    session = web.session
    session["otp"] = True
    session.save()
    path = f"/courses/{course.id}/sessions/1/"
    page = web.get(path)
    assert page.status_code == 200
    mark, old_token = _mark(page.content), _token(web)
    # The client signs in in another tab of the same browser (a real sign-in: the CSRF secret is rotated).
    signed = web.post(
        "/login/", {"username": client.username, "password": PASSWORD, "csrfmiddlewaretoken": old_token}
    )
    assert signed.status_code == 302
    posted = web.post(
        path,
        {
            "action": "note",
            "kind": "process",
            "text": PROCESS,
            "writer": mark,
            "csrfmiddlewaretoken": old_token,
        },
    )
    assert posted.status_code == 403  # the CSRF refusal page
    assert PROCESS.encode() not in posted.content, "the therapist's process note was shown to the client"


def test_the_csrf_refusal_page_shows_a_therapists_note_with_no_one_signed_in(dit: Any) -> None:
    """The same page, signed out (cookies cleared, or the CSRF cookie gone with them): the note is printed readable
    in the page to whoever is at the keyboard, with no sign-in, where the 401 path would have sealed it."""
    _, therapist, course = dit
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    mark = _mark(web.get(path).content)
    stranger = Client(enforce_csrf_checks=True)  # the browser after its cookies were cleared
    posted = stranger.post(path, {"action": "note", "kind": "process", "text": PROCESS, "writer": mark})
    assert posted.status_code == 403
    assert PROCESS.encode() not in posted.content, "a therapist-only note is readable on the CSRF page"


# 2 ------------------------------------------------------------------------------------------------------------
def test_a_therapists_note_sealed_for_no_one_is_lost_though_the_page_promises_it_back(dit: Any) -> None:
    """The therapist's note tab stays open past the session's 12 hours (overnight): the browser has dropped the
    session cookie, so no idle timeout names the writer, and the form's ``writer`` mark has expired. ``carried``
    then seals the note for owner ``None`` (additional data ``-``), which ``unpack`` never opens: the therapist signs
    in and is told "The person who wrote it must sign in to get it back" (they just did); the note is gone. A
    client's text in the same case is shown back to copy (``UNKNOWN``); a therapist's is destroyed."""
    _, therapist, course = dit
    path = f"/courses/{course.id}/sessions/1/"
    web = signed_in(therapist)
    with mock.patch("django.core.signing.time.time", return_value=1_000_000_000.0):  # rendered long ago
        mark = _mark(web.get(path).content)
    browser = Client()  # the session cookie has expired: nothing tells the server who was signed in
    expired = browser.post(path, {"action": "note", "kind": "process", "text": PROCESS, "writer": mark})
    assert expired.status_code == 401
    assert b"sign in and it will be saved, or shown back to you" in expired.content  # the page's promise
    back = browser.post(
        "/login/", {"username": therapist.username, "password": PASSWORD, **dict(expired.context["draft"])}
    )
    assert PROCESS.encode() in back.content, (
        f"answered {back.status_code}: the writer signed in and the note is gone ({back.context['message']!r})"
    )


# 3 ------------------------------------------------------------------------------------------------------------
def test_a_therapists_note_refused_under_another_account_cannot_be_got_back_as_promised(dit: Any) -> None:
    """A therapist's form posted while someone else is signed in (the same browser; in practice through the CSRF
    page's "Save again", which carries the ``writer`` mark): ``keeps_text`` answers 409 "The person who wrote it
    must sign in to get it back", but the page carries nothing for them (``Carried(..., [], sealed=True)``: no
    sealed value, no form). The writer signing in on that page gets nothing: the promise is false, the note lost."""
    client, therapist, course = dit
    path = f"/courses/{course.id}/sessions/1/"
    mark = _mark(signed_in(therapist).get(path).content)
    web = signed_in(client)
    refused = web.post(path, {"action": "note", "kind": "process", "text": PROCESS, "writer": mark})
    assert refused.status_code == 409 and b"must sign in to get it back" in refused.content
    carried = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', refused.content.decode())
    )
    carried.pop("csrfmiddlewaretoken", None)
    web.post("/logout/")
    back = web.post("/login/", {"username": therapist.username, "password": PASSWORD, **carried})
    assert PROCESS.encode() in back.content, "the writer signed in as told, and the note is not there"


# 4 ------------------------------------------------------------------------------------------------------------
def test_two_tabs_through_the_code_step_with_the_real_csrf_check(dit: Any) -> None:
    """r13 point 5's fix, in a real browser: tab 1's code step calls ``login()``, which rotates the CSRF secret,
    so tab 2's code post (its page rendered before) is refused by the CSRF check before ``login_code`` runs. The
    therapist gets the 403 "could not be sure this form came from you" page showing three inputs labelled
    "Draft  path", "Draft  owner", "Draft  sealed" (tokens); only pressing "Save again" brings the note back.
    The r13 test passed because Django's test client skips the CSRF check."""
    import pyotp

    _, therapist, course = dit
    secret = pyotp.random_base32()
    therapist.totp_secret = secret
    therapist.save(update_fields=["totp_secret"])
    web = Client(enforce_csrf_checks=True)
    web.force_login(therapist)
    session = web.session
    session["otp"] = True
    session.save()
    path = f"/courses/{course.id}/sessions/1/"
    mark = _mark(web.get(path).content)
    token = _token(web)
    session = web.session
    session["last_seen"] = 0  # the idle timeout signs out at the next request
    session.save()
    progress = {"action": "progress", "text": "tab one", "base_version": "0", "writer": mark}
    tab1 = web.post(path, {**progress, "csrfmiddlewaretoken": token})
    tab2 = web.post(
        path,
        {"action": "note", "kind": "process", "text": PROCESS, "writer": mark, "csrfmiddlewaretoken": token},
    )
    sign_in = {"username": therapist.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    step1 = web.post("/login/", {**sign_in, **dict(tab1.context["draft"])})
    step2 = web.post("/login/", {**sign_in, **dict(tab2.context["draft"])})
    code = {"code": pyotp.TOTP(secret).now(), "csrfmiddlewaretoken": token}
    web.post("/login/code/", {**code, **dict(step1.context["draft"])})
    second = web.post("/login/code/", {**code, **dict(step2.context["draft"])})
    assert b"Draft  sealed" not in second.content, "tab 2 got the CSRF refusal page with the draft's tokens"
    assert PROCESS.encode() in second.content, f"tab 2 answered {second.status_code} without its note"


def test_the_error_page_shows_a_therapists_words_only_to_their_writer(dit: Any) -> None:
    """The error page's "What you typed" (any failure) must not become the way round the seal: a therapist-only
    form posted under another signed-in account without a mark the view could check."""
    client, _therapist, course = dit
    path = f"/courses/{course.id}/sessions/1/"
    refused = signed_in(client).post(path, {"action": "note", "kind": "process", "text": PROCESS})
    assert PROCESS.encode() not in refused.content


def test_a_cross_site_post_to_login_carries_no_draft_on(
    make_user: Any,
) -> None:
    """A page on another site auto-submits a form to /login/ with ``draft__path=/write/`` and ``draft_body``: the CSRF
    check refuses it (no token), and ``_with_draft`` answers the victim, signed in, with the real sign-in page
    carrying the forged draft as hidden fields, under "this text is sealed in this page for the person who wrote
    it, who must sign in to get it back" (it is not sealed, and no one of this site wrote it). That page has the
    victim's own fresh CSRF token: the cross-site draft is laundered into a same-site form. The victim signs in as
    told; ``_carry_on`` finds no owner token and shows the planted words with "save it below if it is yours" and a
    Save it now button to /write/ (any form that takes text, a therapist's notes page too). Before ce8854f the
    cross-site post got the plain refusal page. The legitimate case (another tab rotated the token) is always
    same-site: a post that is not from this site gets the ordinary refusal, carrying nothing (review r16)."""
    ann = make_user("r16-victim")
    web = Client(enforce_csrf_checks=True)
    web.force_login(ann)
    web.get("/write/")  # the victim has a CSRF cookie, as any visitor
    forged = web.post(
        "/login/",
        {"draft__path": "/write/", "draft_body": PLANTED, "draft_kind": "note"},
        HTTP_ORIGIN="https://evil.example",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert forged.status_code == 403
    hidden = dict(
        re.findall(r'<input type="hidden" name="(draft_[a-z_]+)" value="([^"]*)"', forged.content.decode())
    )
    if not hidden:
        return  # the forged draft is not carried: nothing to follow
    token = web.cookies[django_settings.CSRF_COOKIE_NAME].value
    # The victim, told to sign in to get "their" text back, signs in on that page (same site, its fresh token).
    after = web.post(
        "/login/",
        {**hidden, "username": ann.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    page = after.content.decode()
    assert not (PLANTED.split(":")[1].strip()[:20] in page and "Save it now" in page), (
        "a cross-site post planted words that the victim's next sign-in offers to save into their journal"
    )
