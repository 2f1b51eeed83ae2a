"""Issue 11 item 5: who is a therapist. The public sign-up makes client accounts only; therapist accounts exist by
the operator's action (CLI) or the operator's invitation; the first account of a fresh install is the operator's
choice; a therapist edits only their own directory listing; directory import is the operator's (CLI only)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.care.models import DirectoryProfile
from reverie.care.services import directory
from reverie.clinic.models import AccountInvitation, Role, User
from reverie.clinic.services import enrolment, people
from reverie.clinic.services.policy import Action, allows
from reverie.errors import AuthenticationFailed, InvalidInput, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
PROFILE = {
    "name": "Dr Own",
    "modalities": "psychodynamic",
    "formats": "dit",
    "languages": "en",
    "in_person": "yes",
    "online": "no",
    "location": "Leeds",
    "country": "GB",
    "fee_min": "60",
    "fee_max": "90",
    "currency": "GBP",
    "availability": "open",
}
HEADER = "id,name,modalities,formats,languages,in_person,online,location,country,fee_min,fee_max,currency,availability\n"


def test_therapist_accounts_public_sign_up_makes_clients_only(make_user: Any) -> None:
    make_user("first-one")  # not a fresh install any more
    web = Client()
    page = web.get("/signup/")
    assert b'value="therapist"' not in page.content and b"invitation code" in page.content.lower()
    response = web.post("/signup/", {"username": "mallory", "password": PASSWORD, "role": "therapist"})
    assert response.status_code == 302
    assert User.objects.get(username="mallory").role == Role.CLIENT


def test_therapist_accounts_first_run_keeps_the_operators_choice() -> None:
    web = Client()
    assert b'value="therapist"' in web.get("/setup/").content
    assert (
        web.post("/setup/", {"username": "dr-first", "password": PASSWORD, "role": "therapist"}).status_code
        == 302
    )
    assert User.objects.get(username="dr-first").is_therapist
    assert Client().get("/setup/").status_code == 302  # only while there are no accounts
    with pytest.raises(InvalidInput):
        enrolment.first_account("dr-second", PASSWORD, Role.THERAPIST)


def test_therapist_accounts_by_operator_invitation_once(make_user: Any) -> None:
    make_user("someone")
    code = enrolment.issue_account_invitation()
    assert len(code.replace("-", "")) == 20 and AccountInvitation.objects.get().code_hash != code
    web = Client()
    wrong = web.post(
        "/signup/", {"username": "dr-x", "password": PASSWORD, "invitation": "AAAAA-BBBBB-CCCCC-DDDDD"}
    )
    assert wrong.status_code == 400 and not User.objects.filter(username="dr-x").exists()
    joined = web.post("/signup/", {"username": "dr-inv", "password": PASSWORD, "invitation": code.lower()})
    assert joined.status_code == 302 and User.objects.get(username="dr-inv").is_therapist
    with pytest.raises(NotFound):
        enrolment.sign_up("dr-again", PASSWORD, invitation=code, address="10.8.0.1")
    assert AccountInvitation.objects.get().used_by == User.objects.get(username="dr-inv")


def test_therapist_accounts_invitation_guesses_at_sign_up_are_throttled(make_user: Any) -> None:
    code = enrolment.issue_account_invitation()
    for n in range(people.MAX_REDEEM_PER_ADDRESS):
        with pytest.raises(NotFound):
            enrolment.sign_up(
                f"guess-{n}", PASSWORD, invitation=f"{n:05d}-XXXXX-YYYYY-ZZZZZ", address="10.8.1.1"
            )
    with pytest.raises(AuthenticationFailed, match="Too many invitation codes"):
        enrolment.sign_up("patient", PASSWORD, invitation=code, address="10.8.1.1")
    for n in range(people.MAX_REDEEM_PER_ACCOUNT):
        with pytest.raises(NotFound):
            enrolment.sign_up(
                "same-name", PASSWORD, invitation=f"{n:05d}-QQQQQ-YYYYY-ZZZZZ", address=f"10.8.2.{n}"
            )
    with pytest.raises(AuthenticationFailed, match="Too many invitation codes"):
        enrolment.sign_up("same-name", PASSWORD, invitation=code, address="10.8.3.1")


def test_therapist_accounts_cli_create_and_invite(cli: Any) -> None:
    _, out, _ = cli("user", "create", "dr-cli", "--role", "therapist")
    assert "Created therapist account 'dr-cli'" in out
    _, out, _ = cli("user", "invite-therapist", "--days", "3")
    code = out.strip().splitlines()[-1]
    assert len(code) == 23 and code.count("-") == 3


def test_therapist_accounts_a_therapist_edits_only_their_own_listing(make_user: Any, web_as: Any) -> None:
    owner, other = make_user("dr-owner", role="therapist"), make_user("dr-other", role="therapist")
    directory.publish(owner, PROFILE)
    listing = DirectoryProfile.objects.get(owner=owner)
    assert allows(owner, Action.WRITE, listing) and not allows(other, Action.WRITE, listing)
    directory.import_csv(
        None, (HEADER + "real-1,Dr Real,psychodynamic,dit,en,yes,no,Leeds,GB,60,90,GBP,open\n").encode()
    )
    imported = DirectoryProfile.objects.get(ext_id="real-1")
    assert not allows(other, Action.WRITE, imported) and not allows(owner, Action.WRITE, imported)
    web = web_as(other)
    assert web.post("/directory/profile/", {**PROFILE, "name": "Dr Fake"}).status_code == 200
    assert (
        DirectoryProfile.objects.get(owner=owner).name == "Dr Own"
    )  # the other's own listing was made instead
    assert DirectoryProfile.objects.get(owner=other).name == "Dr Fake"
    fake = (HEADER + "real-1,Dr Fake,psychodynamic,dit,en,yes,no,Leeds,GB,60,90,GBP,open\n").encode()
    with pytest.raises(PermissionDenied, match="operator"):
        directory.import_csv(other, fake)
    assert DirectoryProfile.objects.get(ext_id="real-1").name == "Dr Real"


def test_therapist_accounts_import_cannot_take_a_therapists_own_id(db: Any) -> None:
    with pytest.raises(InvalidInput, match="self-"):
        directory.import_csv(
            None, (HEADER + "self-1,Dr X,psychodynamic,dit,en,yes,no,Leeds,GB,60,90,GBP,open\n").encode()
        )
