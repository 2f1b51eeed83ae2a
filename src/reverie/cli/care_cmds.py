"""``reverie course|measure|directory|fit``: the course of therapy from the command line.

Thin commands over the care services (the web uses the same ones). Each one signs in (``--user``), runs one
service call (one transaction) and prints plain text; errors leave through ``reverie.cli.main`` with their code.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reverie.cli.plain import lazy_help
from reverie.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from reverie.care.models import Course
    from reverie.clinic.models import User

course_app = typer.Typer(help="Set up and follow a course of therapy.", no_args_is_help=True)
measure_app = typer.Typer(help="PHQ-9 and GAD-7: fill in, history, FHIR export.", no_args_is_help=True)
directory_app = typer.Typer(help="The therapist directory.", no_args_is_help=True)

UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")]
CourseArg = Annotated[
    str | None, typer.Argument(help="Course id (or its first characters); default: your only (open) course.")
]
ClientOpt = Annotated[
    str | None, typer.Option("--client", help="Therapist: the client whose course you mean.")
]
OutOpt = Annotated[
    Path, typer.Option("--output", "-o", help="The file to write (only you can open it here).")
]


def _ready() -> None:
    """Ready Django (and migrate) before any model or service is imported."""
    from reverie.cli.runtime import django_ready

    django_ready()


def sign_in(user: str | None) -> User:
    from reverie.cli.runtime import sign_in as runtime_sign_in

    return runtime_sign_in(user)


def _when(raw: str) -> datetime:
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput('Give the first session\'s date and time like "2026-03-02 10:00".') from None


def _course(
    actor: User,
    course_id: str | None,
    client: str | None,
    choose: str = "Give the course's id (its first characters are enough).",
) -> Course:
    """A course by id prefix, the therapist's course with ``--client``, or the client's only open one (with several
    open, refused with the list and ``choose``: how this command names one; never guessed)."""
    _ready()
    from reverie.care.services import course as courses

    visible = courses.courses_for(actor)
    if course_id:
        matches = [c for c in visible if str(c.id).startswith(course_id.strip().lower())]
    elif client:
        matches = [c for c in visible if c.client.username == client.strip().lower()][:1]
    else:
        matches = (
            [courses.active_course(actor, choose=choose)]
            if actor.is_client
            else visible[:1]
            if len(visible) == 1
            else []
        )
    if len(matches) != 1:
        raise NotFound("No such course." if not matches else "That id matches several courses.")
    return matches[0]


def _code(raw: str) -> str:
    """A code as typed in words: "brief psychodynamic", "every-other-session" -> brief_psychodynamic, …"""
    return "_".join(raw.strip().lower().replace("-", " ").replace("_", " ").split())


@course_app.command("create")
def course_create(
    client: Annotated[str, typer.Option(help="The linked client's user name.")],
    programme: Annotated[
        str,
        typer.Option(
            help="Which programme, in words or as its code: dit (Dynamic Interpersonal Therapy), brief"
            " psychodynamic, medium term, long term, art therapy or music therapy."
        ),
    ],
    start: Annotated[
        str,
        typer.Option(
            help='The first session\'s date and time, like "2026-03-02 10:00", in the time zone of --tz (add an'
            " offset such as +01:00 to give another)."
        ),
    ],
    user: UserOpt = None,
    tz: Annotated[
        str | None, typer.Option("--tz", help="Time zone name, e.g. Europe/London. Default: yours.")
    ] = None,
    weekly: Annotated[int, typer.Option(help="Sessions a week: 1 or 2.")] = 1,
    sessions: Annotated[
        int | None,
        typer.Option(help="Agreed number of sessions (brief: 25–30; none for open-ended formats)."),
    ] = None,
    rrule: Annotated[
        str | None,
        typer.Option(
            help="Instead of --weekly and --sessions, the days as a calendar repeat rule, e.g."
            " FREQ=WEEKLY;BYDAY=MO,TH;COUNT=26 for Mondays and Thursdays, 26 sessions in all (brief);"
            " open-ended formats take no COUNT or UNTIL."
        ),
    ] = None,
    schedule: Annotated[
        str,
        typer.Option(
            help="When the client fills in PHQ-9 and GAD-7: before every session (the default), every other"
            " session, or monthly.",
            show_default=False,
        ),
    ] = "every_session",
) -> None:
    """Set up a course for a linked client (therapist).

    \b
    Example: reverie course create --client cara --programme dit --start "2026-03-02 10:00" --sessions 16
    """
    _ready()
    from reverie.care.services import course as courses
    from reverie.clinic.services.local_time import zone_name

    actor = sign_in(user)
    draft = courses.CourseDraft(
        client=client, programme=_code(programme), start=_when(start), timezone=tz or zone_name(actor),
        weekly=weekly, total_sessions=sessions, measure_schedule=_code(schedule), rrule=rrule,
    )  # fmt: skip
    course = courses.create_course(actor, draft)
    typer.echo(f"Course {course.id} set up: {len(courses.planned(course))} sessions planned.")


@course_app.command("show")
def course_show(course_id: CourseArg = None, user: UserOpt = None, client: ClientOpt = None) -> None:
    """Where the course stands (e.g. "Session 7 of 16 · middle phase") and its sessions."""
    _ready()
    from reverie.care.policy import is_course_therapist
    from reverie.care.services import course as courses
    from reverie.care.templatetags.words import words  # the web's one table of words for codes (r129)
    from reverie.cli.local_times import zone_for, zone_label

    actor = sign_in(user)
    course = courses.read_course(actor, _course(actor, course_id, client).id)
    where = courses.position(course, viewer=actor)
    purpose = where.phase.purpose_for(therapist=is_course_therapist(actor, course))
    if course.ended_at is not None:  # "Ended on 9 Feb 2026": not where the pair is now (courses.position)
        typer.echo(f"{where.text}\nCourse {course.id} · {words(course.programme)}")
    else:
        typer.echo(f"{where.text}\n{purpose}\nCourse {course.id} · {words(course.programme)}")
    zone = zone_for(actor)  # the person's own zone, as on the web
    typer.echo(f"Times in {zone_label(zone)}")
    held = {r.pk: n for n, r in enumerate(courses.held_sessions(course), start=1)}
    for row in courses.planned(course):
        number = held.get(row.pk, "-")
        typer.echo(
            f"  {number!s:>3}  {row.start.astimezone(zone):%a %Y-%m-%d %H:%M}  {words(row.attendance)}".rstrip()
        )


@course_app.command("plan-ahead")
def course_plan_ahead() -> None:
    """Operator (e.g. a daily cron job): plan every open-ended course that has not ended 12 weeks ahead of today
    (not one whose client and therapist are no longer linked). Reading a course does the same for that course;
    running it again adds nothing."""
    _ready()
    from reverie.care.services import course as courses

    extended, added = courses.plan_ahead_all()
    typer.echo(f"Planned {added} session(s) ahead in {extended} open-ended course(s).")


@course_app.command("end")
def course_end(
    course_id: CourseArg = None,
    user: UserOpt = None,
    client: ClientOpt = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help="The course's last day, like 2026-03-02, a day in your own time zone (the course ends at its last"
            " moment there); its sessions that day stay (default: your today; never in the future, never before the"
            " first session's day).",
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", help="End without asking, even with risk alerts or answered questionnaires still open."
        ),
    ] = False,
) -> None:
    """End a course (its therapist): sessions after the end are cancelled and no new ones are planned; notes,
    measures and the goodbye letter stay readable. Ending an ended course says so.

    First it lists what the ending leaves open for the client (risk alerts you have not acknowledged,
    questionnaires answered for a session it cancels) and asks before ending; --yes ends without asking. Without a
    terminal to ask in and without --yes, an ending that leaves anything open is refused and nothing is ended.

    \b
    Example: reverie course end --client cara --on 2026-06-30
    """
    _ready()
    from reverie.care.services import course as courses
    from reverie.clinic.services import local_time
    from reverie.clinic.services.policy import Action

    actor = sign_in(user)
    day = courses.ending_day(on)
    course = courses.get_course(actor, _course(actor, course_id, client).id, Action.WRITE, plan=False)
    still = courses.still_open(actor, course, day) if course.ended_at is None else courses.StillOpen([], [])
    if still:  # the end page's list, in the same words (courses.StillOpen)
        typer.echo(f"Still open for {course.client.username}:")
        for line in still.lines(local_time.zone_of(actor)):
            typer.echo(f"  - {line}")
        if not yes:
            if not sys.stdin.isatty():
                raise courses.EndLeavesOpen(
                    f"{still.summary(local_time.zone_of(actor))} Nothing was ended: run it in a terminal to be"
                    " asked, or add --yes to end the course anyway.",
                    still=still,
                )
            if not typer.confirm("End the course anyway?", default=False):
                typer.echo("The course goes on; nothing was ended.")
                return
    ended = courses.end_course(actor, course.id, day, seen=still.token)
    typer.echo(
        f"Course {course.id} ended on {ended.day:%-d %b %Y}; {ended.cancelled} planned session(s) after it cancelled."
    )


@course_app.command("ics")
def course_ics(
    output: OutOpt, course_id: CourseArg = None, user: UserOpt = None, client: ClientOpt = None
) -> None:
    """Export the course's sessions as an iCalendar file (titles show initials only)."""
    _ready()
    from reverie.care.services import sessions
    from reverie.cli.paths import write_named

    actor = sign_in(user)
    write_named(output, sessions.course_ics(actor, _course(actor, course_id, client).id))
    typer.echo(f"Calendar written to {output}.")


