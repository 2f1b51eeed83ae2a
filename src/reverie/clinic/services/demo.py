"""Demo data: an invented client and therapist with six months of invented entries, clearly marked as demo.

The texts come from ``reverie.insights.demo_texts`` (written for Reverie, about no real person). They are stored
through the ordinary journal service and analysed by the real analyzers, so the demo shows what Reverie really does.
Dates are relative to *now* (the clock is a parameter: tests pass a fixed moment), so "the last 30 days" views are
full; the therapist's side gets a DIT course with past sessions, PHQ-9 and GAD-7 that improve, progress notes, a
formulation, a goal with ratings, a safety plan and one alert to acknowledge.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import Entry, Pair, Role, User
from reverie.clinic.services import analysis, journal, keys, people
from reverie.clinic.services.generated_password import generate_password
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.errors import Conflict

if TYPE_CHECKING:
    from reverie.care.services.measures import Submitted

DEMO_CLIENT = "demo-client"
DEMO_THERAPIST = "demo-therapist"
DEMO_TAG = "demo data"
DEMO_ZONE = "Europe/London"
DEMO_ENTRIES = 40  # six months, more than one a week (32 gave only two "strongest patterns")
WRITE_CHUNK = 8  # entries saved per transaction


@dataclass(frozen=True, slots=True)
class DemoAccounts:
    client: User
    therapist: User
    password: str
    entries: int
    # The demo therapist's one-time recovery codes: therapists must use two-step sign-in, so the demo enrols theirs
    # and shows these with the password (each is a second step, once; docs/usage.md).
    recovery_codes: tuple[str, ...] = ()


def refuse_beside_real_people() -> None:
    """The demo is for a fresh installation only (the web's first run, or `reverie demo` on a new data folder):
    where anyone other than the demo's two accounts exists, its invented entries and a therapist account nobody
    owns would sit beside real people's data (and in install-wide counts). Refused then, before anything is
    written."""
    if User.objects.exclude(username__in=(DEMO_CLIENT, DEMO_THERAPIST)).exists():
        raise Conflict(
            "This installation already has accounts: the demo's invented data is not added beside real people's."
            f" {fresh_advice()}"
        )


def fresh_advice() -> str:
    """Where the demo can run instead, for the database this installation is configured with: a fresh data folder
    where the database is the data folder's own; where REVERIE_DATABASE_URL names it (PostgreSQL, or an SQLite file
    elsewhere), a new data folder alone opens the same database (r59), so the advice says to leave it out too, or to
    name a new, empty database."""
    from django.conf import settings

    if not str(settings.REVERIE["REVERIE_DATABASE_URL"]):
        return "To look around, use a fresh data folder (REVERIE_DATA_DIR=/some/new/folder reverie demo)."
    return (
        "To look around, use a fresh data folder without this installation's database, which REVERIE_DATABASE_URL"
        " names (a new data folder alone opens the same one): `env -u REVERIE_DATABASE_URL"
        " REVERIE_DATA_DIR=/some/new/folder reverie demo`, or set REVERIE_DATABASE_URL to a new, empty database."
    )


def create_accounts() -> DemoAccounts:
    """The two demo accounts, linked (fast: the web signs the client in before the entries are written). Refused
    beside other people's accounts (:func:`refuse_beside_real_people`) and when the demo is already there."""
    refuse_beside_real_people()
    if User.objects.filter(username__in=(DEMO_CLIENT, DEMO_THERAPIST)).exists():
        raise Conflict("The demo is already loaded (accounts demo-client and demo-therapist exist).")
    keys.ensure_key_file()
    password = generate_password(DEMO_CLIENT, DEMO_THERAPIST)
    with transaction.atomic():
        client = people.create_user(DEMO_CLIENT, password, Role.CLIENT, time_zone=DEMO_ZONE)
        therapist = people.create_user(DEMO_THERAPIST, password, Role.THERAPIST, time_zone=DEMO_ZONE)
        Pair.objects.create(client=client, therapist=therapist)
        codes = _enrol_second_step(therapist, password)
    return DemoAccounts(client, therapist, password, 0, codes)


