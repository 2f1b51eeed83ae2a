"""A shared phone, in real headless Chromium at 360 px (review r135 fault 5): Ann's session ends while she writes,
and Ben signs in on the page that carries her words. Ben sees none of them, only that they were kept for someone
else; "Sign out so they can sign in" takes them, sealed, to the sign-in page, and Ann signing in there gets them
saved into her own journal. Before, Ben read Ann's words under "Not saved yet — your text is here"."""

from __future__ import annotations

from typing import Any

import pytest
from browser_phone import PASSWORD, shot_if_asked, sign_in
from test_accessibility import CHECK

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WORDS = "ANN-7 the words of the dream about the lighthouse, written slowly"


def _log_in(page: Any, name: str) -> None:
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")


def test_the_next_account_sees_none_of_the_words_and_the_writer_gets_them(phone: Any, make_user: Any) -> None:
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal

    page = phone
    ann = make_user("ann")
    ben = make_user("ben")
    sign_in(page, "ann")
    page.fill("#id_body", WORDS)
    page.context.clear_cookies(
        name="sessionid"
    )  # the session ended while she wrote (the test server's cookie)
    page.click("form.write button[type=submit]")
    page.wait_for_selector("#id_username")
    assert WORDS not in page.content()  # sealed in the page, not readable in its source
    shot_if_asked(page, "shared-phone-1-sign-in")

    _log_in(page, "ben")
    page.locator("h1", has_text="Words kept for someone else").wait_for()
    assert WORDS not in page.content()
    assert "your text" not in page.inner_text("main").lower()
    assert page.evaluate(CHECK) == []
    shot_if_asked(page, "shared-phone-2-other-account")
    assert Entry.objects.filter(client=ben).count() == 0

    page.click("button:has-text('Sign out so they can sign in')")
    page.wait_for_selector("#id_username")
    assert WORDS not in page.content()
    _log_in(page, "ann")
    page.locator("button", has_text="Save it now").wait_for()  # bound by the form's mark: one press saves it
    assert page.input_value("textarea[name=body]") == WORDS
    shot_if_asked(page, "shared-phone-3-writer-back")
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    assert [v.body for v in journal.list_entries(ann)] == [WORDS]
    assert Entry.objects.filter(client=ben).count() == 0


def test_another_tab_s_sign_in_never_shows_the_words_to_the_next_account(phone: Any, make_user: Any) -> None:
    """The usual path: Ben signs out Ann and in as himself in another tab (the form's token rotates), then Ann's tab
    presses Save. The refused form showed Ann's words to Ben; now they are sealed for Ann on the sign-in page, and
    Ann signing in there gets them back."""
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal

    page = phone
    ann = make_user("ann2")
    ben = make_user("ben2")
    sign_in(page, "ann2")
    page.fill("#id_body", WORDS)
    other = page.context.new_page()
    other.goto("/")
    # "Log out" in the menu (closed at 360 px): its form sent as the button would
    other.evaluate("() => document.querySelector('form[action=\"/logout/\"]').requestSubmit()")
    other.wait_for_selector("#id_username")
    _log_in(other, "ben2")
    other.wait_for_selector("#id_body")
    other.close()

    page.click("form.write button[type=submit]")
    page.wait_for_selector("#id_username")
    assert WORDS not in page.content()
    assert "sealed in this page for the person who wrote it" in page.inner_text("main")
    shot_if_asked(page, "shared-phone-4-other-tab-sign-in")
    assert Entry.objects.filter(client=ben).count() == 0
    _log_in(page, "ann2")
    page.locator("button", has_text="Save it now").wait_for()
    page.click("button:has-text('Save it now')")
    page.wait_for_url("**/journal/*/")
    assert [v.body for v in journal.list_entries(ann)] == [WORDS]