MEASURE_FILL_SHORT = "Fill in a measure before a session (client). Twice for one session is refused."


def _measure_fill_help() -> str:
    """``reverie measure fill --help``: each question and what 0–3 mean, in the measures' own words
    (``reverie.measures.questionnaires``), built only when shown."""
    from reverie.measures.questionnaires import QUESTIONNAIRES

    lines = [
        MEASURE_FILL_SHORT,
        "",
        "--answers gives one number for each question, in order, separated by commas, spaces or both; quotes are"
        " not needed: every word after --answers, up to the next option, is an answer.",
    ]
    for questionnaire in QUESTIONNAIRES:
        lines += [
            "",
            "\b",
            f"{questionnaire.id.value} ({questionnaire.short_title}): {questionnaire.stem}",
            "  " + "; ".join(f"{o.value}: {o.label.lower()}" for o in questionnaire.options) + ".",
            *(f"  {item.number}. {item.text}" for item in questionnaire.items),
        ]
    return "\n".join([*lines, "", "\b", "Example: reverie measure fill gad7 --answers 1 2 0 1 0 0 1"])


def _answers(questionnaire_id: str, raw: str) -> list[int]:
    """The typed answers as numbers; a wrong one is named by its question's words (never by its value)."""
    from reverie.measures.questionnaires import get_questionnaire

    questionnaire = get_questionnaire(questionnaire_id)
    items = questionnaire.items
    scale = ", ".join(f"{o.value} ({o.label.lower()})" for o in questionnaire.options)
    values = _typed(raw)
    if len(values) != len(items):
        where = (
            f"answer {len(values) + 1} would be for “{items[len(values)].text}”"
            if len(values) < len(items)
            else "the last one would answer no question"
        )
        raise InvalidInput(
            f"The {questionnaire.short_title} has {len(items)} questions; --answers has {len(values)}: {where}."
            f" See: reverie measure fill --help."
        )
    answers = []
    for item, value in zip(items, values, strict=True):
        if not (value.isascii() and value.isdigit()) or int(value) not in {
            o.value for o in questionnaire.options
        }:
            raise InvalidInput(f"Question {item.number}, “{item.text}”, takes one of {scale}.")
        answers.append(int(value))
    return answers


