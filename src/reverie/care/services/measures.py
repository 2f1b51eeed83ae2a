"""PHQ-9 and GAD-7 in a course: filled by the client before sessions on the therapist's schedule, scored, charted,
classified for the therapist (reliable change, recovery, not on track) and exported as FHIR. Every rule lives in
:mod:`reverie.measures`; PHQ-9 item 9 above 0 raises a risk alert here, at the moment the form is sent, whether or
not it is then stored (:func:`follow_up`).

A response keeps the planned session it was filled before (``MeasureResponse.session``). Its number is worked out
when read (numbers shift when an earlier session is cancelled; the session and its date do not); a response whose
own session was cancelled afterwards keeps that session's date and has no number."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from reverie.care.models import Course, CourseSession, MeasureResponse, RiskAlert
from reverie.care.policy import is_course_client, is_course_therapist
from reverie.care.services import alerts, records
from reverie.care.services import course as courses
from reverie.clinic.models import User
from reverie.clinic.services import audit, local_time
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, InvalidInput, NotFound, PermissionDenied, ReverieError
from reverie.measures import change, chart, fhir, schedule, scoring
from reverie.measures.questionnaires import (
    QUESTIONNAIRES,
    Questionnaire,
    QuestionnaireId,
    get_questionnaire,
    risk_questionnaire,
)
from reverie.measures.questionnaires import risk_answer as risk_answer

ANSWERS_PURPOSE = "measure.answers"
# What the pages call the questionnaires, the client's included: the short title and what it asks about.
PLAIN_NAMES = {"phq9": "PHQ-9 (mood)", "gad7": "GAD-7 (worry)"}


def plain_name(questionnaire: Questionnaire) -> str:
    """``PHQ-9 (mood)``: the short title with what it asks about, in words."""
    return PLAIN_NAMES.get(questionnaire.id.value, questionnaire.short_title)


@dataclass(frozen=True, slots=True)
class Due:
    questionnaire: Questionnaire
    session_number: int

    @property
    def name(self) -> str:
        return plain_name(self.questionnaire)


@dataclass(frozen=True, slots=True)
class Submitted:
    response: MeasureResponse
    score: scoring.Score
    alert: RiskAlert | None


# How a questionnaire names its course when the client has several open and the form named none
CHOOSE_COURSE = "Say which course these answers are for: each one's questionnaires are on your Measures page."


def _course_for_client(client: User, course_id: object | None) -> Course:
    """The course a client's form is for: the one it names (``course_id``: the link on their Measures page, the
    web form's ``course``, the API's ``course_id``, ``--course``), a course of theirs by the policy, else their only
    open course; with several open and none named, refused with the list (``courses.active_course``), never
    guessed."""
    if not client.is_client:
        raise PermissionDenied("Only the client fills in their own measures.")
    if course_id is None:
        course = courses.active_course(client, choose=CHOOSE_COURSE)
    else:
        course = courses.get_course(client, course_id)
    if not is_course_client(client, course):
        raise PermissionDenied("Only the client fills in their own measures.")
    return course


def _include_last(course: Course) -> bool:
    return courses.total_of(course) is not None


def due_now(client: User, course_id: object | None = None, now: datetime | None = None) -> list[Due]:
    """Measures due before the next session that the client has not filled in yet. None once every held session has
    ended (:func:`courses.next_number`): after a course's last session, ended or not, nothing is due (unless a
    session is still to come on an ended course's last day)."""
    course = _course_for_client(client, course_id)
    number = courses.next_number(course, now)
    if number is None:
        return []
    dates = courses.session_dates(course)
    if not dates or not schedule.is_due(
        course.measure_schedule, number, dates, include_last=_include_last(course)
    ):
        return []
    session = courses.held_sessions(course)[number - 1]
    done = set(course.measures.filter(session=session).values_list("questionnaire", flat=True))
    return [Due(q, number) for q in QUESTIONNAIRES if q.id.value not in done]


@dataclass(frozen=True, slots=True)
class OpenSession:
    """A session a questionnaire can still be given for: due on the schedule, up to the next one, not yet answered.

    ``is_current`` marks the session answers go to when none is chosen (today's number): the only one the fill
    form may choose for the client. Once that one is answered, an earlier session is never pre-chosen (the same
    form sent again the same day is the 409 conflict, never answers backdated to a session already held). After
    the course's last session none is current (:func:`courses.next_number`): the client chooses the session."""

    number: int
    start: datetime
    is_next: bool
    is_current: bool = False