def _enrol_second_step(therapist: User, password: str) -> tuple[str, ...]:
    """Two-step sign-in for the demo therapist, turned on the ordinary way (the password and a code the new
    authenticator shows now), so that its recovery codes, shown with the password, let a newcomer in: therapists
    must use two-step sign-in and nobody holds the demo's authenticator. Real accounts are not touched."""
    import pyotp

    from reverie.clinic.services import signin

    secret = signin.new_secret()
    return tuple(signin.enable_totp(therapist, secret, pyotp.TOTP(secret).now(), password=password))


def sign_in_words(accounts: DemoAccounts) -> str:
    """How to sign in as each demo person, in the words the CLI prints (the web's finished page says the same)."""
    codes = "\n".join(f"  {code}" for code in accounts.recovery_codes)
    return (
        f"Sign in as '{accounts.client.username}' or '{accounts.therapist.username}' with the password:"
        f" {accounts.password}\n"
        f"'{accounts.therapist.username}' signs in in two steps (therapists must): when asked for a code, give one of"
        f" these recovery codes (each works once):\n{codes}"
    )


def fill(
    accounts: DemoAccounts,
    *,
    n_entries: int | None = None,
    now: datetime | None = None,
    in_background: bool = False,
) -> Iterator[tuple[int, int, str]]:
    """Write and analyse the entries, then the therapist's side; yields (step, steps, what) as it goes.

    ``in_background`` (the web's first run, with a worker): the entries are written (each with its save-time risk
    screen) and the therapist's side made, and only then is the full analysis queued for the worker, so the demo
    is ready in seconds and Patterns fills in as the worker reads (the page says how far it has got).
    """
    if in_background:
        with analysis.held_back():
            yield from _fill(accounts, n_entries, now, analyse=False)
        return
    yield from _fill(accounts, n_entries, now, analyse=True)


def _fill(
    accounts: DemoAccounts, n_entries: int | None, now: datetime | None, *, analyse: bool
) -> Iterator[tuple[int, int, str]]:
    from reverie.insights.demo_texts import synthetic_texts

    n_entries = DEMO_ENTRIES if n_entries is None else n_entries
    moment = now or timezone.now()
    start = moment - timedelta(days=182)
    _date_the_story(accounts, linked=start - timedelta(days=1))
    texts = [
        t
        for t in synthetic_texts(
            n_entries=n_entries, n_sessions=0, start=start, varied=True, zone=ZoneInfo(DEMO_ZONE)
        )
        if t.source == "entry"
    ]
    steps = (2 if analyse else 1) * len(texts) + 1
    client = accounts.client
    written: list[tuple[uuid.UUID, int]] = []
    for first in range(0, len(texts), WRITE_CHUNK):
        with transaction.atomic():  # a few entries per commit: the same saves, far fewer waits for the disk
            for text in texts[first : first + WRITE_CHUNK]:
                happened = min(text.happened_at, moment - timedelta(hours=1))
                at = _written_after(happened, len(written), moment)
                view = journal.create_entry(
                    client,
                    EntryDraft(
                        kind=text.kind,
                        body=text.text,
                        happened_at=happened,
                        tags=(DEMO_TAG,),
                        feelings=tuple(Feeling(name, level) for name, level in text.feelings),
                    ),
                    written_at=at,
                )
                if text.shared_with_therapist:
                    journal.set_shared(client, view.id, True)
                # saved (and shared) when written, as the story goes, not at the load (review r129: every entry
                # "written" today made the prep page's "Shared since the last session" list months of entries)
                Entry.objects.filter(pk=view.id).update(
                    updated_at=at, shared_at=at if text.shared_with_therapist else None
                )
                written.append((view.id, view.revision))
        for i in range(first + 1, len(written) + 1):
            yield i, steps, f"Entry {i} of {len(texts)} written"
    if analyse:  # sentences encoded together: faster than one by one
        for done in analysis.analyse_stored_entries(written):
            yield len(texts) + done, steps, f"{done} of {len(texts)} entries read by the analyzers"
    with transaction.atomic():  # one commit for the whole therapist's side
        therapist_side(client, accounts.therapist, moment)
    yield steps, steps, "The therapist's side: a course, sessions, measures, notes, a formulation and goals"


