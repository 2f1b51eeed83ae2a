"""What the client's privacy log tells them about the therapist-held parts of their course (review r80).

Review r80: what the client's privacy log tells them about the therapist-only parts of their course.

The formulation is the therapist's until they share it (care/policy.py: "the formulation only once the therapist
shares it"), and the goodbye letter is the therapist's until they give it. The log already hides the process notes
(audit.THERAPIST_ONLY_ACTIONS); it does not hide these."""

from __future__ import annotations

from typing import Any

import pytest

from course_clock import at
from reverie.care.services import course as courses
from reverie.care.services import formulation
from reverie.clinic.services import audit
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def test_an_unshared_formulation_is_not_announced_in_the_clients_privacy_log(
    dit: tuple[Any, Any, Any],
) -> None:
    """The therapist drafts a formulation and opens it while preparing the next session; nothing is shared.
    The client's Privacy log reads "... wrote your formulation." and "... opened your formulation." again and again,
    while their Formulation page answers that there is no such formulation: they learn of a therapist-only record
    they cannot open. They should see nothing of it until it is shared (as for process notes)."""
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "never good enough"})
    therapist_web = _as(therapist)
    assert therapist_web.get(f"/courses/{course.id}/formulation/").status_code == 200
    web = _as(client)
    assert web.get(f"/courses/{course.id}/formulation/").status_code == 404  # not shared: not the client's
    page = web.get("/account/audit/").content.decode()
    assert "formulation" not in page.lower()


def test_a_goodbye_letter_not_yet_given_is_not_announced_in_the_clients_privacy_log(
    dit: tuple[Any, Any, Any],
) -> None:
    """The therapist drafts the goodbye letter weeks before the last session. The client's Privacy log reads
    "... wrote a letter for you." at once, though the letter is the therapist's until given (the client cannot read
    it). The client should learn of the letter when it is given, not from the log."""
    client, therapist, course = dit
    courses.write_letter(therapist, course.id, "Dear D, what we understood together.", now=at(6, 4))
    assert courses.read_letter(client, course.id) is None  # not given: not the client's yet
    page = _as(client).get("/account/audit/").content.decode()
    assert "letter" not in page.lower()


def _client_log(client: Any) -> list[str]:
    return [event.action for event in audit.events_about(client)]


def test_once_shared_the_formulation_is_in_the_log_but_the_opens_of_the_draft_are_not(
    dit: tuple[Any, Any, Any],
) -> None:
    """One rule: once the client can read the formulation, the events that made it are in their log (the log tells
    the truth about a record they read), whenever they happened; the therapist's opens of the draft before that stay
    the therapist's. A draft saved after the share and never shown stays out. Every event stays in the chain and in
    the full view."""
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "never good enough"})
    formulation.versions(therapist, course.id)  # the therapist opens the draft
    formulation.share(therapist, course.id, True)
    formulation.versions(client, course.id)  # the client reads it
    formulation.versions(therapist, course.id)  # the therapist opens it, shared
    formulation.share(therapist, course.id, False)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "a draft, not shown"})
    formulation.share(therapist, course.id, True)  # shows the version current now, the draft too
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "a later draft"}, base_version=2)
    formulation.share(therapist, course.id, False)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "never shown"})
    formulation.share(therapist, course.id, True)  # version 4 shown; the log counts what the client reads
    shown = [e for e in _client_log(client) if e.startswith("formulation.")]
    assert shown.count("formulation.write") == 4
    assert shown.count("formulation.read") == 2  # the client's read and the therapist's while shared
    every = audit.events_about(client, include_therapist_only=True)
    assert [e.action for e in every].count("formulation.read") == 3  # nothing is lost


def test_a_draft_not_shown_stays_out_of_the_log_after_sharing(dit: tuple[Any, Any, Any]) -> None:
    """Saved while sharing was stopped and replaced by a later draft before sharing again: the client never reads
    version 2, so its writing is not in their log; versions 1 and 3 are."""
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "first"})
    formulation.share(therapist, course.id, True)
    formulation.share(therapist, course.id, False)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "second, a draft"})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "third"})
    formulation.share(therapist, course.id, True)
    assert _client_log(client).count("formulation.write") == 2
    formulation.share(therapist, course.id, False)  # hidden again: its events leave the client's log too
    assert "formulation.write" not in _client_log(client)


def test_once_given_the_letter_is_in_the_log_but_the_therapists_draft_reads_are_not(
    dit: tuple[Any, Any, Any],
) -> None:
    client, therapist, course = dit
    courses.write_letter(therapist, course.id, "Dear D, a draft.", now=at(6, 4))
    courses.read_letter(therapist, course.id)  # the therapist rereads the draft
    courses.write_letter(therapist, course.id, "Dear D, what we understood together.", now=at(6, 4))
    assert not [e for e in _client_log(client) if e.startswith("letter.")]
    courses.give_letter(therapist, course.id)
    courses.read_letter(client, course.id)
    letter_events = [e for e in _client_log(client) if e.startswith("letter.")]
    assert sorted(letter_events) == ["letter.give", "letter.read", "letter.write", "letter.write"]
    page = _as(client).get("/account/audit/").content.decode()
    assert "wrote a letter for you" in page and "gave you a letter" in page
    every = [e.action for e in audit.events_about(client, include_therapist_only=True)]
    assert every.count("letter.read") == 2  # the draft's read is kept, out of the client's view only


def test_the_client_numbers_the_versions_they_were_shown_without_the_drafts_gaps(
    dit: tuple[Any, Any, Any],
) -> None:
    """Versions 1 and 2 shown, 3 a draft replaced by 4 before sharing again: the client reads versions "1, 2, 3"
    (their own sequence), never "1, 2, 4", whose gap tells of a draft they were not shown."""
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "one"})
    formulation.share(therapist, course.id, True)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "two"})
    formulation.share(therapist, course.id, False)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "three, a draft"})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "four"})
    formulation.share(therapist, course.id, True)
    assert [v.version for v in formulation.versions(client, course.id)] == [1, 2, 3]
    assert [v.version for v in formulation.versions(therapist, course.id)] == [1, 2, 3, 4]
    page = _as(client).get(f"/courses/{course.id}/formulation/").content.decode()
    assert "Version 3" in page and "Version 4" not in page