def open_sessions(
    client: User, questionnaire_id: str, course_id: object | None = None, now: datetime | None = None
) -> list[OpenSession]:
    """The sessions up to the next one for which ``questionnaire_id`` is due and not yet given, the next first: a
    client may add a questionnaire answered for an earlier session (a first one from before Reverie, say). Empty
    without a course."""
    try:
        course = _course_for_client(client, course_id)
    except (NotFound, PermissionDenied):
        return []
    following = courses.next_number(course, now)
    ahead = following is not None  # false once its last session has ended
    dates = courses.session_dates(course)
    if not dates:
        return []
    current = courses.current_number(course, now, plan=False)
    held = courses.held_sessions(course)
    due = set(schedule.due_sessions(course.measure_schedule, dates, include_last=_include_last(course)))
    given = set(course.measures.filter(questionnaire=questionnaire_id).values_list("session_id", flat=True))
    return [
        OpenSession(number, dates[number - 1], ahead and number == current, ahead and number == current)
        for number in range(current, 0, -1)
        if number in due and held[number - 1].id not in given and takes_answers(course, number, following)
    ]


def _check_ahead(course: Course, client: User) -> None:
    """Refuse answers for "the next session" once the course's last session has ended (:func:`courses.next_number`
    is None): they would describe the weeks after the course, not the two before a session. Answers for an earlier
    session name it. The last session's day is the client's (:func:`session_day`), as their Measures page says it."""
    last = courses.last_held(course)
    when = f" was on {session_day(last, client):%-d %b %Y}" if last is not None else " is over"
    raise InvalidInput(
        f"The last session of this course{when}: there is no next session to fill this in for. "
        "To add answers for an earlier session, choose that session."
    )


def takes_answers(course: Course, number: int, following: int | None) -> bool:
    """Whether answers for session ``number`` go to ``course`` (``following``: its :func:`courses.next_number`). A
    course that has ended takes none, except for the session still to come on its last day (the ending keeps that
    day's sessions: docs/course.md "Ending a course"): not for an earlier session chosen afterwards, not for one
    the ending cancelled. Before (h155) a client could still add answers to an ended course by choosing an earlier
    session (`reverie measure fill --course ID --session N`, the web form's session choice, the API's
    ``session_number``), changing its closing reading and outcome after the therapist had closed it."""
    return course.ended_at is None or (following is not None and number == following)


def refused_now(client: User, course: Course, now: datetime | None = None) -> str | None:
    """Why ``course`` takes no answers now (an ended course past its last day's session: :func:`ended_words`), for
    a form to say before anything is filled in; None while it takes them."""
    if course.ended_at is None or courses.next_number(course, now) is not None:
        return None
    return ended_words(course, client)


def ended_words(course: Course, client: User) -> str:
    """The refusal of answers for an ended course, in plain words: that it ended and on which day (the client's
    own, :func:`courses.ended_day_words`), that what it holds stays readable, and what to do instead: the course
    still open to fill it in for (named as every door names one, ``with theo (course 1a2b3c4d)``), else that a
    new course is set up by their therapist."""
    day = courses.ended_day_words(course, client)
    others = [c for c in courses.open_courses(client) if c.pk != course.pk]
    if len(others) == 1:
        then = f"To answer now, fill it in for your open course {courses.named(others[0])}."
    elif others:
        listed = "; ".join(courses.named(c) for c in others)
        then = f"To answer now, fill it in for one of your open courses: {listed}."
    else:
        then = "If you go on with therapy, your therapist sets up a new course, and its questionnaires are asked there."
    return (
        f"This course ended on {day}: it takes no new answers. Its answers and scores stay readable. {then}"
    )


def _check_due(course: Course, number: int) -> None:
    dates = courses.session_dates(course)
    if not 1 <= number <= len(dates):
        raise InvalidInput(f"Session {number} is not in the planned course.")
    if not schedule.is_due(course.measure_schedule, number, dates, include_last=_include_last(course)):
        raise InvalidInput(f"No measure is due before session {number} on this course's schedule.")


# --- the risk question, screened as it is sent ---------------------------------------------------------------------


def follow_up_key(questionnaire_id: str, where: object, level: str, generation: int = 1) -> str:
    """The record id of the alert a risk answer raises: ``phq9:<session id>:<level>`` (the session the form was
    for; the sender's own day, ``phq9:2026-12-05:ideation``, when the form names no session of a course of theirs).
    The same answer to the same questionnaire for the same session (a form sent again, refused, then stored) is one
    alert while the therapist has not acknowledged it, whatever happens to the forms; a higher answer is another
    alert. The same answer sent after the alert was acknowledged is a new report and a new alert: its key carries
    the generation, ``phq9:<session id>:<level>:2`` (:func:`_unacknowledged_key`)."""
    base = f"{questionnaire_id}:{where}:{level}"
    return base if generation <= 1 else f"{base}:{generation}"


