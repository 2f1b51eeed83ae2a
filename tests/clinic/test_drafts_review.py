"""Review r13 of merge a4abbec ("typed words survive sign-out"): seven faults, one test each (all failed before
the fix in branch f3)."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from django.test import Client

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
PROCESS = "Process note: my countertransference, I felt bored and irritated with her today"
WORDS = "Words typed over a long while, kept whatever happens"


def _expire(web: Client) -> None:
    session = web.session
    session["last_seen"] = 0  # the idle timeout signs out at the next request
    session.save()


def _login(web: Client, name: str, **extra: Any) -> Any:
    return web.post("/login/", {"username": name, "password": PASSWORD, **extra})


# 1 ------------------------------------------------------------------------------------------------------------
def test_a_therapists_process_note_is_never_shown_to_a_client_signing_in_at_the_same_computer(
    dit: Any,
) -> None:
    """The therapist types a process note, the idle timeout signs them out, they walk away. The client sits down at
    the same computer and signs in on the page in front of them: the 409 "written while someone else was signed
    in" page shows the therapist-only process note to the client, word for word."""
    client, therapist, course = dit
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    assert web.get(path).status_code == 200
    _expire(web)
    expired = web.post(path, {"action": "note", "kind": "process", "text": PROCESS})
    assert expired.status_code == 401
    back = _login(web, client.username, **dict(expired.context["draft"]))
    assert back.status_code in (200, 302, 409)
    assert PROCESS.encode() not in back.content, "the therapist's process note was shown to the client"


# 2 ------------------------------------------------------------------------------------------------------------
def test_every_signed_out_page_that_carries_the_words_is_no_store(make_user: Any) -> None:
    """The 401 sign-in page carrying the draft, its wrong-password retry and the code step all hold the typed words
    (as hidden inputs) but are served signed out, so no ``Cache-Control: no-store`` is added: the words stay in the
    browser's disk/back-forward cache of a shared computer after the person has gone."""
    ada = make_user("r13-ada")
    web = Client()
    _login(web, "r13-ada")
    _expire(web)
    expired = web.post("/write/", {"kind": "dream", "body": WORDS})
    # the words travel sealed for their writer (review r135 fault 5), never readable in the page
    sealed = b'name="draft__sealed"'
    assert expired.status_code == 401 and sealed in expired.content and WORDS.encode() not in expired.content
    retry = web.post(
        "/login/", {"username": "r13-ada", "password": "wrong", **dict(expired.context["draft"])}
    )
    assert retry.status_code == 401 and sealed in retry.content
    ada.totp_secret = pyotp.random_base32()
    ada.save(update_fields=["totp_secret"])
    step = _login(web, "r13-ada", **dict(expired.context["draft"]))
    assert step.status_code == 200 and sealed in step.content
    for name, response in (("401 sign-in", expired), ("wrong password", retry), ("code step", step)):
        assert "no-store" in response.get("Cache-Control", ""), f"{name} page carries the text, cacheable"


# 3 ------------------------------------------------------------------------------------------------------------
def test_restore_and_save_after_the_trash_was_emptied_keeps_the_words(make_user: Any, web_as: Any) -> None:
    """The 409 page offers "Restore the entry and save this"; the trash is emptied (another tab, the phone) before
    the press. The press answers the plain 404 "No such entry." and the rewritten text is gone."""
    bo = make_user("r13-bo")
    entry = journal.create_entry(bo, EntryDraft(kind="reflection", body="first"))
    web = web_as(bo)
    journal.trash_entry(bo, entry.id)
    post = {"kind": "reflection", "body": WORDS, "base_revision": str(entry.revision)}
    page = web.post(f"/journal/{entry.id}/edit/", post)
    assert page.status_code == 409
    journal.empty_trash(bo, journal.trash_fingerprint(bo))  # another tab
    pressed = web.post(f"/journal/{entry.id}/edit/", {**post, "restore": "1"})
    assert WORDS.encode() in pressed.content, f"answered {pressed.status_code} without the text: it is lost"
    # Not only shown to copy (the error page's "What you typed"): the form, to save it as a new entry by one press.
    assert b'action="/write/"' in pressed.content and b"Save as a new entry" in pressed.content
    assert b"Restore the entry and save this</button>" not in pressed.content
    saved = web.post("/write/", {k: v for k, v in pressed.context["form"].data.items() if k != "writer"})
    assert saved.status_code == 302 and [v.body for v in journal.list_entries(bo)] == [WORDS]


