"""Review r73: answers a client sends just after the idle timeout signed them out.

docs/measures.md: "Item 9 is screened as it is sent, whatever happens to the form" (the alert for the therapist,
the check-in, the safety plan and crisis lines). docs/usage.md ("When the web signs you out while you write"):
words sent after the timeout are not lost, the sign-in page carries them. The PHQ-9 form and the check-in are not
wrapped in ``drafts.keeps_text``: ``login_required`` answers the POST with a bare redirect to the sign-in page, so
the answers are dropped before anything reads them.

The clock is moved the way the project's other timeout tests move it: the session's ``last_seen`` set far back.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from reverie.care.models import CheckIn, MeasureResponse, RiskAlert
from reverie.care.services import alerts
from web_client import form_fields

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"  # tests/conftest.py's make_user


def _phq9(item9: int) -> dict[str, str]:
    answers = {f"item{n}": "1" for n in range(1, 9)}
    answers["item9"] = str(item9)
    return answers


def _signed_in(name: str) -> Client:
    web = Client()
    assert web.post("/login/", {"username": name, "password": PASSWORD}).status_code == 302
    return web


def _idle(web: Client) -> None:
    """REVERIE_IDLE_MINUTES (30) and more pass without a request."""
    session = web.session
    session["last_seen"] = 0
    session.save()


def _sign_in_again(web: Client, name: str, reply: Any) -> str:
    """What the person does next: on the sign-in page they reached (carrying whatever it carries), they sign in;
    every page on the way is returned, joined, so a test can ask what they were shown."""
    pages = [reply.content.decode()]
    if reply.status_code in (301, 302):
        landed = web.get(reply["Location"])
        pages.append(landed.content.decode())
        page, action = landed.content.decode(), reply["Location"]
    else:
        page, action = pages[0], "/login/"
    fields = {**form_fields(page), "username": name, "password": PASSWORD}
    after = web.post(action if action.startswith("/login/") else "/login/", fields, follow=True)
    pages.append(after.content.decode())
    return "\n".join(pages)


def test_phq9_item9_sent_after_the_idle_timeout_is_screened(dit: tuple[Any, Any, Any]) -> None:
    """A client opens PHQ-9 at 2 a.m., takes more than 30 minutes over it, answers question 9 ("thoughts that you
    would be better off dead") "nearly every day" and presses Send. They see the plain sign-in page; after signing
    in they land on an empty PHQ-9 form: no safety plan, no crisis lines, and their therapist is never alerted.
    They should get what any other sending gets (docs/measures.md: screened as it is sent, whatever happens to the
    form): the crisis lines and safety plan on a page they see, and the therapist's alert."""
    client, _, _ = dit
    web = _signed_in(client.username)
    _idle(web)
    reply = web.post("/measures/fill/phq9/", {**_phq9(3), "session": "16"})
    seen = _sign_in_again(web, client.username, reply)
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        "item 9 answered 'nearly every day' after the idle timeout: the therapist is never alerted"
    )
    assert 'id="lines-heading"' in seen, "no crisis lines shown on any page the client saw"


def test_phq9_answers_sent_after_the_idle_timeout_are_not_lost(dit: tuple[Any, Any, Any]) -> None:
    """A client answers all nine PHQ-9 questions, pauses past the idle timeout and presses Send; after signing in
    again they are on an empty form and must answer all nine again (nothing stored, nothing shown back). Words
    typed on /write/ come back through the sign-in (docs/usage.md); these answers should too, or be stored."""
    client, _, _ = dit
    web = _signed_in(client.username)
    _idle(web)
    reply = web.post("/measures/fill/phq9/", {**_phq9(0), "item1": "3", "session": "16"})
    seen = _sign_in_again(web, client.username, reply)
    stored = MeasureResponse.objects.filter(course__client=client).exists()
    shown_back = 'name="item1" value="3" checked' in seen
    assert stored or shown_back, (
        "the nine answers sent after the timeout are gone: neither stored nor shown back"
    )


