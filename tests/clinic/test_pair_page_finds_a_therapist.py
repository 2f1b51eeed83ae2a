"""Review r132: a signed-in client with no therapist finds the therapist directory and the fit self-check from "My
therapist". Before, "Find a therapist" and "Is it a fit?" were only in the signed-out menu: the client's menu, "My
therapist" ("No one linked yet.") and "My course" linked to neither, so a person looking for a therapist could not
find where to look once they had an account."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_my_therapist_without_a_link_leads_to_the_directory_and_the_fit_check(
    make_user: Any, web_as: Any
) -> None:
    page = web_as(make_user("nora")).get("/pair/")
    html = page.content.decode()
    assert page.status_code == 200 and "No one linked yet." in html
    assert 'href="/directory/"' in html, "no way to the therapist directory"
    assert 'href="/fit/"' in html, "no way to the fit self-check"
    for address in ("/directory/", "/fit/"):  # both open for a signed-in client
        assert web_as(make_user()).get(address).status_code == 200


def test_a_linked_client_and_a_therapist_are_not_sent_looking(paired: tuple[Any, Any], web_as: Any) -> None:
    client, therapist = paired
    for person in (client, therapist):
        html = web_as(person).get("/pair/").content.decode()
        assert 'href="/directory/"' not in html
