"""Everyday wordings from qa34 point 10: future dates, the erasure confirmation, feelings without a strength and an
unknown command-line option each say plainly what happened."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput

PASSWORD = "a long test password"


def test_wording_future_date_reads_plainly(make_user: Any) -> None:
    user = make_user()
    later = timezone.now() + timedelta(days=2)
    with pytest.raises(InvalidInput) as refused:
        journal.create_entry(user, EntryDraft(kind="reflection", body="a walk", happened_at=later))
    assert refused.value.message == "That date is in the future; choose now or earlier."
    with pytest.raises(InvalidInput, match="a dream belongs to a night that has already happened"):
        journal.create_entry(user, EntryDraft(kind="dream", body="a boat", happened_at=later))
    earlier = timezone.now() - timedelta(hours=1)
    assert journal.create_entry(user, EntryDraft(kind="reflection", body="a walk", happened_at=earlier))


def test_wording_erasure_confirmation_says_what_it_accepts(make_user: Any, web_as: Any) -> None:
    user = make_user("nico")
    assert "capital letters do not matter" in web_as(user).get("/account/erase/").content.decode()
    with pytest.raises(InvalidInput) as refused:
        portability.erase_client(user, "nicola", PASSWORD)
    assert "exactly" not in refused.value.message and "capital letters do not matter" in refused.value.message
    assert portability.erase_client(user, "NICO", PASSWORD) == 0  # what the page says is accepted, is


def test_wording_write_form_says_what_a_ticked_feeling_without_strength_saves(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    page = web.get("/write/").content.decode()
    assert "A feeling ticked without a strength chosen is saved as 3, the middle." in page
    # the tick says a feeling is there (review r126): told to a browser without JavaScript too
    assert "a strength chosen for a feeling left unticked is not saved" in page


def test_wording_unknown_cli_option_prints_the_usage_error(cli: Any) -> None:
    code, _, err = cli("journal", "list", "--bogus", check=False)
    # u3: Click's usage errors in the project's words, one line with the way to the command's help
    assert (
        code == 2
        and "reverie journal list has no option --bogus" in err
        and "reverie journal list --help" in err
    )
    assert "incident" not in err and "NoSuchOption" not in err