def _unacknowledged_key(client: User, questionnaire_id: str, where: object, level: str) -> str:
    """The key a risk answer sent now raises under: the first generation whose alert is missing or not yet
    acknowledged (``alerts.acknowledged``), so a form sent again before the acknowledgement is the same alert and
    one sent after it raises a new one (with its own check-in). Two such forms at once compute the same key; the
    alert's unique key makes them one."""
    generation = 1
    while True:
        key = follow_up_key(questionnaire_id, where, level, generation)
        existing = RiskAlert.objects.filter(client=client, source="phq9_item9", record_id=key).first()
        if existing is None or not alerts.acknowledged(existing):
            return key
        generation += 1


def _form_session(
    client: User, course_id: object | None, session_number: int | None, now: datetime | None
) -> CourseSession | None:
    """The held session a form is for, or None when it names none the client has (no course, a number out of
    range): read the way :func:`submit` reads it, without its checks."""
    try:
        course = _course_for_client(client, course_id)
        held = courses.held_sessions(course)
        number = session_number if session_number is not None else courses.current_number(course, now)
    except ReverieError:
        return None
    return held[number - 1] if 1 <= number <= len(held) else None


def follow_up(
    client: User,
    questionnaire_id: object,
    answers: Sequence[object],
    *,
    course_id: object | None = None,
    session_number: int | None = None,
    now: datetime | None = None,
) -> RiskAlert | None:
    """The one screen of a questionnaire's risk question, at the moment the form is sent, before and whatever its
    validation and storage (a second form for the session, another answer missing, no course: each refused, each
    screened): PHQ-9 item 9 read above 0 (:func:`risk_answer`) raises the ``phq9_item9`` alert (the therapist's,
    when linked; urgency by the answer, ``alerts.risk_answer_level``; audited) and leaves the client's check-in,
    through ``alerts.signal`` under :func:`follow_up_key` (a new alert once the last one for the same answer was
    acknowledged). Returns the alert, or None when the answer is 0 or not readable. An alert a stored answer raised
    before that key existed (keyed by the response's id) for the same session and the same answer is returned, not
    raised again, until it is acknowledged. Web, API and CLI call it through :func:`submit`; the
    CLI also for a form it refuses itself before opening anything."""
    value = risk_answer(questionnaire_id, answers)
    q = risk_questionnaire(questionnaire_id)
    if value is None or value == 0 or q is None or not client.is_client:
        return None
    level = alerts.risk_answer_level(value)
    session = _form_session(client, course_id, session_number, now)
    moment = timezone.now()  # when it was written (``now`` places the form in its course; the clock dates it)
    if session is not None:
        earlier = MeasureResponse.objects.filter(
            client=client, session=session, questionnaire=q.id.value, risk_item_positive=True
        )
        for row in earlier:
            if q.risk_item is not None and alerts.risk_answer_level(_answers(row)[q.risk_item - 1]) == level:
                stored = RiskAlert.objects.filter(
                    client=client, source="phq9_item9", record_id=str(row.id)
                ).first()
                if stored is not None and not alerts.acknowledged(stored):
                    return _kept_answer(stored, value)
    where = session.pk if session is not None else local_time.local_date(moment, client).isoformat()
    key = _unacknowledged_key(client, q.id.value, where, level)
    return _kept_answer(alerts.signal(client, "phq9_item9", level, key, written_at=moment), value)


def _kept_answer(alert: RiskAlert, value: int) -> RiskAlert:
    """Keep on the alert the risk question's exact answer it was raised on (``RiskAlert.item_answer``), the most
    serious one where several forms raised it (one conditional update: two forms at once keep the higher), so its
    line names the answer whether or not the form is then stored (h168)."""
    raised = RiskAlert.objects.filter(pk=alert.pk).filter(
        Q(item_answer__isnull=True) | Q(item_answer__lt=value)
    )
    if raised.update(item_answer=value):
        alert.item_answer = value
    return alert