def _written_after(happened: datetime, index: int, moment: datetime) -> datetime:
    """When the demo client wrote an entry about ``happened``: an hour or a few later (the same each load), never
    after ``moment`` less half an hour."""
    return min(happened + timedelta(minutes=40 + 50 * (index % 5)), moment - timedelta(minutes=30))


def _date_the_story(accounts: DemoAccounts, *, linked: datetime) -> None:
    """The story's beginning: both people joined and linked the day before the first entry (six months ago), so the
    pair is older than the course and than every entry shared in it (review r83: "since today" beside a course begun
    two months ago). The rows are made now by the ordinary services; only their dates are set back."""
    User.objects.filter(pk__in=(accounts.client.pk, accounts.therapist.pk)).update(date_joined=linked)
    Pair.objects.filter(client=accounts.client, therapist=accounts.therapist).update(started_at=linked)


def load_demo(
    progress: Callable[[int, int], None] | None = None,
    *,
    n_entries: int | None = None,
    now: datetime | None = None,
) -> DemoAccounts:
    """Create the demo pair and their entries, analysed, and the therapist's side. Refuses to run twice."""
    accounts = create_accounts()
    for step, steps, _ in fill(accounts, n_entries=n_entries, now=now):
        if progress:
            progress(step, steps)
    count = Entry.objects.filter(client=accounts.client).count()
    return DemoAccounts(
        accounts.client, accounts.therapist, accounts.password, count, accounts.recovery_codes
    )


PROGRESS_NOTES = (
    "We agreed to meet weekly for sixteen sessions. The client described pulling away when someone gets close.",
    "We looked at the weekend with the partner: wanting closeness, expecting to be dropped, leaving first.",
    "The client noticed the same wish and fear with me today and could say so. We named it together.",
    "Work came up: the same pattern of stepping back before anyone can be disappointed.",
)
FORMULATION = {
    "ipaf_self": "Too much, or not enough, for the people who matter",
    "ipaf_other": "Someone who will lose interest and leave",
    "ipaf_affect": "Anxiety, and under it longing",
    "ipaf_defence": "Leaving first protects against being left",
    "ccrt_note": "Wish to be close; others expected to reject; the self withdraws.",
}
PHQ9 = (  # PHQ-9 answers before sessions 1, 2, ...: moderate, then improving (item 9 is the last)
    (2, 2, 2, 2, 1, 2, 2, 1, 0),
    (2, 2, 2, 1, 1, 2, 2, 1, 1),
    (2, 1, 2, 1, 1, 2, 1, 1, 0),
    (1, 1, 2, 1, 1, 1, 1, 1, 0),
    (1, 1, 1, 1, 1, 1, 1, 0, 0),
    (1, 1, 1, 1, 0, 1, 1, 0, 0),
    (1, 0, 1, 1, 0, 1, 0, 0, 0),
    (0, 1, 1, 0, 0, 1, 0, 0, 0),
)
GAD7 = (
    (2, 2, 2, 2, 1, 2, 2),
    (2, 2, 2, 1, 1, 2, 2),
    (2, 1, 2, 1, 1, 1, 2),
    (1, 1, 2, 1, 1, 1, 1),
    (1, 1, 1, 1, 1, 1, 1),
    (1, 1, 1, 1, 0, 1, 1),
    (1, 0, 1, 1, 0, 1, 0),
    (0, 1, 1, 0, 0, 1, 0),
)