# A word that ends the answers typed after --answers: an option ("--session", "-u"; not "-1", an answer refused as one),
# or the questionnaire named after them ("--answers 0 1 2 … phq9").
_NOT_AN_ANSWER = re.compile(r"-[^\d].*|phq9|gad7", re.IGNORECASE)


def _answers_as_one(args: list[str]) -> list[str]:
    """The words typed after ``--answers`` (or ``--answers=…``) as its one value, so answers given unquoted,
    ``--answers 0 0 0 0 0 0 0 0 2``, are read as the quoted ``"0 0 0 0 0 0 0 0 2"`` is (:func:`_typed`): the same
    count and values checked, the same screen of question 9. Before (h155) Typer refused the eight words after the
    first as "unexpected extra arguments" before Reverie read them, so a 2 on question 9 ("thoughts that you would
    be better off dead") was never screened and no crisis lines were shown. The answers end at the next option or
    at the questionnaire's name; after ``--`` nothing is read so."""
    out: list[str] = []
    at = 0
    while at < len(args):
        word = args[at]
        at += 1
        if word == "--":
            out += args[at - 1 :]
            break
        if word == "--answers":
            parts = args[at : at + 1]  # its value, whatever it is, as Click reads it
            at += len(parts)
        elif word.startswith("--answers="):
            parts = [word.removeprefix("--answers=")]
        else:
            out.append(word)
            continue
        while at < len(args) and not _NOT_AN_ANSWER.fullmatch(args[at]):
            parts.append(args[at])
            at += 1
        out += ["--answers", " ".join(parts)] if parts else ["--answers"]
    return out