def submit(
    client: User,
    questionnaire_id: str,
    answers: Sequence[int | None],
    *,
    course_id: object | None = None,
    session_number: int | None = None,
    now: datetime | None = None,
) -> Submitted:
    """Score and store one completed measure for a session (by default the next one).

    The risk question is screened first, whatever follows (:func:`follow_up`). An answer left out (None) raises
    InvalidInput "Answer question N." (its field ``itemN``, as an out-of-range answer's); out-of-range answers, or a session after the next one, raise InvalidInput;
    the same measure twice for one session raises Conflict. A stored positive PHQ-9 item 9 carries the alert the
    screen raised (``Submitted.alert``).
    """
    alert = follow_up(
        client, questionnaire_id, answers, course_id=course_id, session_number=session_number, now=now
    )
    for number, answer in enumerate(answers, start=1):
        if answer is None:
            raise InvalidInput(f"Answer question {number}.", field=f"item{number}")
    given = [a for a in answers if a is not None]
    course = _course_for_client(client, course_id)
    result = scoring.score(questionnaire_id, given)
    following = courses.next_number(course, now)
    current = courses.current_number(course, now, plan=False)
    number = session_number if session_number is not None else current
    if not takes_answers(course, number, following):  # one rule for the web, the API and the CLI
        raise InvalidInput(ended_words(course, client))
    if session_number is None and following is None:
        _check_ahead(course, client)
    _check_due(course, number)
    if number > current:  # answers say how the last two weeks were: never for a session further ahead
        raise InvalidInput(
            f"Session {number} is still ahead: answers are for the next session ({current}) or an earlier one.",
            field="session",
        )
    session = courses.held_sessions(course)[number - 1]
    new = schedule.Submission(result.questionnaire_id, number)
    existing = [
        schedule.Submission(QuestionnaireId(q), number)
        for q in course.measures.filter(session=session).values_list("questionnaire", flat=True)
    ]
    schedule.check_not_submitted(existing, new)
    try:
        with transaction.atomic():
            return _store(client, course, result, session, alert)
    except DbIntegrityError:
        raise Conflict(
            f"{get_questionnaire(questionnaire_id).short_title} was already submitted for session {number}."
        ) from None


def _store(
    client: User, course: Course, result: scoring.Score, session: CourseSession, alert: RiskAlert | None
) -> Submitted:
    row = MeasureResponse(id=uuid.uuid4(), course=course, client=client, session=session)
    row.questionnaire = result.questionnaire_id.value
    row.total, row.band, row.risk_item_positive = result.total, result.band.key, result.risk_item_positive
    row.answers = records.seal_json(client, row.id, ANSWERS_PURPOSE, list(result.items))
    row.submitted_at = timezone.now()
    row.save(force_insert=True)
    audit.record(client, "measure.submit", "measure", row.id, subject=client)
    # the alert a positive item 9 raised as the form was sent (:func:`follow_up`); never a second one
    return Submitted(row, result, alert if result.risk_item_positive else None)


# --- reading -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chart:
    questionnaire: Questionnaire
    svg: str
    # session number (None: cancelled), the day it was answered (:attr:`Filled.dated`), total, band label, the risk
    # question's answer above 0 (:func:`risk_words`), whether it was answered on a day before its session's
    rows: list[tuple[int | None, date, int, str, str, bool]]

    @property
    def name(self) -> str:
        return plain_name(self.questionnaire)


@dataclass(frozen=True, slots=True)
class Filled:
    """One response with its session as it stands now: today's number (None once cancelled) and its date."""

    response: MeasureResponse
    questionnaire: Questionnaire
    number: int | None
    day: date
    cancelled: bool
    risk: str = ""  # the risk question and its answer when above 0 (:func:`risk_words`), else ""
    answered: date | None = None  # the viewer's day the client answered, :func:`answered_day` (None: ``day``)

    @property
    def name(self) -> str:
        return plain_name(self.questionnaire)

    @property
    def dated(self) -> date:
        """The day a reading is dated by on the pages and the chart: when the client answered (r133)."""
        return self.answered or self.day

    @property
    def early(self) -> bool:
        """Answered on a day before its session's: the pages say "before session N" beside the date."""
        return self.dated < self.day


def risk_words(questionnaire: Questionnaire, answers: Sequence[int]) -> str:
    """The risk question (PHQ-9 item 9) in its own words with the answer given, when above 0: "question 9, “Thoughts
    that you would be better off dead or of hurting yourself in some way”: more than half the days"; "" when the
    answer is 0 or the questionnaire has no risk question. Every reading of a form shows it (the measures page, the
    prep page, the course record), acknowledged or not (review r129)."""
    item = questionnaire.risk_item
    if item is None or len(answers) < item or answers[item - 1] <= 0:
        return ""
    text, label = questionnaire.items[item - 1].text, questionnaire.option(answers[item - 1]).label
    return f"question {item}, \u201c{text}\u201d: {label.lower()}"