def _answer_as_then(client: User, submitted: Submitted, filled_at: datetime) -> None:
    """The form dated when the client filled it in (``filled_at``, before its session): its ``submitted_at`` (the
    FHIR ``authored``) and, when its item 9 raised an alert (as in session 2), that alert and its check-in, then
    answered as the client did ten minutes later ("I'm safe for now"): the therapist still sees the alert with its
    answer, in an order that can happen (review r129: the alert was "written" at the load, months after the answer),
    and the demo client is not greeted months later by a question about a questionnaire filled in long ago."""
    from reverie.care.models import CheckIn, MeasureResponse, RiskAlert
    from reverie.care.services import alerts

    MeasureResponse.objects.filter(pk=submitted.response.pk).update(submitted_at=filled_at)
    if submitted.alert is None:
        return
    RiskAlert.objects.filter(pk=submitted.alert.pk).update(
        created_at=filled_at, written_at=filled_at, raised_at=filled_at
    )
    raised = alerts.check_in_raised_by(client, submitted.alert)
    if raised is not None:
        CheckIn.objects.filter(pk=raised.pk).update(created_at=filled_at)
        alerts.answer_check_in(client, raised.id, "safe", now=filled_at + timedelta(minutes=10))


def therapist_side(client: User, therapist: User, now: datetime) -> None:
    """A DIT course that started eight weeks ago, with what a therapist has after eight sessions."""
    from reverie.care.models import Course, Goal
    from reverie.care.services import formulation, goals, measures, notes, safety, sessions
    from reverie.care.services.course import CourseDraft, create_course

    zone = ZoneInfo(DEMO_ZONE)
    today = now.astimezone(zone).date()
    first_day = today - timedelta(days=today.weekday() + 7 * 8)  # Monday, eight weeks ago
    start = datetime(first_day.year, first_day.month, first_day.day, 10, 0)
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone=DEMO_ZONE)
    )
    # set up the week before its first session, as the story goes (the service dates a new course now)
    Course.objects.filter(pk=course.pk).update(created_at=course.first_start - timedelta(days=7))
    held = [row for row in course.sessions.order_by("slot") if row.start < now - timedelta(hours=2)]
    for number, row in enumerate(held, 1):
        if number == 5:  # the client cancelled one, with a word for the therapist
            sessions.cancel_session(  # as the client did, two days before it (a past session is not cancelled)
                client,
                course.id,
                row.slot,
                row.start - timedelta(days=2),
                note="Sorry, my mother is in hospital this week.",
            )
            continue
        sessions.record_attendance(therapist, course.id, row.slot, "attended")
    attended = [r for r in course.sessions.order_by("slot") if r.attendance == "attended"]
    for number in range(1, min(len(attended), len(PHQ9)) + 1):
        filled_at = attended[number - 1].start - timedelta(hours=2)  # the morning of the session
        phq9 = measures.submit(client, "phq9", PHQ9[number - 1], course_id=course.id, session_number=number)
        _answer_as_then(client, phq9, filled_at)
        gad7 = measures.submit(client, "gad7", GAD7[number - 1], course_id=course.id, session_number=number)
        _answer_as_then(client, gad7, filled_at + timedelta(minutes=3))
    for row, text in zip(attended, PROGRESS_NOTES, strict=False):
        notes.write_progress_note(therapist, course.id, row.slot, text)
    formulation.save_formulation(therapist, course.id, FORMULATION)
    formulation.share(therapist, course.id, True)
    goal = goals.propose(client, course.id, title="Stay in the room when someone gets close")
    goals.agree(therapist, goal.id)
    agreed = (
        attended[0].start + timedelta(hours=1) if attended else now
    )  # in the first session, before any rating
    Goal.objects.filter(pk=goal.id).update(created_at=agreed, agreed_at=agreed)
    for weeks_ago, rating in ((6, 2), (4, 3), (2, 4), (0, 5)):
        goals.rate(client, goal.id, rating, on=today - timedelta(days=7 * weeks_ago))
    safety.save_plan(
        client,
        {
            "warning_signs": ["Not sleeping for several nights", "Cancelling everything"],
            "coping_steps": ["A long walk", "Call a friend before deciding anything"],
            "reasons_for_living": ["My sister", "The new flat"],
        },
    )