class _MeasureFillCommand(lazy_help(_measure_fill_help)):  # type: ignore[misc]
    """``reverie measure fill``: its help built when shown, and every word after ``--answers`` one answer."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _answers_as_one(args))  # type: ignore[no-any-return]


@measure_app.command("fill", short_help=MEASURE_FILL_SHORT, cls=_MeasureFillCommand)
def measure_fill(
    questionnaire: Annotated[
        str, typer.Argument(help="phq9 (PHQ-9, about mood) or gad7 (GAD-7, about anxiety).")
    ],
    answers: Annotated[
        str,
        typer.Option(
            help="One number 0–3 for each question, in order, separated by commas or spaces, quoted or not"
            " (--answers 0 1 2 …: every word up to the next option); `reverie measure fill --help` lists the"
            " questions and what each number means."
        ),
    ],
    user: UserOpt = None,
    session: Annotated[
        str | None,
        typer.Option(metavar="NUMBER", help="The session it is for (default: the next one)."),
    ] = None,
    course: Annotated[
        str | None,
        typer.Option(
            metavar="ID",
            help="The course it is for: its id, or its first characters (needed when you have two courses at once;"
            " default: your only course).",
        ),
    ] = None,
) -> None:
    # Question 9 as typed is screened whatever else is refused, as the web's form and the API's are (docs/measures.md
    # §1): a wrong answer, the wrong count, a session number that is no number, a course not named or not found.
    from reverie.errors import ReverieError
    from reverie.measures.questionnaires import risk_answer

    typed = _typed(answers)
    try:
        given = _answers(questionnaire, answers)  # a wrong answer is named before anything is opened
        number = _session_number(session)
    except ReverieError:
        if risk_answer(questionnaire, typed):  # the risk question is screened as sent, refused or not
            _screen_refused(questionnaire, typed, user, session, course)
        raise
    _ready()
    from reverie.care.services import measures

    client = sign_in(user)
    try:
        # the course named, else the client's only open one; with two open and none named, refused with the list
        chosen = _course(client, course, None, choose=CHOOSE_COURSE) if client.is_client else None
    except ReverieError:
        if risk_answer(questionnaire, given):  # screened as sent, in no course (measures.follow_up)
            measures.follow_up(client, questionnaire, given, session_number=number)
            _show_safety(client)
        raise
    try:
        done = measures.submit(
            client, questionnaire, given, course_id=chosen.id if chosen else None, session_number=number
        )
    except ReverieError:
        if measures.risk_answer(
            questionnaire, given
        ):  # screened as sent (measures.follow_up): refused all the same
            _show_safety(client)
        raise
    score = done.score
    typer.echo(
        f"Saved {done.response.id}: {score.total} ({score.band.label.lower()}) for session {measures.number_of(done.response)}."
    )
    if score.risk_item_positive:
        _show_safety(done.response.client)


CHOOSE_COURSE = "Give the one these answers are for: --course ID (its first characters are enough)."


def _session_number(raw: object) -> int | None:
    """``--session`` as typed: a session's number from 1 (ASCII digits), or None (the next one). Read here, not by
    Typer, so a number typed wrong is refused after question 9 was screened (the web reads its session choice so)."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 6) or int(text) < 1:
        raise InvalidInput("--session takes a session's number from 1, like 3 (digits only).")
    return int(text)