# 4 ------------------------------------------------------------------------------------------------------------
def test_a_writer_mark_does_not_outlive_the_sign_out_it_came_from(make_user: Any, web_as: Any) -> None:
    """The writer mark is Signer(salt).sign(user id): no time, no session, no revocation. It is in every text form
    and, after an idle timeout, in the signed-out sign-in page for anyone at the keyboard to read. Someone who has
    it once (a housemate at a shared computer) can, any time later, post signed out with it and leave the sign-in
    page on screen: when the owner signs in, the other person's words are saved into the owner's journal at once,
    with no press (and go through risk analysis, sharing with the therapist...)."""
    cy = make_user("r13-cy")
    own = web_as(cy)
    found = re.search(rb'name="writer" value="([^"]+)"', own.get("/write/").content)
    assert found is not None
    mark = found.group(1).decode()
    own.post("/logout/")  # a deliberate sign-out: the mark should be worth nothing from now on
    housemate = Client()  # another browser session, no account of cy's
    planted = housemate.post("/write/", {"kind": "dream", "body": "Not written by cy", "writer": mark})
    assert planted.status_code == 401
    _login(housemate, "r13-cy", **dict(planted.context["draft"]))  # cy signs in on the page left on screen
    assert Entry.objects.filter(client=cy).count() == 0, "someone else's words were saved into cy's journal"


# 5 ------------------------------------------------------------------------------------------------------------
def test_two_tabs_through_the_code_step_keep_the_second_tabs_words(dit: Any) -> None:
    """A therapist with two tabs signed out together (progress note in one, process note in the other) gets two
    sign-in pages. Tab 1 goes through password and code; tab 2's password step then its code step: the pending
    sign-in was consumed by tab 1 (same browser session), so /login/code/ answers a bare redirect to /login/ and
    tab 2's note is lost."""
    _, therapist, course = dit
    secret = pyotp.random_base32()
    therapist.totp_secret = secret
    therapist.save(update_fields=["totp_secret"])
    web = signed_in(therapist)
    path = f"/courses/{course.id}/sessions/1/"
    found = re.search(rb'name="writer" value="([^"]+)"', web.get(path).content)
    assert found is not None
    mark = found.group(1).decode()  # each tab's form carries it, as the page renders it
    _expire(web)
    progress = {"action": "progress", "text": "tab one's progress note", "base_version": "0", "writer": mark}
    tab1 = web.post(path, progress)
    tab2 = web.post(path, {"action": "note", "kind": "process", "text": PROCESS, "writer": mark})
    step1 = _login(web, therapist.username, **dict(tab1.context["draft"]))
    step2 = _login(web, therapist.username, **dict(tab2.context["draft"]))
    assert step1.status_code == step2.status_code == 200
    web.post("/login/code/", {"code": pyotp.TOTP(secret).now(), **dict(step1.context["draft"])})
    second = web.post("/login/code/", {"code": pyotp.TOTP(secret).now(), **dict(step2.context["draft"])})
    assert PROCESS.encode() in second.content, f"tab 2 answered {second.status_code} without its note: lost"


# 6 ------------------------------------------------------------------------------------------------------------
def test_the_save_it_now_button_posts_only_to_a_form_that_takes_text(make_user: Any, web_as: Any) -> None:
    """``draft__path`` is taken from the sign-in post as is (any same-site path): a sign-in page tampered with at a
    shared computer turns "Save it now" into a fresh-token post to any action, e.g. emptying the person's trash,
    the very one-click forged post r11 closed on the CSRF page."""
    di = make_user("r13-di")
    found = re.search(rb'name="writer" value="([^"]+)"', web_as(di).get("/write/").content)
    assert found is not None
    draft = {"draft__path": "/trash/empty/", "draft__owner": found.group(1).decode(), "draft_body": WORDS}
    back = _login(Client(), "r13-di", **draft)
    assert b'action="/trash/empty/"' not in back.content, "Save it now posts to /trash/empty/"


