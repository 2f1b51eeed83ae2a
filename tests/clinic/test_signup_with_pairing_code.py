"""r128 fault 4: a client who types her therapist's linking code into the sign-up page's code box is signed up and
linked, as /pair/ would link her, instead of being told the code is "not valid".

The one code box takes either code, its label naming both: the operator's invitation (a therapist's account) and a
therapist's linking code (a client account linked with them, in the transaction that makes it: a refused sign-up
makes neither the account nor the link, and the code stays usable). The page shows what a linked therapist sees
before the account is made, as /pair/ does."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.care.services.alerts import THERAPIST_SEES
from reverie.clinic.models import Invitation, Pair, Role, User
from reverie.clinic.services import enrolment, people
from reverie.errors import InvalidInput, NotFound

pytestmark = [pytest.mark.django_db, pytest.mark.db]
PASSWORD = "a long test password"


def test_a_therapists_code_at_sign_up_makes_a_linked_client(make_user: Any) -> None:
    drlee = make_user("drlee", role="therapist")
    code = people.issue_invitation(drlee)
    web = Client()
    form = web.get("/signup/").content.decode()
    assert "your therapist&#x27;s code links you with them" in form and "operator" in form
    assert THERAPIST_SEES.split(":")[0].replace("'", "&#x27;") in form  # what they will see, before linking
    answer = web.post("/signup/", {"username": "maya", "password": PASSWORD, "invitation": code})
    assert answer.status_code == 302, answer.content.decode()
    maya = User.objects.get(username="maya")
    assert maya.role == Role.CLIENT
    assert Pair.objects.open().filter(client=maya, therapist=drlee).count() == 1
    assert Invitation.objects.get(issued_by=drlee).used_at is not None
    home = web.get("/").content.decode()
    assert "You are now linked with drlee." in home


def test_the_operators_code_still_makes_a_therapist(make_user: Any) -> None:
    make_user("first-one")
    code = enrolment.issue_account_invitation()
    user = enrolment.sign_up("dr-new", PASSWORD, invitation=code, address="10.9.0.1")
    assert user.role == Role.THERAPIST and not Pair.objects.filter(therapist=user).exists()


def test_a_refused_sign_up_with_a_therapists_code_makes_nothing(make_user: Any) -> None:
    drlee = make_user("drlee2", role="therapist")
    code = people.issue_invitation(drlee)
    with pytest.raises(InvalidInput):
        enrolment.sign_up("maya2", "short", invitation=code, address="10.9.0.2")  # a password refused
    assert not User.objects.filter(username="maya2").exists()
    assert Invitation.objects.get(issued_by=drlee).used_at is None  # still usable
    maya = enrolment.sign_up("maya2", PASSWORD, invitation=code, address="10.9.0.2")
    assert Pair.objects.open().filter(client=maya, therapist=drlee).exists()


def test_a_clients_code_or_an_unknown_code_at_sign_up_makes_nothing(make_user: Any) -> None:
    other = make_user("other-client")
    code = people.issue_invitation(other)
    with pytest.raises(InvalidInput, match="made by a client"):
        enrolment.sign_up("maya3", PASSWORD, invitation=code, address="10.9.0.3")
    with pytest.raises(NotFound, match="not valid"):
        enrolment.sign_up("maya3", PASSWORD, invitation="AAAAA-BBBBB-CCCCC-DDDDD", address="10.9.0.3")
    assert not User.objects.filter(username="maya3").exists()
    assert Invitation.objects.get(issued_by=other).used_at is None


def test_a_used_therapists_code_links_no_second_account(make_user: Any) -> None:
    drlee = make_user("drlee4", role="therapist")
    code = people.issue_invitation(drlee)
    enrolment.sign_up("maya4", PASSWORD, invitation=code, address="10.9.0.4")
    with pytest.raises(NotFound, match="not valid"):
        enrolment.sign_up("maya5", PASSWORD, invitation=code, address="10.9.0.4")
    assert not User.objects.filter(username="maya5").exists()