def _screen_refused(
    questionnaire: str, typed: list[str], user: str | None, session: object, course: str | None
) -> None:
    """A form the command refuses before opening anything whose question 9 reads above 0: screened as sent
    (``measures.follow_up``: the therapist's alert, the check-in) in the course and session it names where they can
    be read, then the safety plan and crisis lines before the refusal."""
    _ready()
    from reverie.care.services import measures
    from reverie.measures.questionnaires import whole_number

    client = sign_in(user)
    measures.follow_up(
        client,
        questionnaire,
        typed,
        course_id=_course_or_none(client, course),
        session_number=whole_number(session, digits=6),
    )
    _show_safety(client)


def _course_or_none(client: User, course: str | None) -> object | None:
    """The id of the course ``--course`` names (or the client's only open one), for screening a refused form's
    risk question in that course; None when it names none (``measures.follow_up`` then keys the alert by day)."""
    from reverie.errors import ReverieError

    try:
        return _course(client, course, None, choose=CHOOSE_COURSE).id if client.is_client else None
    except ReverieError:
        return None


# Answers typed apart by commas, white space or both ("0,1,2", "0 1 2", "0, 1, 2"); an empty answer between two commas
# is kept (and refused as no answer), never skipped.
_ANSWER_GAP = re.compile(r"\s*,\s*|\s+")


def _typed(raw: str) -> list[str]:
    """``--answers`` split into one part per answer, each as typed (:func:`_answers` reads them as numbers,
    ``measures.risk_answer`` reads question 9's whatever the rest holds): separated by commas, white space or
    both; a comma at the end ignored. Before (r125) only commas separated them: "0 0 0 0 0 0 0 0 3" was one answer,
    refused as "has 1", and question 9 "nearly every day" was never screened."""
    return _ANSWER_GAP.split(raw.strip().removesuffix(",").strip())


def _show_safety(client: User) -> None:
    """After question 9 above 0: the client's safety plan, then the crisis lines every door shows
    (``safety.lines_for_person``: their plan's country's, else their time zone's country's and each other's first line, theirs first)."""
    _ready()
    from reverie.care.services import alerts, safety
    from reverie.cli.crisis import echo_lines

    # the plan read once (audited), for its sections and its country's lines
    crisis = safety.lines_for_person(client, with_plan=True)
    page = crisis.plan
    typer.echo("\nYou said you have had thoughts of being better off dead or of hurting yourself.")
    typer.echo("You do not have to carry this alone. " + alerts.risk_answer_seen(client))
    for title, items in page.get("sections", []):
        typer.echo(f"\n{title}:\n" + "\n".join(f"  - {item}" for item in items))
    typer.echo("")
    echo_lines(crisis.in_words())


@measure_app.command("history")
def measure_history(course_id: CourseArg = None, user: UserOpt = None, client: ClientOpt = None) -> None:
    """Scores over time; the therapist also sees reliable change and the not-on-track rule."""
    _ready()
    from reverie.care.policy import is_course_therapist
    from reverie.care.services import measures

    actor = sign_in(user)
    course = _course(actor, course_id, client)
    # Each row is one response of measures.filled (RESPONSE_ORDER), printed with its own id, as the web lists them:
    # never matched back by questionnaire, session and day (two cancelled sessions on one day share those).
    rows = measures.responses(actor, course.id)
    for chart in measures.history(actor, course.id):
        q = chart.questionnaire
        typer.echo(f"{q.short_title}:")
        for f in (f for f in rows if f.questionnaire.id == q.id):
            # "-": that session was cancelled afterwards
            label = f"{f.number:>2}" if f.number is not None else " -"
            total, band = f.response.total, q.band_for(f.response.total).label
            typer.echo(f"  session {label}  {f.day}  {total:>2}  {band.lower()}  {f.response.id}")
    if is_course_therapist(actor, course):
        _print_progress(measures.progress(actor, course.id))