# 7 ------------------------------------------------------------------------------------------------------------
def test_a_form_marked_for_one_account_is_not_saved_into_the_account_whose_session_timed_out(
    make_user: Any,
) -> None:
    """One browser, a shared computer: Eli opens /write/ (the form carries Eli's mark) and leaves the tab; Fen signs
    in in another tab and goes idle. Eli comes back, finishes the entry and saves: the idle timeout signs *Fen* out
    on this request and ``carried`` prefers that over the form's own mark, so the draft is bound to Fen; Fen
    signing in gets Eli's words saved into Fen's journal at once, no press."""
    make_user("r13-eli")
    fen = make_user("r13-fen")
    web = Client()
    _login(web, "r13-eli")
    found = re.search(rb'name="writer" value="([^"]+)"', web.get("/write/").content)
    assert found is not None
    eli_mark = found.group(1).decode()
    web.post("/logout/")
    _login(web, "r13-fen")  # another tab, the same browser
    _expire(web)
    posted = web.post("/write/", {"kind": "dream", "body": "Eli's words", "writer": eli_mark})
    assert posted.status_code == 401
    _login(web, "r13-fen", **dict(posted.context["draft"]))
    assert Entry.objects.filter(client=fen).count() == 0, "Eli's words were saved into Fen's journal"


# The fixes' own guards ------------------------------------------------------------------------------------------
def test_a_signed_in_post_carrying_someone_elses_mark_is_refused_with_the_text(
    make_user: Any, web_as: Any
) -> None:
    """Decision 3: a form rendered for one account, posted while another is signed in (the same browser): 409,
    nothing saved into the account signed in now; the words kept sealed in the page for their writer, not shown to
    the account signed in (review r135 fault 5: a client's journal text was shown)."""
    gus = make_user("r13-gus")
    hal = make_user("r13-hal")
    found = re.search(rb'name="writer" value="([^"]+)"', web_as(gus).get("/write/").content)
    assert found is not None
    refused = web_as(hal).post("/write/", {"kind": "dream", "body": WORDS, "writer": found.group(1).decode()})
    assert refused.status_code == 409 and WORDS.encode() not in refused.content
    assert b'name="draft__sealed"' in refused.content
    assert Entry.objects.filter(client__in=[gus, hal]).count() == 0


def test_a_sealed_note_opens_only_for_its_writer_and_only_for_its_path() -> None:
    from reverie.clinic.web import drafts

    fields = [("action", "note"), ("text", PROCESS)]
    token = drafts.seal(fields, 7, "/courses/x/sessions/1/")
    assert PROCESS not in token and "countertransference" not in token
    assert drafts.unseal(token, 7, "/courses/x/sessions/1/") == fields
    assert drafts.unseal(token, 8, "/courses/x/sessions/1/") is None  # another account
    assert drafts.unseal(token, 7, "/courses/x/sessions/2/") is None  # another page
    assert drafts.unseal(token[:-4] + "AAAA", 7, "/courses/x/sessions/1/") is None  # tampered


def test_the_owner_vouches_for_its_own_words_only_line_breaks_alike() -> None:
    from reverie.clinic.web import drafts

    token = drafts.sign_owner(3, drafts.SERVER, [("body", "one\ntwo")])
    assert drafts.owner_of(token, [("body", "one\r\ntwo")]) == (3, True)  # as a browser sends it back
    assert drafts.owner_of(token, [("body", "someone else's words")]) == (None, False)
    assert drafts.owner_of(drafts.sign_owner(3, drafts.FORM, []), []) == (3, False)


def test_a_writer_mark_expires_with_the_session_lifetime(make_user: Any, settings: Any) -> None:
    from reverie.clinic.web import drafts

    mark = drafts.sign_writer(5)
    assert drafts.writer_of(mark) == 5
    settings.SESSION_COOKIE_AGE = -1  # any mark is now older than the session could live
    assert drafts.writer_of(mark) is None and drafts.writer_of(mark, ignore_age=True) == 5


def test_save_it_now_posts_only_where_the_view_keeps_text() -> None:
    from reverie.clinic.web import drafts

    assert drafts.takes_text("/write/")
    assert not drafts.takes_text("/trash/empty/") and not drafts.takes_text("/logout/")
    assert not drafts.takes_text("//evil.example/write/") and not drafts.takes_text("/no/such/page/")