def _risk_of(row: MeasureResponse) -> str:
    """:func:`risk_words` of a stored form; its answers are opened only when its risk question was above 0."""
    if not row.risk_item_positive:
        return ""
    return risk_words(get_questionnaire(row.questionnaire), _answers(row))


def alert_words(alert: RiskAlert) -> str:
    """How often a ``phq9_item9`` alert's answer said: the exact answer kept with the alert as it was raised
    (``item_answer``: "more than half the days"; for a form refused and never stored, "nearly every day (the form
    was not saved)"), else, for one raised before that was kept, the stored form's (:func:`alert_answer`); "" when
    neither is known (the level's words are said then)."""
    stored = alert_answer(int(alert.client_id), str(alert.record_id))
    if alert.item_answer:
        try:
            exact = get_questionnaire("phq9").option(int(alert.item_answer)).label.lower()
        except InvalidInput:  # not one of the options (never kept so): the stored form's, as before
            return stored
        return exact if stored else f"{exact} (the form was not saved)"
    return stored


@dataclass(frozen=True)
class SavedAfter:
    """The PHQ-9 a client saved after a form of theirs was refused (:func:`saved_after`): when, and its question 9
    answer in words ("more than half the days", "not at all")."""

    submitted_at: datetime
    item9: str


def saved_after(alert: RiskAlert) -> SavedAfter | None:
    """For a ``phq9_item9`` alert a refused form raised (no stored form holds its answer), the first PHQ-9 the
    same client saved after it, so its line says plainly that a saved form followed (h187 left, review r133 fault
    7); None for any other alert, or while none followed."""
    if alert.source != "phq9_item9" or alert_answer(int(alert.client_id), str(alert.record_id)):
        return None
    at = alert.written_at or alert.created_at
    row = (
        MeasureResponse.objects.filter(client_id=alert.client_id, questionnaire="phq9", submitted_at__gte=at)
        .order_by("submitted_at", "id")
        .first()
    )
    if row is None:
        return None
    if row.risk_item_positive:
        said = alert_answer(int(alert.client_id), str(row.pk))
    else:  # question 9 answered 0
        said = get_questionnaire("phq9").option(0).label.lower()
    return SavedAfter(row.submitted_at, said)


# A refused form's item 9 alert is counted in a saved form's when that one follows within this long (review r133).
FOLDED_WITHIN = timedelta(hours=1)


def _answer_rank(alert: RiskAlert) -> int:
    """How serious a ``phq9_item9`` alert's answer is: the exact answer kept with it (1–3), else its level's least
    (``ideation`` 1, ``ideation_often`` 2)."""
    if alert.item_answer:
        return int(alert.item_answer)
    return 2 if alert.level == alerts.IDEATION_OFTEN else 1


def folded_into_saved(rows: Sequence[RiskAlert]) -> set[uuid.UUID]:
    """The ``phq9_item9`` alerts among ``rows`` that a refused form raised (no stored form holds their answer:
    :func:`alert_answer` is "") and that a stored form's alert of the same client, written within
    :data:`FOLDED_WITHIN` after it with the same or a more serious answer, supersedes: one moment, answered twice
    (review r133: "3 risk alerts" for two). Only a count leaves them out (the session-prep page's overview); each
    stays an alert, on the list and acknowledged as ever, and one whose answer was more serious than the saved
    form's is never folded: no risk is hidden."""
    phq = [row for row in rows if row.source == "phq9_item9"]
    if len(phq) < 2:
        return set()
    saved = {row.pk: bool(alert_answer(int(row.client_id), str(row.record_id))) for row in phq}
    folded: set[uuid.UUID] = set()
    for refused in (row for row in phq if not saved[row.pk]):
        at = refused.written_at or refused.created_at
        if any(
            saved[row.pk]
            and row.client_id == refused.client_id
            and at <= (row.written_at or row.created_at) <= at + FOLDED_WITHIN
            and _answer_rank(row) >= _answer_rank(refused)
            for row in phq
        ):
            folded.add(refused.pk)
    return folded