def _print_progress(progress: Any) -> None:
    for (
        change
    ) in progress.changes:  # the Scores page's sentence; the index named only where it reads otherwise
        index = (
            "" if change.jt_agrees else f" (the Jacobson–Truax index reads it as {_jt(change.jt_reliable)})"
        )
        typer.echo(change.words + index)
    if progress.outcome is not None:
        outcome = progress.outcome
        typer.echo(
            f"Recovery: {outcome.recovery_words}; reliable recovery: {outcome.reliable_recovery_words}"
        )
        if progress.outcome.undecided_reason:
            typer.echo(progress.outcome.undecided_reason)
    typer.echo(
        ("NOT ON TRACK: " + " ".join(progress.check.reasons))
        if progress.check.not_on_track
        else "On track."
        if progress.check.judged
        else "Not enough scores yet to judge progress."
    )
    typer.echo(progress.check.rule_text)


def _jt(reliable: bool) -> str:
    return "reliable" if reliable else "not reliable"


@measure_app.command("fhir")
def measure_fhir(
    response_id: Annotated[str, typer.Argument(help="The measure's id (from 'measure history').")],
    output: OutOpt,
    user: UserOpt = None,
) -> None:
    """Export one completed measure as a FHIR R4 QuestionnaireResponse (validated)."""
    _ready()
    import json

    from reverie.care.services import measures
    from reverie.cli.paths import write_named

    resource = measures.fhir_resource(sign_in(user), response_id)
    write_named(output, json.dumps(resource, indent=2).encode())
    typer.echo(f"FHIR QuestionnaireResponse written to {output}.")


@directory_app.command("import")
def directory_import(
    path: Annotated[
        Path,
        typer.Argument(
            help="The directory CSV file: one therapist a row, with the columns docs/measures.md names."
        ),
    ],
) -> None:
    """Operator: import a directory CSV (it replaces the listings it names; therapists edit only their own
    profile, on the web). A malformed file is refused whole and nothing is stored."""
    _ready()
    from reverie.care.services import directory
    from reverie.cli.paths import read_named

    data = read_named(path)
    report = directory.import_csv(None, data)
    typer.echo(f"Imported {report.created} new and updated {report.updated} profiles.")


FIT_SHORT = "Is psychodynamic therapy a fit for you now?"


def _fit_help() -> str:
    """``reverie fit --help``: how to answer, in the fit check's own words (``reverie.programmes.fit``)."""
    from reverie.programmes import fit as rules

    seeds = len(rules.SEED_QUESTIONS)
    lines = [
        f"{FIT_SHORT} Non-diagnostic; lists matching therapists in the directory. Without --answers you are asked"
        " each question in turn.",
        "",
        f"--answers gives all {len(_fit_keys())} answers at once, in this order, separated by commas:",
        "",
        "\b",
        f"1 to {seeds}: yes, no or not sure, to each question:",
        *(f"  {n}. {question}" for n, (_, question) in enumerate(rules.SEED_QUESTIONS, 1)),
        f"{seeds + 1}: structured, open-ended or no preference:",
        f"  {rules.STRUCTURE_QUESTION}",
        f"{seeds + 2} to {len(_fit_keys())}: a number from -3 to 3 for each pair of statements.",
        "  -3: you fully agree with the first; 3: fully with the second; 0: neither, or both.",
        *(f"  {n}. {item.left} / {item.right}" for n, item in enumerate(rules.PREFERENCE_ITEMS, seeds + 2)),
        "",
        "\b",
        'Example: --answers "yes,yes,not sure,no,yes,open-ended,-2,1,0,2,-1,1,3,-2,2,0,0,-1"',
    ]
    return "\n".join(lines)


def _fit_keys() -> list[str]:
    from reverie.programmes import fit as rules

    keys = [f"seed_{k}" for k, _ in rules.SEED_QUESTIONS] + ["structure"]
    return keys + [f"pref_{item.key}" for item in rules.PREFERENCE_ITEMS]


