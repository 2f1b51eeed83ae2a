"""Erasure asks for the password as well as the user name: web, API and command line (issue 11, item 4)."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import AuthenticationFailed

PASSWORD = "a long test password"


@pytest.mark.django_db
def test_erasure_password_service_refuses_without_the_right_password(make_user: Any) -> None:
    alice = make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", body="still here"))
    for wrong in ("", "not the password"):
        with pytest.raises(AuthenticationFailed, match="Nothing was erased"):
            portability.erase_client(alice, alice.username, wrong)
    assert Entry.objects.filter(client=alice).count() == 1
    assert portability.erase_client(alice, alice.username, PASSWORD) == 1
    assert not User.objects.filter(pk=alice.pk).exists()


@pytest.mark.django_db
def test_erasure_password_web_page_asks_for_it(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    web = web_as(alice)
    page = web.get("/account/erase/")
    assert b'name="password"' in page.content and b'type="password"' in page.content
    refused = web.post("/account/erase/", {"confirm": alice.username})  # the old form: the user name only
    assert refused.status_code == 401 and b"Nothing was erased" in refused.content
    assert User.objects.filter(pk=alice.pk).exists()
    done = web.post("/account/erase/", {"confirm": alice.username, "password": PASSWORD})
    # r134: the result behind a redirect, so Back never offers to send the erase again
    assert done.status_code == 303 and done["Location"] == "/account/erased/"
    shown = web.get("/account/erased/")
    assert shown.status_code == 200 and b"Everything is erased" in shown.content
    assert b"Your account and 0 entries are gone" in shown.content
    assert not User.objects.filter(pk=alice.pk).exists()
    back = web.get("/account/erase/")  # Back: the erase page asks to sign in, nothing sent again
    assert back.status_code == 302 and "/login/" in back["Location"]
    from django.test import Client

    assert Client().get("/account/erased/")["Location"] == "/"  # no erase in this browser: nothing to say


def test_the_erase_page_says_what_stays(make_user: Any, web_as: Any) -> None:
    """r134 fault 9: "erase everything", exact: the privacy log's rows (no words) stay for its chain."""
    page = web_as(make_user()).get("/account/erase/").content.decode()
    assert "One thing stays: the rows of the privacy log" in page and "never a word you wrote" in page


def _box(page: str, box: str) -> str:
    found = re.search(rf'<input id="{box}"[^>]*>', page)
    assert found is not None, box
    return found.group(0)


@pytest.mark.django_db
def test_erasure_refusal_says_what_was_checked_on_its_box(make_user: Any, web_as: Any) -> None:
    """Only the password is checked on the erase page (the account is the one signed in): a wrong one is said as
    such, never "Wrong user name or password", on the password box (marked, described by the refusal, focused),
    the summary on top linking to it; a mistyped confirming user name is said on its own box (review r126)."""
    alice = make_user()
    web = web_as(alice)
    refused = web.post("/account/erase/", {"confirm": alice.username, "password": "not it"})
    page = html.unescape(refused.content.decode())
    assert refused.status_code == 401 and "The password is not right. Nothing was erased." in page
    assert "user name or password" not in page
    password = _box(page, "password")
    assert 'aria-invalid="true"' in password and "autofocus" in password
    assert 'aria-describedby="password-error"' in password and 'id="password-error"' in page
    assert 'href="#password"' in page and "autofocus" not in _box(page, "confirm")
    mistyped = html.unescape(
        web.post("/account/erase/", {"confirm": "someone", "password": PASSWORD}).content.decode()
    )
    confirm = _box(mistyped, "confirm")
    assert 'aria-invalid="true"' in confirm and "autofocus" in confirm and 'id="confirm-error"' in mistyped
    assert "autofocus" not in _box(mistyped, "password")
    assert User.objects.filter(pk=alice.pk).exists()


@pytest.mark.django_db
def test_erasure_password_api_route_needs_it(make_user: Any) -> None:
    from reverie.api import tokens

    alice = make_user()
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(alice, 'tests').secret}"})

    def erase(body: dict[str, str]) -> Any:
        return api.post("/api/v1/erase", data=json.dumps(body), content_type="application/json")

    assert erase({"confirm": alice.username}).status_code == 422  # no password field at all
    wrong = erase({"confirm": alice.username, "password": "guess"})
    assert wrong.status_code == 401 and json.loads(wrong.content)["error"]["code"] == "E401"
    assert User.objects.filter(pk=alice.pk).exists()
    done = erase({"confirm": alice.username, "password": PASSWORD})
    assert done.status_code == 200 and json.loads(done.content) == {"erased_entries": 0}
    assert not User.objects.filter(pk=alice.pk).exists()


@pytest.mark.db
def test_erasure_password_cli_needs_it(cli: Any) -> None:
    cli("user", "create", "mona")
    code, _, err = cli("erase", "-u", "mona", "--confirm", "mona", check=False, REVERIE_PASSWORD="wrong one")
    assert code == 3 and "Nothing was erased" in err
    assert (
        "Wrong user name or password" in err
    )  # the user name typed here is checked too: one answer for both
    cli("journal", "list", "-u", "mona")  # still there
    code, _, _ = cli(
        "journal", "write", "-u", "mona", "--happened-at", "2999-01-01", input="kept", check=False
    )
    assert code != 0 and len(list((cli.data_dir / "recovery").glob("*/*.json"))) == 1  # a recovery copy
    cli("erase", "-u", "mona", "--confirm", "mona")
    assert list((cli.data_dir / "recovery").glob("*/*.json")) == []  # erased with the account
    code, _, _ = cli("journal", "list", "-u", "mona", check=False)
    assert code == 3


@pytest.mark.db
def test_erasure_counts_one_entry_in_words_on_the_command_line(cli: Any) -> None:
    """The command line's erasure says "1 entry", as the erased page does (review r126), never "1 entries"."""
    cli("user", "create", "noor")
    cli("journal", "write", "-u", "noor", "--kind", "reflection", input="The only thing I wrote.")
    _, out, _ = cli("erase", "-u", "noor", "--confirm", "noor")
    assert "Erased the account and 1 entry." in out, out