def alert_answer(client_id: int, record_id: str) -> str:
    """The exact answer ("more than half the days", "nearly every day") of the stored form a ``phq9_item9`` alert
    is about: its record id is the form's id, or the :func:`follow_up_key` of the session the form was stored for
    (the newest stored form with an answer of the key's level). "" when no such form was stored (a refused form:
    its alert knows only the level)."""
    rows = MeasureResponse.objects.filter(client_id=client_id, risk_item_positive=True)
    parts = _follow_up_parts(record_id)
    level = ""
    if parts is None:
        try:
            rows = rows.filter(pk=uuid.UUID(record_id))
        except ValueError:
            return ""
    else:
        questionnaire_id, where, level = parts
        try:
            rows = rows.filter(questionnaire=questionnaire_id, session_id=uuid.UUID(where))
        except ValueError:  # the sender's day: nothing was stored
            return ""
    for row in rows.order_by("-submitted_at", "-id"):
        q = get_questionnaire(row.questionnaire)
        if q.risk_item is None:
            continue
        value = _answers(row)[q.risk_item - 1]
        if value > 0 and (not level or alerts.risk_answer_level(value) == level):
            return q.option(value).label.lower()
    return ""


def _numbers(course: Course) -> dict[object, int]:
    return courses.session_numbers(course)


# The one order of a course's responses, total (no two rows tie, on any database): by their session's start, then
# the questionnaire, then when they were submitted, then id. Every reader lists them in it (the pages, the chart,
# the API, the CLI, the course record), and where two answers to one questionnaire count for the same held session
# (their own sessions were cancelled) the last in it is the one credited (:func:`assessments_of`, docs/measures.md).
RESPONSE_ORDER = ("session__start", "questionnaire", "submitted_at", "id")


def in_order(course: Course) -> list[MeasureResponse]:
    """The course's responses with their sessions, in :data:`RESPONSE_ORDER`."""
    return list(course.measures.select_related("session").order_by(*RESPONSE_ORDER))


def filled(course: Course, viewer: User) -> list[Filled]:
    """The course's responses in session order (:data:`RESPONSE_ORDER`), each against the session it was filled
    for, dated on ``viewer``'s day (:func:`session_day`)."""
    numbers = _numbers(course)
    rows = in_order(course)
    return [
        Filled(
            r,
            get_questionnaire(r.questionnaire),
            numbers.get(r.session_id),
            session_day(r.session, viewer),
            courses.as_session(r.session).cancelled,
            _risk_of(r),
            answered_day(r, viewer),
        )
        for r in rows
    ]


def answered_day(response: MeasureResponse, viewer: User) -> date:
    """The day a reading is dated by, in the viewer's zone: the day the client answered (r133: a PHQ-9 filled on
    7 Dec for a session on 9 Dec was dated 9 Dec, a day still to come, on the Scores page, its chart and the prep
    page), or its session's day for answers entered after their session (a baseline given on paper, added later
    for session 1), so that the readings keep their sessions' order."""
    return min(local_time.local_date(response.submitted_at, viewer), session_day(response.session, viewer))


def session_day(session: CourseSession, viewer: User) -> date:
    """The day of a course session in the viewer's own zone, as the course page and the questionnaire's session
    chooser show that session (docs/course.md: no page or message uses the course's zone): the day a response was
    filled for, the last session's day on the Measures page and in the refusal after it (:func:`_check_ahead`)."""
    return local_time.local_date(session.start, viewer)


def number_of(response: MeasureResponse) -> int | None:
    """Today's number of the session ``response`` was filled for; None once that session was cancelled."""
    return _numbers(response.course).get(response.session_id)


def history(actor: User, course_id: object) -> list[Chart]:
    """Score history per measure with its chart, for the client and for the therapist."""
    course = courses.get_course(actor, course_id)
    rows = filled(course, actor)
    charts = []
    for q in QUESTIONNAIRES:
        mine = [f for f in rows if f.questionnaire.id == q.id]
        svg = chart.history_svg(
            [(f.dated, f.response.total) for f in mine], q.id.value, element_id=f"chart-{q.id.value}"
        )
        table = [
            (f.number, f.dated, f.response.total, q.band_for(f.response.total).label, f.risk, f.early)
            for f in mine
        ]
        charts.append(Chart(q, svg, table))
    audit.record(actor, "measure.history", "course", course.id, subject=course.client)
    return charts