def _fit_question(key: str) -> str:
    """The question or pair of statements behind a form key, in the words the help and the web page show."""
    from reverie.programmes import fit as rules

    if key == "structure":
        return f"“{rules.STRUCTURE_QUESTION}” (structured, open-ended or no preference)"
    for code, question in rules.SEED_QUESTIONS:
        if key == f"seed_{code}":
            return f"“{question}” (yes, no or not sure)"
    item = next(item for item in rules.PREFERENCE_ITEMS if key == f"pref_{item.key}")
    return f"“{item.left} / {item.right}” (a number from -3 to 3)"


def _fit_value(key: str, raw: str) -> str:
    """An answer as typed ("not sure", "open-ended", "+2", "−1") as the check's form takes it."""
    said = raw.strip().lower()
    if key.startswith("pref_"):
        return said.replace("−", "-").removeprefix("+")
    return "_".join(said.replace("-", " ").replace("_", " ").split())


def _fit_answers(raw: str | None, creative: bool) -> dict[str, str]:
    keys = _fit_keys()
    if raw is None:
        return _ask_fit(keys, creative)
    values = [v.strip() for v in raw.split(",")]
    if len(values) != len(keys):
        where = (
            f"answer {len(values) + 1} would be {_fit_question(keys[len(values)])}"
            if len(values) < len(keys)
            else "the last one would answer nothing"
        )
        raise InvalidInput(
            f"--answers needs {len(keys)} answers separated by commas; it has {len(values)}: {where}."
            " See: reverie fit --help."
        )
    form = {key: _fit_value(key, value) for key, value in zip(keys, values, strict=True)}
    return {**form, "creative": "yes" if creative else ""}


def _ask_fit(keys: list[str], creative: bool) -> dict[str, str]:
    from reverie.programmes import fit as rules

    if not sys.stdin.isatty():
        raise InvalidInput("Give --answers, or run in a terminal to be asked.")
    form = {}
    for key, question in rules.SEED_QUESTIONS:
        form[f"seed_{key}"] = _fit_value(key, typer.prompt(f"{question} (yes, no or not sure)"))
    form["structure"] = _fit_value(
        "structure", typer.prompt(f"{rules.STRUCTURE_QUESTION} (structured, open-ended or no preference)")
    )
    for item in rules.PREFERENCE_ITEMS:
        form[f"pref_{item.key}"] = _fit_value(
            "pref_", typer.prompt(f"-3 = {item.left}\n+3 = {item.right}\n  your point (-3 to 3)", default="0")
        )
    form["creative"] = "yes" if creative or typer.confirm(rules.CREATIVE_QUESTION, default=False) else ""
    return form


def fit(
    answers: Annotated[
        str | None,
        typer.Option(
            help="All the answers at once, separated by commas, in the order `reverie fit --help` lists; omit to be asked."
        ),
    ] = None,
    creative: Annotated[bool, typer.Option(help="Images or music come easier than words.")] = False,
) -> None:
    _ready()
    from reverie.care.services import fit as fit_service
    from reverie.care.templatetags.words import words

    result = fit_service.assess(_fit_answers(answers, creative))
    for reason in result.reasons:
        typer.echo(f"- {reason}")
    typer.echo(f"Formats to ask about: {', '.join(words(f) for f in result.formats_to_ask_about)}")
    typer.echo(f"Directory search: /directory/?{fit_service.directory_query(result)}")
    _print_matches(result)


def _print_matches(result: Any) -> None:
    _ready()
    from reverie.care.services import directory
    from reverie.programmes.directory import query_from_prefill

    found = directory.search(query_from_prefill(result.search_prefill))
    typer.echo(f"{len(found)} therapist(s) in the directory match:")
    for p in found[:10]:
        where = ", ".join(filter(None, [p.location if p.in_person else "", "online" if p.online else ""]))
        typer.echo(
            f"  {p.name} · {', '.join(m.value for m in p.modalities)} · {where} · {p.availability.value}"
        )


def register(app: typer.Typer) -> None:
    """Mount the course commands on the main app."""
    app.add_typer(course_app, name="course")
    app.add_typer(measure_app, name="measure")
    app.add_typer(directory_app, name="directory")
    measure_app.command("fill", short_help=MEASURE_FILL_SHORT, cls=_MeasureFillCommand)(measure_fill)

    app.command("fit", short_help=FIT_SHORT, cls=lazy_help(_fit_help))(fit)