def test_i_need_help_now_sent_after_the_idle_timeout_reaches_the_therapist(dit: tuple[Any, Any, Any]) -> None:
    """A check-in is waiting (a risky entry raised an alert). At 2 a.m. the client reads the check-in page with
    their plan for a long while, then presses "I need help now". They get the sign-in page; the answer is gone, the
    alert's urgency for the therapist never rises, and after signing in the same question is asked again as if
    never answered. The answer should reach the therapist (kept through the sign-in as words are, or recorded)."""
    client, _, _ = dit
    alert = alerts.signal(client, "phq9_item9", "ideation", "r73-test", written_at=timezone.now())
    check_in = CheckIn.objects.get(client=client, alert=alert, answered_at__isnull=True)
    web = _signed_in(client.username)
    assert web.get("/check-in/").status_code == 200
    _idle(web)
    reply = web.post("/check-in/", {"check_in": str(check_in.pk), "answer": "need_help"})
    _sign_in_again(web, client.username, reply)
    check_in.refresh_from_db()
    assert check_in.answered_at is not None and check_in.answer == "need_help", (
        "'I need help now' pressed after the idle timeout was dropped: the therapist never sees it"
    )


@pytest.mark.parametrize(
    ("path", "posted", "urgent"),
    [
        ("/measures/fill/phq9/", _phq9(2), True),
        ("/measures/fill/phq9/", _phq9(0), False),
        ("/check-in/", {"check_in": "1", "answer": "need_help"}, True),
        ("/check-in/", {"check_in": "1", "answer": "safe"}, False),
    ],
)
def test_the_sign_in_page_itself_shows_the_crisis_lines_for_a_kept_cry_for_help(
    dit: tuple[Any, Any, Any], path: str, posted: dict[str, str], urgent: bool
) -> None:
    """h84: the answers are only the account's once the person signs in again, but the crisis lines need no
    account: the very sign-in page that keeps item 9 above 0 or "I need help now" shows them (the person may
    not sign in at all); kept answers that ask for nothing get the plain sign-in page."""
    client, _, _ = dit
    web = _signed_in(client.username)
    _idle(web)
    page = web.post(path, posted)
    assert page.status_code == 401  # the sign-in page carrying the answers, not a bare redirect
    assert ('id="lines-heading"' in page.content.decode()) is urgent
    retried = web.post("/login/", {**form_fields(page.content.decode()), "username": client.username})
    assert ('id="lines-heading"' in retried.content.decode()) is urgent, "the lines go with a retried sign-in"


def test_item9_kept_in_a_second_tab_is_screened_when_the_first_tab_signed_in(
    dit: tuple[Any, Any, Any],
) -> None:
    """Two tabs, both sent after the idle timeout: an entry in one, PHQ-9 with question 9 "nearly every day" in the
    other. Signing in on the first rotates the CSRF token, so the second tab's sign-in is refused by the CSRF check
    and its answers come back to the person already signed in; question 9 is screened there too (the alert), not
    only after a second press. The second tab's session had already ended: only the form's writer mark names its
    owner."""
    import re

    from django.conf import settings as django_settings

    client, _, _ = dit
    web = Client(enforce_csrf_checks=True)
    web.force_login(client)
    fill = web.get("/measures/fill/phq9/").content.decode()
    mark = re.search(r'name="writer" value="([^"]+)"', fill)
    assert mark is not None, "the PHQ-9 form carries no writer mark"
    token = web.cookies[django_settings.CSRF_COOKIE_NAME].value
    _idle(web)
    entry = web.post("/write/", {"kind": "journal", "body": "tab one", "csrfmiddlewaretoken": token})
    answers = web.post(
        "/measures/fill/phq9/", {**_phq9(3), "writer": mark.group(1), "csrfmiddlewaretoken": token}
    )
    assert answers.status_code == 401 and 'id="lines-heading"' in answers.content.decode()
    sign_in = {"username": client.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    web.post("/login/", {**sign_in, **dict(entry.context["draft"])})
    second = web.post("/login/", {**sign_in, **dict(answers.context["draft"])})
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        f"question 9 kept in the second tab answered {second.status_code} and was never screened"
    )
    assert 'name="item9" value="3" checked' in second.content.decode()