@dataclass(frozen=True, slots=True)
class MeasureChange:
    questionnaire: Questionnaire
    first: int
    latest: int
    change: change.Change
    jt_reliable: bool

    @property
    def words(self) -> str:
        """The change in one sentence ("PHQ-9 fell from 14 to 3 — a reliable improvement (a fall of 6 or more), now
        below the clinical cut-off (10)"): the Scores page and the prep page say it alike
        (:func:`reverie.measures.change.change_words`)."""
        return change.change_words(self.questionnaire.id.value, self.first, self.latest)

    @property
    def jt_agrees(self) -> bool:
        """Whether the Jacobson–Truax index reads the change as the NHS Talking Therapies threshold does (on whole
        scores it always does, docs/measures.md §2): the page names the index only when it does not."""
        return self.jt_reliable == (self.change is not change.Change.NONE)


@dataclass(frozen=True, slots=True)
class Progress:
    assessments: list[change.Assessment]
    changes: list[MeasureChange]
    outcome: change.Outcome | None
    check: change.ProgressCheck


def assessments_of(course: Course) -> list[change.Assessment]:
    """One assessment per session, numbered as the sessions are numbered today; each measure's reading at a session
    is the **last available** one that counts for it (NHS Talking Therapies: a course's outcome pairs each measure's
    first and last score).

    A response keeps its session. One whose session was cancelled afterwards counts for the next session held after
    it. One with no session held after it is left out of the series (the pages still show it), except in an ended
    course: there it is the course's closing reading and counts for the last session held, whoever cancelled its
    session and whatever day the course was ended on (before its session or after it).

    Answers to one questionnaire that count for the same session: the later in :data:`RESPONSE_ORDER` is credited,
    i.e. the one whose session started later, then the one submitted later, then the greater id; never the
    database's order. So a session's own answer wins over one filled for a cancelled session before it, a baseline
    is the latest reading before the first session held, and an ended course's closing reading wins over the last
    held session's own (earlier) answer: the last reading the client gave is the course's last score.
    """
    held = courses.held_sessions(course)
    numbers = {row.pk: n for n, row in enumerate(held, start=1)}
    by_session: dict[int, dict[str, int]] = {}
    for row in in_order(course):  # the later in RESPONSE_ORDER overwrites the earlier
        number = numbers.get(row.session_id) or next(
            (n for n, h in enumerate(held, start=1) if h.start > row.session.start), None
        )
        if number is None and course.ended_at is not None and held:
            number = len(held)  # the closing reading of an ended course
        if number is not None:
            by_session.setdefault(number, {})[row.questionnaire] = row.total
    return [
        change.Assessment(n, phq9=t.get("phq9"), gad7=t.get("gad7")) for n, t in sorted(by_session.items())
    ]


def progress(therapist: User, course_id: object, *, plan: bool = True) -> Progress:
    """Reliable change, recovery and the not-on-track flag with its rule in words: the therapist's view.
    ``plan=False``: the caller has planned the course ahead in this request already (the caseload)."""
    course = courses.get_course(therapist, course_id, plan=plan)
    if not is_course_therapist(therapist, course):
        raise NotFound("No such course.")
    series = assessments_of(course)
    changes = []
    for q in QUESTIONNAIRES:
        values = [a.totals()[q.id] for a in series if q.id in a.totals()]
        if len(values) >= 2:
            first, latest = values[0], values[-1]
            changes.append(
                MeasureChange(
                    q,
                    first,
                    latest,
                    change.classify_change(q.id.value, first, latest),
                    change.jt_reliable_change(q.id.value, first, latest),
                )
            )
    outcome = change.course_outcome(series) if len(series) >= 2 else None
    check = change.check_progress(series, change.rule_for_course(courses.total_of(course)))
    audit.record(therapist, "measure.progress", "course", course.id, subject=course.client)
    return Progress(series, changes, outcome, check)


@dataclass(frozen=True, slots=True)
class ItemAnswer:
    number: int
    text: str
    value: int
    label: str


@dataclass(frozen=True, slots=True)
class ResponseView:
    response: MeasureResponse
    questionnaire: Questionnaire
    items: list[ItemAnswer]
    band_label: str
    number: int | None  # today's number of its session; None once that session was cancelled
    day: date
    cancelled: bool

    @property
    def name(self) -> str:
        return plain_name(self.questionnaire)


def _session_words(row: MeasureResponse) -> str:
    """``Session on 2026-12-07 10:00 (Europe/London)``: the planned session, in the course's time zone."""
    zone = courses.course_zone(row.course)
    return f"Session on {row.session.start.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})"


def _response(actor: User, response_id: object) -> MeasureResponse:
    rows = MeasureResponse.objects.select_related("course", "client", "session")
    return records.fetch(actor, rows, response_id, Action.READ, "measure")


def _answers(row: MeasureResponse) -> list[int]:
    return [int(v) for v in records.open_json(row.client, row.id, ANSWERS_PURPOSE, row.answers)]


def answers_of(row: MeasureResponse) -> list[int]:
    """The answers the client gave on ``row``, item by item (the option values). For the client's own course
    record (:class:`~reverie.care.services.client_course.ClientCourse`): the caller has the row from the client's
    course. IntegrityError when they do not open."""
    return _answers(row)


def risk_item_answer(actor: User, response_id: object) -> str | None:
    """The questionnaire's risk question and the client's answer to it, for the client's own check-in ("Question 9:
    “…” Your answer: “Several days”."), or None when the response is not the actor's own or has no risk question.
    Audited as a read of the measure."""
    if isinstance(response_id, str) and (parts := _follow_up_parts(response_id)) is not None:
        return _risk_level_words(actor, *parts)
    try:
        row = _response(actor, response_id)
    except (NotFound, PermissionDenied):
        return None
    q = get_questionnaire(row.questionnaire)
    if row.client_id != actor.pk or q.risk_item is None:
        return None
    item = q.items[q.risk_item - 1]
    value = _answers(row)[q.risk_item - 1]
    audit.record(actor, "measure.read", "measure", row.id, subject=row.client)
    return f"Question {item.number}: “{item.text}” Your answer: “{q.option(value).label}”."


# What a client answered, in the words of the options, for each level a risk answer raises (:func:`follow_up_key`).
_LEVEL_WORDS = {
    "ideation": "Several days",
    alerts.IDEATION_OFTEN: "More than half the days or nearly every day",
}


def _follow_up_parts(key: str) -> tuple[str, str, str] | None:
    """The questionnaire, the session (or day) and the level of a :func:`follow_up_key`, its generation (``:2``)
    set aside; None for any other record id (a stored response's id)."""
    parts = key.split(":")
    if len(parts) == 4 and parts[3].isascii() and parts[3].isdigit():
        parts = parts[:3]
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def _risk_level_words(actor: User, questionnaire_id: str, where: str, level: str) -> str | None:
    """The risk question and the answer's words for an alert raised as the form was sent (:func:`follow_up_key`):
    the stored answer when that form was stored for its session, else the words of the answer's level."""
    try:
        q = get_questionnaire(questionnaire_id)
    except InvalidInput:
        return None
    if q.risk_item is None or level not in _LEVEL_WORDS:
        return None
    item = q.items[q.risk_item - 1]
    try:
        session_id = uuid.UUID(where)
    except ValueError:  # the sender's day: a form that named no session of theirs, so none was stored
        session_id = None
    stored = (
        MeasureResponse.objects.filter(client=actor, questionnaire=q.id.value, session_id=session_id).first()
        if session_id is not None
        else None
    )
    if stored is not None:
        value = _answers(stored)[q.risk_item - 1]
        if value > 0 and alerts.risk_answer_level(value) == level:
            audit.record(actor, "measure.read", "measure", stored.id, subject=actor)
            return f"Question {item.number}: “{item.text}” Your answer: “{q.option(value).label}”."
    return f"Question {item.number}: “{item.text}” Your answer: “{_LEVEL_WORDS[level]}”."


def response_view(actor: User, response_id: object) -> ResponseView:
    """One completed measure, item by item."""
    row = _response(actor, response_id)
    q = get_questionnaire(row.questionnaire)
    items = [
        ItemAnswer(i.number, i.text, v, q.option(v).label)
        for i, v in zip(q.items, _answers(row), strict=True)
    ]
    audit.record(actor, "measure.read", "measure", row.id, subject=row.client)
    cancelled = courses.as_session(row.session).cancelled
    return ResponseView(
        row, q, items, q.band_for(row.total).label, number_of(row), session_day(row.session, actor), cancelled
    )


def fhir_resource(actor: User, response_id: object) -> dict[str, Any]:
    """The measure as a FHIR R4 QuestionnaireResponse, validated before it leaves."""
    row = _response(actor, response_id)
    resource = fhir.to_questionnaire_response(
        row.questionnaire,
        _answers(row),
        authored=row.submitted_at,
        subject_ref=f"Patient/{row.client_id}",
        id=str(row.id),
        encounter_ref=f"Encounter/{row.session_id}",
        encounter_display=_session_words(row),
    )
    fhir.validate(resource)
    audit.record(actor, "measure.export", "measure", row.id, subject=row.client)
    return resource


def responses(actor: User, course_id: object) -> list[Filled]:
    """Every response of the course against its session (see :func:`filled`)."""
    return filled(courses.get_course(actor, course_id), actor)
