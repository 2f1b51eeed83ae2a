"""Risk alerts and check-ins: the risk flow.

A risk signal raises one content-free alert per source record — a journal entry *revision* screened as ideation,
behaviour or attempt (or one the screen could not read) at the moment it was saved, PHQ-9 item 9 above 0, a
therapist's session note — and leaves a calm check-in at the top of the client's pages. Every signal goes through
:func:`signal`. The full analysis that runs later never adds a second alert for the same revision; it may only
upgrade the level. An edit that changes none of the words (a tag added) belongs to the alert of the revision that
first held them: an alert is raised for new words or a higher level, never for a new revision of the same words.
A therapist sees an alert when its source was written while the two were linked (an imported date after the
import is not trusted: the import time is used), or when the client answered "I need help now" while linked (then
without the earlier level or date); never one raised by their own note. Each linked therapist acknowledges for
themselves (``AlertAcknowledgement``, kept for good). Anything that raises the level or the urgency after an
acknowledgement re-opens the alert (``raised_at``), saying why. The client's check-in answer reaches the alert and
sets its urgency; "You misunderstood" lowers it and is kept as feedback, never deleting the alert. Nothing is sent
anywhere automatically; the entry is saved regardless. Every step is audited, content-free.

Lock order (PostgreSQL runs these writers at once; SQLite's write transaction serialises them). Every change to an
alert goes through :func:`_change` — a later reading (:func:`signal`) and the client's answer
(:func:`answer_check_in`) — or :func:`acknowledge`, and each takes, in this order and never another:

1. the audit chain's head (``audit.hold``; ``audit.record`` would lock it anyway, and a journal save that raises an
   alert has already recorded its own event, so the head comes first everywhere);
2. the ``RiskAlert`` row(s), ``SELECT … FOR UPDATE`` (:func:`_lock`), several in the order of their ids, read afresh
   under the lock: a change committed meanwhile (an "I need help now", an acknowledgement, a higher reading) is in
   the row that is changed, never overwritten by a stale copy (a new alert: the head before its insert);
3. then the rows beside it: the ``CheckIn`` rows (locked, read afresh), ``AlertAcknowledgement`` (inserted).

So an upgrade never lowers the level or the urgency, an answer's urgency survives a reading made at the same moment,
and whether an upgrade re-opens an alert is decided against the acknowledgements committed before its lock (an
acknowledgement waits for the lock, then acknowledges the level it finds). Reading an alert (``raise_alert`` finding
one, the lists) takes no lock.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from reverie.care.models import AlertAcknowledgement, CheckIn, OwedAlert, RiskAlert
from reverie.care.models.safety import ANSWER_LABELS, EXPLICIT, UNREAD, UNSURE
from reverie.care.models.safety import CHECK_IN_QUESTION as CHECK_IN_QUESTION
from reverie.care.services import records
from reverie.clinic.models import Entry, EntryScreen, Pair, StoredAnalysis, User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action
from reverie.errors import Conflict, InvalidInput, NotFound
from reverie.errors import IntegrityError as ReverieIntegrityError
from reverie.measures.questionnaires import get_questionnaire
from reverie.measures.scoring import Score
from reverie.versions import version_number

if TYPE_CHECKING:
    from reverie.clinic.services.journal import EntryView

log = logging.getLogger("reverie.care.alerts")
SOURCES = ("phq9_item9", "journal", "session", "goal")
# A note sent when cancelling a session raises a ``session`` alert whose record id ends so (``sessions.cancel_record``).
CANCEL_SUFFIX = "#cancel"
CANCELLATION = "cancellation"
# What an alert can be about, for the words a therapist reads: every source, and a cancellation note apart.
SOURCE_KINDS = (*SOURCES, CANCELLATION)
RISKY_LEVELS = ("ideation", "behavior", "attempt")
UNSCREENED = "unscreened"
NOT_RUN_NOTE = "risk analyzer could not run"
NOTE_PURPOSE = "alert.note"
ANSWERS = ANSWER_LABELS
# PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting yourself"): answered 1 ("several days")
# the alert's level is ``ideation``; answered 2 or 3 ("more than half the days", "nearly every day") it is
# ``ideation_often``, which starts more urgent.
IDEATION_OFTEN = "ideation_often"
# How a level ranks (an upgrade only goes up) and the urgency it starts with; the client's answer then decides.
RANK = {
    "none": 0,
    "indicator": 1,
    UNSCREENED: 2,
    "ideation": 2,
    IDEATION_OFTEN: 2,
    "behavior": 3,
    "attempt": 4,
}
# How a level sorts on a therapist's list within one urgency (``open_alerts``): unlike :data:`RANK`, PHQ-9 item 9
# "more than half the days" above "several days", and a text that could not be screened below both.
LIST_RANK = {"attempt": 5, "behavior": 4, IDEATION_OFTEN: 3, "ideation": 2, UNSCREENED: 1}
LEVEL_URGENCY = {UNSCREENED: 2, "ideation": 2, IDEATION_OFTEN: 3, "behavior": 3, "attempt": 4}
NEED_HELP_URGENCY = 5
# What a client is told their linked therapist sees: the one source of these words for every door (web /pair/ and
# its "You are now linked.", the API's invitation and accept answers, `reverie pair accept`; the safety-plan page
# says SAFETY_PLAN_SHARED). The policy lets a linked therapist read and edit the whole safety plan (it is made
# together in therapy), so the words say so (r57: they said "never your words" and stopped there).
SAFETY_PLAN_SHARED = (
    "Your safety plan is made together in therapy: your linked therapist can read and edit all of it, the people"
    " and phone numbers in it included."
)
THERAPIST_SEES = (
    "If something you write from the day you link (an entry, an edit, an import, a PHQ-9 answer, a"
    " note when cancelling a session, a goal) suggests you may be"
    " at risk, your therapist sees an alert: how serious it sounded (for example 'thoughts of ending your life') and"
    " a date, and how you answered the check-in. The alert never quotes your words: your therapist reads a goal or"
    " a note you send them as you wrote it, and a journal entry only if you share it. Nothing you wrote before the"
    " link raises an alert for them. Their page for preparing a session counts these alerts over the last 30"
    " days, with the highest level and whether they came more often lately; it counts nothing else you write."
    " " + SAFETY_PLAN_SHARED
)
MISUNDERSTOOD_URGENCY = 1


@dataclass(frozen=True, slots=True)
class CheckInTold:
    """What a check-in tells its client beside the question: what became of what raised it (``saved``) and what a
    linked therapist sees of it (``seen``), true for that source."""

    saved: str
    seen: str

    def __str__(self) -> str:
        return f"{self.saved} {self.seen}"


# The one table of those sentences, by what raised the check-in (:func:`source_kind`): the web's banner and check-in
# page, the API's check-in (``told``) and the command line read it through :func:`check_in_told`. A goal and a
# cancellation note are read by the therapist word for word (the goals page, the course page), so their check-in
# never promises "never your words"; a journal entry's words stay the client's unless they share the entry.
CHECK_IN_TOLD: dict[str, CheckInTold] = {
    "journal": CheckInTold(
        "Your entry was saved.",
        "Nothing is sent anywhere automatically; a linked therapist sees a level and a date, never your words"
        " (unless you share that entry with them).",
    ),
    "phq9_item9": CheckInTold(
        "Reverie read your answer to the questionnaire's question 9 as you sent it.",
        "Nothing is sent anywhere automatically; a linked therapist sees how often you said you had these thoughts"
        " and a date, as with every questionnaire you fill in for them.",
    ),
    "goal": CheckInTold(
        "What you wrote was saved.",
        "Nothing is sent anywhere automatically; a linked therapist sees an alert with a level and a date, and reads"
        " the goal itself, in your words, on your goals page, as with every goal.",
    ),
    CANCELLATION: CheckInTold(
        "What you wrote was saved.",
        "Nothing is sent anywhere automatically; a linked therapist sees an alert with a level and a date, and reads"
        " your note, in your words, beside the session on your course page, as with every cancellation note.",
    ),
}
# A check-in without an alert, or one raised by another source: nothing said that might not hold.
CHECK_IN_TOLD_OTHERWISE = CheckInTold(
    "What you wrote was saved.",
    "Nothing is sent anywhere automatically. If you are linked with a therapist, they see that there is something"
    " to talk about.",
)


# What a client with no link open (``Pair.objects.open()``: none, ended, or only to an account turned off, review r97)
# is told instead of what a linked therapist sees: no one sees the alert, and a therapist linked later will not
# either (``_alerts_for``: alerts from before a link are not theirs, unless "I need help now" is answered after it).
SEEN_BY_NO_ONE = (
    "Nothing is sent anywhere automatically, and no therapist is linked with you now, so no one sees it; a therapist"
    " you link with later sees only what you write from then on."
)


# What a client whose questionnaire answer (question 9 above 0) raised an alert is told of who sees it, while a link is
# open (:func:`risk_answer_seen`: the web's questionnaire pages and ``reverie measure fill``).
RISK_ANSWER_SEEN = "Your therapist will see that this needs a conversation; nothing is sent anywhere else."
# The command line's reply to "You misunderstood": the therapist sees the answer only while a link is open.
MISUNDERSTOOD_SEEN = (
    "Thank you for telling us. Your therapist sees that we misread it; the plan and the crisis lines stay here, just"
    " in case."
)
MISUNDERSTOOD_ALONE = "Thank you for telling us. The plan and the crisis lines stay here, just in case."


def has_open_link(client: User | int) -> bool:
    """Whether ``client`` has a link open now (``Pair.objects.open()``: not ended, the therapist's account on): the
    one rule for whether any words may say a therapist sees something (h112, h122)."""
    client_id = client if isinstance(client, int) else client.pk
    return Pair.objects.open().filter(client_id=client_id).exists()


def risk_answer_seen(client: User) -> str:
    """Who sees a questionnaire answer that raised an alert, in the client's words: their therapist while a link is
    open (:func:`has_open_link`), else :data:`SEEN_BY_NO_ONE`, as :func:`check_in_told` says it."""
    return RISK_ANSWER_SEEN if has_open_link(client) else SEEN_BY_NO_ONE


def misunderstood_reply(client: User) -> str:
    """The reply to "You misunderstood" that promises a therapist only while a link is open (:func:`has_open_link`)."""
    return MISUNDERSTOOD_SEEN if has_open_link(client) else MISUNDERSTOOD_ALONE


def check_in_told(check_in: CheckIn | None) -> CheckInTold:
    """The sentences :data:`CHECK_IN_TOLD` has for what raised ``check_in``; to a client with no link open (their
    only therapist's account closed, say), what it saved and :data:`SEEN_BY_NO_ONE`, so no therapist is promised."""
    alert = check_in.alert if check_in is not None else None
    told = (
        CHECK_IN_TOLD_OTHERWISE
        if alert is None
        else CHECK_IN_TOLD.get(source_kind(alert.source, alert.record_id), CHECK_IN_TOLD_OTHERWISE)
    )
    if check_in is not None and not has_open_link(check_in.client_id):
        return CheckInTold(told.saved, SEEN_BY_NO_ONE)
    return told


def source_kind(source: str, record_id: str) -> str:
    """What an alert is about, one of :data:`SOURCE_KINDS`: its source, or ``cancellation`` for the ``session``
    alert raised by a note sent when cancelling a session (its record id ends with :data:`CANCEL_SUFFIX`)."""
    if source == "session" and record_id.endswith(CANCEL_SUFFIX):
        return CANCELLATION
    return source


def phq9_item9_level(result: Score) -> str:
    """The alert level of a PHQ-9 whose item 9 is above 0: ``ideation`` for 1 ("several days"),
    ``ideation_often`` (more urgent) for 2 or 3 ("more than half the days", "nearly every day")."""
    questionnaire = get_questionnaire(result.questionnaire_id.value)
    item = questionnaire.risk_item
    return risk_answer_level(result.items[item - 1] if item is not None else 0)


def risk_answer_level(answer: int) -> str:
    """The alert level of a risk question's answer above 0 (PHQ-9 item 9): ``ideation`` for 1, ``ideation_often``
    for 2 or 3; the same whether the form was then stored or refused."""
    return IDEATION_OFTEN if answer >= 2 else "ideation"


def urgency_for(level: str, answer: str = "") -> int:
    """1–5: "I need help now" → 5, "You misunderstood" → 1, otherwise by level (attempt 4 … ideation 2)."""
    if answer == "need_help":
        return NEED_HELP_URGENCY
    if answer == "misunderstood":
        return MISUNDERSTOOD_URGENCY
    return LEVEL_URGENCY.get(level, 2)


def raise_alert(
    client: User,
    source: str,
    level: str,
    record_id: str,
    *,
    written_at: datetime | None = None,
    raised_by: User | None = None,
    model_alone: bool = False,
) -> RiskAlert:
    """One alert per (client, source, record); raising it again returns the same alert. Audited."""
    if source not in SOURCES:
        raise InvalidInput(f"An alert's source is one of: {', '.join(SOURCES)}.")
    if not level or len(level) > 16 or not record_id or len(record_id) > 64:
        raise InvalidInput("An alert needs a short level and the id of its source record.")
    existing = RiskAlert.objects.filter(client=client, source=source, record_id=record_id).first()
    if existing is not None:
        return existing
    now = timezone.now()
    try:
        with transaction.atomic():
            audit.hold()  # the lock order: the head before the new alert's key (a second raise waits on it)
            alert = RiskAlert.objects.create(
                client=client,
                source=source,
                level=level,
                record_id=record_id,
                created_at=now,
                written_at=min(written_at or now, now),
                raised_at=now,
                urgency=urgency_for(level),
                raised_by=raised_by,
                model_alone=model_alone,
            )
            audit.record(None, f"risk.alert.{source}", "risk_alert", alert.id, subject=client)
    except DbIntegrityError:
        return RiskAlert.objects.get(client=client, source=source, record_id=record_id)
    return alert


def _upgrade(alert: RiskAlert, level: str, *, model_alone: bool = False) -> RiskAlert:
    """Raise the alert's level when a later reading rates higher (or replaces ``unscreened``), and clear
    ``model_alone`` when a later reading finds explicit words (never set it again, except by the first reading of
    an ``unscreened`` text: nothing was read before it); through :func:`_change`, on the row as it is now. Audited
    when anything changed."""
    return _change(alert.pk, level=level, model_alone=model_alone) or alert


def _lock(alert_id: uuid.UUID, client: User | None = None) -> RiskAlert | None:
    """The alert's row, locked until the transaction ends (``SELECT … FOR UPDATE``; SQLite's write transaction
    holds the file), read afresh: every change committed before the lock is in it. See "Lock order" above."""
    audit.hold()  # the lock order: the audit chain's head before any alert
    rows = RiskAlert.objects.select_for_update(of=("self",)).select_related("client")
    if client is not None:
        rows = rows.filter(client=client)
    return rows.filter(pk=alert_id).first()


def _change(
    alert_id: uuid.UUID,
    *,
    client: User | None = None,
    level: str | None = None,
    model_alone: bool = False,
    answer: str | None = None,
    answered_at: datetime | None = None,
    by: User | None = None,
) -> RiskAlert | None:
    """The one way a risk signal or a check-in answer changes an alert (acknowledging adds a row beside it, under
    the same lock): lock the row (:func:`_lock`), apply the change to the row as it is *now* — a later reading
    (``level``) only ever raises the level, a client's ``answer`` sets the answer — recompute the urgency from the
    locked level and answer (so an "I need help now" committed meanwhile keeps its 5, and a reading never lowers
    the urgency), re-open the alert when its level or urgency went up (:func:`_reopen`, against the
    acknowledgements committed before the lock), save. None when there is no such alert (of ``client``)."""
    alert = _lock(alert_id, client)
    if alert is None:
        return None
    fields: list[str] = []
    urgency_before = alert.urgency
    upgraded = False
    if level is not None:
        higher = RANK.get(level, 0) > RANK.get(alert.level, 0)
        replaces_unscreened = alert.level == UNSCREENED and level in RISKY_LEVELS
        confirmed = alert.model_alone and not model_alone and level in RISKY_LEVELS
        if higher or replaces_unscreened:
            alert.level = level
            fields.append("level")
            upgraded = True
        if replaces_unscreened:  # the first reading of a text the save could not screen decides, either way
            alert.model_alone = model_alone
            fields.append("model_alone")
        elif confirmed:
            alert.model_alone = False
            fields.append("model_alone")
        if not fields:
            return alert
        urgency = urgency_for(alert.level, alert.answer)
        alert.urgency = max(urgency, urgency_before) if alert.answer != "misunderstood" else urgency
    if answer is not None:
        alert.answer, alert.answered_at = answer, answered_at or timezone.now()
        alert.urgency = urgency_for(alert.level, answer)
        fields += ["answer", "answered_at"]
    if alert.urgency != urgency_before:
        fields.append("urgency")
    if upgraded:
        fields += _reopen(alert, "upgrade")
    elif answer is not None and alert.urgency > urgency_before:
        # "I need help now" after an acknowledgement: back on the therapist's list
        fields += _reopen(alert, "need_help" if answer == "need_help" else "answer")
    alert.save(update_fields=list(dict.fromkeys(fields)))
    if level is not None:
        # a check-in still waiting asks what the alert now says; one already answered keeps the question it asked
        CheckIn.objects.filter(alert=alert, answered_at__isnull=True).update(
            question_kind=question_kind(alert),
            shown_at=None,  # a new reading is shown in full again
        )
        audit.record(None, "risk.alert.upgrade", "risk_alert", alert.id, subject=alert.client)
    if answer is not None:
        audit.record(by, f"risk.alert.answer.{answer}", "risk_alert", alert.id, subject=alert.client)
    return alert


def _reopen(alert: RiskAlert, because: str) -> list[str]:
    """The alert asks for attention again (its level or urgency went up): every acknowledgement made before now no
    longer closes it, and, if there was one, the therapist is told why it came back. Returns the fields changed;
    the caller saves them. Audited when it re-opens an acknowledged alert (the acknowledgements are kept)."""
    alert.raised_at = timezone.now()
    if not AlertAcknowledgement.objects.filter(alert=alert).exists():
        return ["raised_at"]
    alert.reopened_because = because
    audit.record(None, f"risk.alert.reopen.{because}", "risk_alert", alert.id, subject=alert.client)
    return ["raised_at", "reopened_because"]


def signal(
    client: User,
    source: str,
    level: str,
    record_id: str,
    *,
    written_at: datetime,
    raised_by: User | None = None,
    check_in: bool = True,
    model_alone: bool = False,
) -> RiskAlert:
    """The one way a risk signal enters the flow: raise (or upgrade) the alert and leave the client's check-in.
    ``model_alone``: this reading rests on the sentence model alone (:func:`reverie.analysis.risk.model_alone`).
    ``written_at`` after now (an imported file's date, a wrong clock) is not trusted: now is used."""
    written_at = min(written_at, timezone.now())
    with transaction.atomic():
        alert = raise_alert(
            client,
            source,
            level,
            record_id,
            written_at=written_at,
            raised_by=raised_by,
            model_alone=model_alone,
        )
        alert = _upgrade(alert, level, model_alone=model_alone)
        if check_in:
            request_check_in(client, alert)
    return alert


def _links(therapist: User) -> dict[int, datetime]:
    """When each of this therapist's active links began, by client id."""
    return dict(Pair.objects.open().filter(therapist=therapist).values_list("client_id", "started_at"))


def _alerts_for(therapist: User, links: dict[int, datetime] | None = None) -> QuerySet[RiskAlert]:
    """The alerts this therapist may see: clients in an active pair, sources written since that pair began, or an
    "I need help now" answered since then (the policy rule ``care.policy._reads_alert`` asks the same of one).
    ``links``: :func:`_links` of this therapist, when the caller has just read them (read here otherwise)."""
    pairs = _links(therapist) if links is None else links
    if not pairs:
        return RiskAlert.objects.none()
    linked = Q()
    for client_id, started_at in pairs.items():
        linked |= Q(client_id=client_id, since__gte=started_at)
        linked |= Q(client_id=client_id, answer="need_help", answered_at__gte=started_at)
    return RiskAlert.objects.annotate(since=Coalesce("written_at", "created_at")).filter(linked)


def received(therapist: User, client_id: int) -> QuerySet[RiskAlert]:
    """The alerts about one client this therapist may see (:func:`_alerts_for`), never one their own note raised:
    what the session-prep page's overview counts (``prep.risk_overview``), acknowledged or not."""
    return _alerts_for(therapist).filter(client_id=client_id).exclude(raised_by=therapist)


def open_alerts(therapist: User, *, marked: bool = True) -> list[RiskAlert]:
    """Alerts this therapist may see and has not acknowledged since they were last raised or re-opened, most
    urgent first, the more serious level first within one urgency (:data:`LIST_RANK`), then the newest; never one
    their own note raised. Another therapist's acknowledgement closes nothing here. An
    alert shown only because the client asked for help while linked is marked ``before_link``."""
    if not (therapist.is_active and therapist.is_therapist):
        return []
    mine = AlertAcknowledgement.objects.filter(alert=OuterRef("pk"), therapist=therapist)
    links = _links(therapist)  # read once: the query below and each line's "before the link" (issue 16)
    rows: list[RiskAlert] = list(
        _alerts_for(therapist, links)
        .annotate(
            acked_before=Exists(mine),
            last_ack=Subquery(mine.order_by("-acknowledged_at").values("acknowledged_at")[:1]),
        )
        .exclude(raised_by=therapist)
        # acknowledged after both moments that can re-open it: closed whichever applies below (kept out in SQL, so
        # a long history of acknowledged alerts is not loaded)
        .exclude(
            Exists(
                mine.filter(
                    acknowledged_at__gte=Greatest(
                        Coalesce(OuterRef("raised_at"), OuterRef("created_at")),
                        Coalesce(OuterRef("answered_at"), OuterRef("created_at")),
                    )
                )
            )
        )
        .select_related("client")
        .order_by("-urgency", "-created_at")
    )
    shown = []
    for row in rows:
        row.before_link = _before_link(row, links.get(row.client_id))
        if row.before_link:
            # shown only for the answer "I need help now" given while linked: that answer is what this therapist
            # acknowledges, and a later reading of the earlier words (hidden from them) never re-opens it
            since = row.answered_at or row.created_at
            row.reopened_because = "answer" if getattr(row, "acked_before", False) else ""
        else:
            since = row.raised_at or row.created_at
        last: datetime | None = getattr(row, "last_ack", None)  # this therapist's latest acknowledgement
        if last is None or last < since:
            shown.append(row)
    # within one urgency the more serious level first, then the newest (review r133: a PHQ-9's "more than half the
    # days" sorted above the same client's "a plan or preparation" for being later); a line that shows no level
    # (before the link) sorts as none, so its place says nothing of it
    shown.sort(key=lambda row: (-int(row.urgency), -(0 if row.before_link else LIST_RANK.get(row.level, 0))))
    if marked:  # unmarked: for a count or a caseload, which show no line (one query fewer)
        mark_shared_entries(therapist, shown)
    return shown


_ON_PAGE = "_reverie_open_alerts"
_MARKED = "_reverie_open_alerts_marked"


def open_alerts_on_page(therapist: User | Any, *, marked: bool = True) -> list[RiskAlert]:
    """:func:`open_alerts`, read once per page: the home page's caseload, the menu's count and the home page's list
    share one reading (issue 16: it was read twice there), kept on the request's user object, which lives for one
    request (never across requests or people). ``marked`` False: for the menu's count or the caseload, which show
    no line, so each line's shared entry (:func:`mark_shared_entries`) is looked up only once a list needs it."""
    found: list[RiskAlert] | None = getattr(therapist, _ON_PAGE, None)
    if found is None:
        found = open_alerts(therapist, marked=False)
        setattr(therapist, _ON_PAGE, found)
    if marked and not getattr(therapist, _MARKED, False):
        mark_shared_entries(therapist, found)
        setattr(therapist, _MARKED, True)
    return found


def _entry_of(alert: RiskAlert) -> uuid.UUID | None:
    """The journal entry a ``journal`` alert names (its record id ``<entry>#r<revision>``), else None."""
    if alert.source != "journal":
        return None
    try:
        return uuid.UUID(alert.record_id.partition("#r")[0])
    except ValueError:
        return None


def mark_shared_entries(therapist: User, rows: list[RiskAlert]) -> None:
    """Set ``shared_entry`` on each journal alert whose entry ``therapist`` may read now (the client shared it with
    them while linked: :func:`reverie.clinic.services.policy.visible_entries`, the list form of the one policy's
    rule), so its line links "Read the entry (shared with you)" (review r133); never for an entry not shared, nor for
    a line about words written before the link (which names no source). One query for the whole list."""
    from reverie.clinic.services.policy import visible_entries

    wanted = {
        row.pk: entry
        for row in rows
        if not getattr(row, "before_link", False) and (entry := _entry_of(row)) is not None
    }
    readable = (
        set(visible_entries(therapist).filter(pk__in=set(wanted.values())).values_list("pk", flat=True))
        if wanted
        else set()
    )
    for row in rows:
        entry = wanted.get(row.pk)
        row.shared_entry = entry if entry in readable else None


def read_alerts(therapist: User) -> list[RiskAlert]:
    """The therapist's alert list (``/alerts/``), as :func:`open_alerts`, its reading audited (:func:`record_read`)."""
    rows = open_alerts(therapist)
    record_read(therapist, rows)
    return rows


def record_read(therapist: User, rows: list[RiskAlert]) -> None:
    """Audit a therapist reading these alert lines (which client, how serious, when, their answer): one
    ``risk.alert.read`` event per client shown, on every page that lists them (``/alerts/``, the home page, the
    courses page), all in one append to the chain (:func:`audit.record_many`); a count alone (the menu's) is not a
    reading."""
    clients = {row.client_id: row.client for row in reversed(rows)}  # each client's first row, in list order
    shown = [clients[client_id] for client_id in dict.fromkeys(row.client_id for row in rows)]
    audit.record_many(
        therapist, "risk.alert.read", "risk_alert_list", [(client.pk, client) for client in shown]
    )


def _before_link(alert: RiskAlert, link_started: datetime | None) -> bool:
    """Whether the alert's source was written before the therapist's link began (``RiskAlert.before_link``)."""
    return link_started is not None and (alert.written_at or alert.created_at) < link_started


@dataclass(frozen=True)
class LineShown:
    """What one alert line shows a therapist (``care/_alert_line.html`` renders it; :func:`shown_state` digests it):
    for a line about words written before the link (``before_link``), neither where the signal came from, nor its
    level, nor when it was written (review r23): those fields are empty, whatever they hold now."""

    before_link: bool
    source: str
    record_id: str
    level: str
    model_alone: bool
    written_at: datetime | None
    urgency: int
    answer: str
    answered_at: datetime | None
    item_answer: int | None = None  # a phq9_item9 alert's exact answer, its line's "how often" (h168)


def line_shown(alert: RiskAlert) -> LineShown:
    """The one decision of what an alert line shows (the page's line and the Acknowledge form's token alike)."""
    hidden = bool(getattr(alert, "before_link", False))
    return LineShown(
        before_link=hidden,
        source="" if hidden else str(alert.source),
        record_id="" if hidden else str(alert.record_id),
        level="" if hidden else str(alert.level),
        model_alone=bool(alert.model_alone) and not hidden,
        written_at=None if hidden else (alert.written_at or alert.created_at),
        urgency=int(alert.urgency),
        answer=alert.answer or "",
        answered_at=alert.answered_at,
        item_answer=None if hidden else alert.item_answer,
    )


def shown_state(alert: RiskAlert) -> str:
    """What an alert line shows (:func:`line_shown`, nothing else), as a token the Acknowledge form carries
    (``shown``): where the signal came from, its level and when it was written (unless the line is about words
    written before the link, which shows none of them), its urgency, the client's answer and when they gave it. The
    client answering "I need help now", or the alert rated more serious, after the page was loaded changes it; a
    change the line does not show (a later reading of words written before the link: r59) never does. Opaque (a
    keyed digest). Holds no text."""

    def stamp(moment: datetime | None) -> str:
        return "-" if moment is None else str(int(moment.timestamp() * 1_000_000))

    line = line_shown(alert)
    state = ".".join(
        (
            str(alert.pk),
            "before-link" if line.before_link else "linked",
            line.source or "-",
            line.record_id or "-",
            line.level or "-",
            "model-alone" if line.model_alone else "-",
            stamp(line.written_at),
            str(line.urgency),
            line.answer or "-",
            stamp(line.answered_at),
            # only where kept (h168): a token of an alert without it is the one it was before
            *((f"item-{line.item_answer}",) if line.item_answer else ()),
        )
    )
    return salted_hmac("reverie.alert.shown", state, algorithm="sha256").hexdigest()[:32]


def stale_message(alert: RiskAlert) -> str:
    """The refusal of an acknowledgement made from a page that showed an older state of the alert: what it says
    now (the answer and urgency, never what was written), and that nothing was acknowledged."""
    answer = (
        f"the client answered \u201c{alert.answer_label}\u201d"
        if alert.answer
        else "no answer from the client yet"
    )
    return (
        f"This alert changed since your page showed it: {answer}, urgency: {alert.urgency_label}. Nothing was "
        "acknowledged: read it again below, then acknowledge it."
    )


def acknowledge(therapist: User, alert_id: object, note: str = "", *, shown: str | None = None) -> RiskAlert:
    """A linked therapist acknowledges an alert for themselves (other linked therapists still see it), kept as an
    ``AlertAcknowledgement`` with the alert's level and urgency then; an optional note is sealed with the client's
    key. ``acknowledged_at``/``acknowledged_by`` on the alert name the latest. Audited.

    ``shown`` is :func:`shown_state` of the alert as the acknowledging page showed it (the form sends it): an alert
    changed since (the client answered "I need help now" after the page was loaded) → :class:`Conflict` with
    :func:`stale_message`, nothing acknowledged, the refusal audited (``risk.acknowledge.stale``), so
    an alert is never closed over an answer the therapist has not seen. Without it the alert as it is now is
    acknowledged, as before."""
    alert = records.fetch(
        therapist, RiskAlert.objects.select_related("client"), alert_id, Action.WRITE, "alert"
    )
    text = records.clean_text(note, "note", limit=2000, required=False, field="note")
    stale = ""
    with transaction.atomic():
        locked = _lock(alert.pk)  # the lock order (module docstring): the audit head, then the alert
        if locked is None:
            raise NotFound("No such alert.")
        # the line as this therapist's page shows it (``open_alerts``): a line about words written before the link
        # hides their level and date, so their token does too
        locked.before_link = _before_link(locked, _links(therapist).get(locked.client_id))
        if shown is not None and shown.strip() != shown_state(locked):
            # refused: the refusal is audited and committed (raising here would roll its event back)
            audit.record(
                therapist,
                "risk.acknowledge.stale",
                "risk_alert",
                locked.id,
                subject=alert.client,
                outcome="refused",
            )
            stale = stale_message(locked)
        else:
            _store_acknowledgement(therapist, alert, locked, text)
    if stale:
        raise Conflict(stale)
    return locked


def acknowledged(alert: RiskAlert) -> bool:
    """Whether a therapist has acknowledged the alert since it was last raised or re-opened (the moment
    ``open_alerts`` closes it from): a new report of the same risk after that is news to them."""
    return AlertAcknowledgement.objects.filter(
        alert=alert, acknowledged_at__gte=alert.raised_at or alert.created_at
    ).exists()


def _store_acknowledgement(therapist: User, alert: RiskAlert, locked: RiskAlert, text: str) -> None:
    """The acknowledgement on the locked alert (inside :func:`acknowledge`'s transaction)."""
    now = timezone.now()
    if AlertAcknowledgement.objects.filter(
        alert=locked, therapist=therapist, acknowledged_at__gte=locked.raised_at or locked.created_at
    ).exists():
        raise Conflict("This alert was already acknowledged.")
    row = AlertAcknowledgement(
        id=uuid.uuid4(),
        alert=locked,
        client=alert.client,
        therapist=therapist,
        acknowledged_at=now,
        level=locked.level,
        urgency=locked.urgency,
    )
    if text:
        row.note = records.seal_json(alert.client, row.id, NOTE_PURPOSE, {"text": text})
    row.save(force_insert=True)
    locked.acknowledged_at, locked.acknowledged_by = now, therapist
    locked.save(update_fields=["acknowledged_at", "acknowledged_by"])
    audit.record(therapist, "risk.acknowledge", "risk_alert", locked.id, subject=alert.client)


# What the alerts page says after an acknowledgement (review r133: the alert left the list with no word of it).
ACKNOWLEDGED_WITH_NOTE = "Acknowledged; your note is kept."
ACKNOWLEDGED = "Acknowledged."


@dataclass(frozen=True)
class AcknowledgementShown:
    """One acknowledgement of an alert, as the therapist who made it reads it back: when, how it came to be (their
    own, or carried over by the upgrade to per-therapist acknowledgements: ``origin_label``), the urgency then, and
    their note, opened for them alone ("" when there is none; ``note_unreadable`` when its seal does not open)."""

    acknowledged_at: datetime
    by: str
    urgency_label: str
    note: str
    note_unreadable: bool = False


@dataclass(frozen=True)
class AcknowledgedAlert:
    """An alert of one client this therapist may see and has acknowledged, with their acknowledgements (oldest
    first); the alert's line shows what the alerts page shows (``line_shown``: nothing of words written before the
    link)."""

    alert: RiskAlert
    acknowledgements: list[AcknowledgementShown]


def acknowledged_clients(therapist: User) -> list[User]:
    """The linked clients of whose alerts this therapist has acknowledged one they may still see: the alerts page
    links each one's history (:func:`acknowledged_history`)."""
    if not (therapist.is_active and therapist.is_therapist):
        return []
    mine = AlertAcknowledgement.objects.filter(therapist=therapist).values("alert_id")
    seen = _alerts_for(therapist).filter(pk__in=mine).exclude(raised_by=therapist).values("client_id")
    return list(User.objects.filter(pk__in=seen).order_by("username"))


def acknowledged_history(therapist: User, client_id: int) -> tuple[User, list[AcknowledgedAlert]]:
    """The history of one linked client's alerts that this therapist acknowledged (review r133): each alert as the
    alerts page shows it, newest acknowledged first, with this therapist's acknowledgements and their notes, opened
    for them alone (another therapist's acknowledgement or note is never shown). A client not linked with them
    answers as a missing one (:class:`NotFound`, the refusal audited); the reading is audited once, content-free
    (``risk.acknowledge.read``), as the alert lists are."""
    from reverie.care.policy import linked_clients

    client = (
        linked_clients(therapist).filter(pk=client_id, is_active=True).first()
        if therapist.is_therapist
        else None
    )
    if client is None:
        audit.refused(therapist, str(Action.READ), "risk_alert_history", client_id)
        raise NotFound("No such client.")
    link_started = _links(therapist).get(client.pk)
    rows = (
        received(therapist, client.pk)
        .filter(acknowledgements__therapist=therapist)
        .distinct()
        .select_related("client")
    )
    acks: dict[uuid.UUID, list[AlertAcknowledgement]] = {}
    for ack in (
        AlertAcknowledgement.objects.filter(therapist=therapist, alert__in=rows)
        .select_related("closed_by")
        .order_by("acknowledged_at")
    ):
        acks.setdefault(ack.alert_id, []).append(ack)
    out = []
    listed = list(rows)
    for row in listed:
        row.before_link = _before_link(row, link_started)
    mark_shared_entries(therapist, listed)
    for row in listed:
        out.append(AcknowledgedAlert(row, [_ack_shown(client, ack) for ack in acks.get(row.pk, [])]))
    out.sort(
        key=lambda a: a.acknowledgements[-1].acknowledged_at if a.acknowledgements else a.alert.created_at
    )
    out.reverse()
    audit.record(therapist, "risk.acknowledge.read", "risk_alert_history", client.pk, subject=client)
    return client, out


def _ack_shown(client: User, ack: AlertAcknowledgement) -> AcknowledgementShown:
    from reverie.care.models.safety import URGENCY_LABELS

    note, unreadable = "", False
    if ack.note:
        try:
            note = str(records.open_json(client, ack.id, NOTE_PURPOSE, ack.note).get("text", ""))
        except ReverieIntegrityError:  # a damaged seal: said, never guessed
            unreadable = True
    by = "acknowledged by you" if ack.origin == "" else ack.origin_label
    return AcknowledgementShown(
        acknowledged_at=ack.acknowledged_at,
        by=by,
        urgency_label=URGENCY_LABELS.get(int(ack.urgency), "routine"),
        note=note,
        note_unreadable=unreadable,
    )


# --- check-ins ---------------------------------------------------------------------------------------------------


def question_kind(alert: RiskAlert | None) -> str:
    """Which question (``safety.QUESTIONS``) a check-in left by this alert asks: saying nothing of what was written
    when the screen could not read it, gentler when the alert rests on the sentence model alone, else direct."""
    if alert is not None and alert.level == UNSCREENED:
        return UNREAD
    return UNSURE if alert is not None and alert.model_alone else EXPLICIT


def request_check_in(client: User, alert: RiskAlert | None) -> CheckIn:
    """Leave a check-in at the top of the client's pages (one per alert), storing the question it asks."""
    if alert is not None:
        existing = CheckIn.objects.filter(client=client, alert=alert).first()
        if existing is not None:
            return existing
    check_in = CheckIn.objects.create(
        id=uuid.uuid4(),
        client=client,
        alert=alert,
        created_at=timezone.now(),
        question_kind=question_kind(alert),
    )
    audit.record(None, "check_in.request", "check_in", check_in.id, subject=client)
    return check_in


def unseen_check_ins(user: User | Any) -> bool:
    """Whether one of the client's unanswered check-ins has never been shown to them in full (question and crisis
    lines): raised out of their sight, by the background analysis or a command that failed before its display."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return False
    return CheckIn.objects.filter(client=user, answered_at__isnull=True, shown_at__isnull=True).exists()


@dataclass(frozen=True)
class ShownCheckIn:
    """A check-in as it is being shown to its client: ``full`` when this showing is the full one (question with the
    crisis lines), else a smaller reminder of one they were already shown in full."""

    check_in: CheckIn
    full: bool


def show_check_in(
    user: User | Any,
    check_in: CheckIn | None = None,
    *,
    full: bool = False,
    when_shown: Callable[[Callable[[], None]], None] | None = None,
) -> ShownCheckIn | None:
    """The one way a check-in is shown to its client (the web's banner and check-in page, the API, the command line):
    ``check_in`` (one a save just raised) or else the pending one, or None when none waits. It is shown in full when
    ``full`` (the check-in page, the API, the check-in command: each always carries the crisis lines) or when one of
    the client's unanswered check-ins was never shown in full (raised out of their sight, or read again since); the
    full showing records ``CheckIn.shown_at`` on every unanswered one (audited ``check_in.show``), so the next path,
    whichever it is, only recalls it. ``when_shown`` (the web's ``shown.record_when_shown`` for this request) takes
    that record to make once the answer carrying it is known good; without it, the record is made at once."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return None
    row = check_in if check_in is not None else pending_check_in(user)
    if row is None or row.client_id != user.pk or row.answered_at is not None:
        return None
    unseen = list(
        CheckIn.objects.filter(client=user, answered_at__isnull=True, shown_at__isnull=True).values_list(
            "id", flat=True
        )
    )
    if not (full or unseen):
        return ShownCheckIn(row, full=False)
    if unseen:

        def record() -> None:
            marked = list(
                CheckIn.objects.filter(id__in=unseen, shown_at__isnull=True).values_list("id", flat=True)
            )  # those another showing marked meanwhile are not audited twice
            CheckIn.objects.filter(id__in=marked).update(shown_at=timezone.now())
            for shown in marked:
                audit.record(user, "check_in.show", "check_in", shown, subject=user)

        if when_shown is None:
            record()
        else:
            when_shown(record)
    return ShownCheckIn(row, full=True)


def pending_check_in(user: User | Any) -> CheckIn | None:
    """The unanswered check-in of a client the banner, the page, the API and the CLI ask (and answer), or None: the
    newest that rests on explicit words or a questionnaire's answer, else the newest the screen could not read, else
    the newest. One that rests on the sentence model alone asks the gentler question, and "I'm safe for now" answers every pending one: shown first, it would
    answer an entry's explicit words without ever asking about them directly."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return None
    return CheckIn.objects.filter(client=user, answered_at__isnull=True).order_by(*_ASKED_FIRST).first()


# The order check-ins are asked in: explicit words or a questionnaire's answer, then one the screen could not read,
# then one that rests on the sentence model alone; the newest first within each.
_ASKED_FIRST = (
    Case(
        When(question_kind=UNREAD, then=Value(1)), When(question_kind=UNSURE, then=Value(2)), default=Value(0)
    ),
    "-created_at",
)


def check_in_words(user: User | Any, check_in: CheckIn | None) -> tuple[str, ...]:
    """What raised this check-in, shown back to the client alone (never to the therapist): the sentences of their own
    entry that its save-time screen flagged, or their answer to a questionnaire's risk question; () for an entry
    since trashed or erased, a screen with nothing to point at, or someone else's check-in."""
    alert = check_in.alert if check_in is not None else None
    if alert is None or not isinstance(user, User) or alert.client_id != user.pk:
        return ()
    if alert.source == "phq9_item9":
        from reverie.care.services import measures

        answer = measures.risk_item_answer(user, alert.record_id)
        return (answer,) if answer else ()
    if alert.source != "journal":
        return ()
    entry_id, _, tag = alert.record_id.partition("#r")
    try:
        revision = version_number(tag, least=1)  # revisions start at 1
    except InvalidInput:
        return ()
    from reverie.clinic.services import journal

    return journal.flagged_words(user, entry_id, revision)


def check_in_entry(user: User | Any, check_in: CheckIn | None) -> EntryView | None:
    """The client's own entry that raised this check-in, to name it as their journal does (its title, else its kind
    and the day it happened, in their zone), never the day it was saved (r128); None for a questionnaire's, an entry
    since trashed or erased, or someone else's check-in (as :func:`check_in_words`)."""
    alert = check_in.alert if check_in is not None else None
    if alert is None or not isinstance(user, User) or alert.client_id != user.pk or alert.source != "journal":
        return None
    from reverie.clinic.services import journal

    return journal.flagged_entry(user, alert.record_id.partition("#r")[0])


def check_in_raised_by_save(client: User, entry_id: uuid.UUID, revision: int) -> CheckIn | None:
    """The unanswered check-in that saving this revision of the client's entry raised, or None (what the API's
    save answers with, so a client learns of it in the save's own response)."""
    if not isinstance(client, User) or not client.is_client:
        return None
    return (
        CheckIn.objects.filter(
            client=client,
            answered_at__isnull=True,
            alert__client=client,
            alert__source="journal",
            alert__record_id=revision_record(entry_id, revision),
        )
        .order_by("-created_at")
        .first()
    )


def unanswered_check_ins(client: User | Any) -> frozenset[uuid.UUID]:
    """The ids of the client's unanswered check-ins now (before a save that may raise more:
    :func:`check_in_raised_since`)."""
    if not isinstance(client, User) or not client.is_client:
        return frozenset()
    return frozenset(
        CheckIn.objects.filter(client=client, answered_at__isnull=True).values_list("id", flat=True)
    )


def check_in_raised_since(client: User | Any, earlier: frozenset[uuid.UUID]) -> CheckIn | None:
    """The unanswered check-in that saves since ``earlier`` (:func:`unanswered_check_ins` taken before them) raised,
    or None: of several (an import of many entries), the one :func:`pending_check_in` would ask first. What the API's
    import answers with, as a save answers with the check-in it raised."""
    if not isinstance(client, User) or not client.is_client:
        return None
    return (
        CheckIn.objects.filter(client=client, answered_at__isnull=True)
        .exclude(id__in=earlier)
        .order_by(*_ASKED_FIRST)
        .first()
    )


def check_in_raised_by(client: User, alert: RiskAlert | None) -> CheckIn | None:
    """The unanswered check-in an alert of this client left (a PHQ-9 item 9 answer, say), or None."""
    if alert is None or not isinstance(client, User) or alert.client_id != client.pk:
        return None
    return CheckIn.objects.filter(client=client, alert=alert, answered_at__isnull=True).first()


def answer_check_in(client: User, check_in_id: object, answer: str, now: datetime | None = None) -> CheckIn:
    """Record the client's answer; it reaches every alert still waiting for one, with its urgency.

    "I'm safe for now" and "I need help now" answer how the client is now, so they also answer the client's other
    pending check-ins. "You misunderstood" is feedback on the reading: the alert's urgency drops to the lowest,
    the alert itself stays (and stays audited). Each step is audited, content-free: the check-in's answer
    (``check_in.<answer>``) and, a second event on another record, the alert's (``risk.alert.answer.<answer>``).
    The same answer to the same check-in again (a reload that re-posts the form) changes and records nothing.
    """
    if answer not in ANSWERS:
        raise InvalidInput("Choose one of the answers on the page.")
    check_in = records.fetch(client, CheckIn.objects.all(), check_in_id, Action.WRITE, "check-in")
    moment = now or timezone.now()
    with transaction.atomic():
        pending = CheckIn.objects.filter(client=client, answered_at__isnull=True).exclude(pk=check_in.pk)
        others = [] if answer == "misunderstood" else list(pending.values_list("pk", flat=True))
        # the lock order (module docstring): the audit head, every alert these check-ins reach, then the
        # check-ins, read afresh (one answered meanwhile by another request is no longer pending)
        alert_ids = (
            CheckIn.objects.filter(pk__in=[check_in.pk, *others], alert__isnull=False)
            .order_by("alert_id")
            .values_list("alert_id", flat=True)
        )
        audit.hold()
        for alert_id in dict.fromkeys(alert_ids):
            _lock(alert_id, client)
        locked = {
            row.pk: row
            for row in CheckIn.objects.select_for_update()
            .filter(pk__in=[check_in.pk, *others])
            .order_by("pk")
        }
        todo = [locked[check_in.pk]] if check_in.pk in locked else []
        todo += [locked[pk] for pk in others if pk in locked and locked[pk].answered_at is None]
        for row in todo:
            if row.answered_at is not None and row.answer == answer:
                continue  # the same answer again (a reload re-posting the form): recorded once, not twice
            row.answered_at = row.answered_at or moment
            row.answer = answer
            row.save(update_fields=["answered_at", "answer"])
            audit.record(client, f"check_in.{answer}", "check_in", row.id, subject=client)
            if row.alert_id is not None:
                _answer_alert(client, row.alert_id, answer, moment)
    check_in.refresh_from_db()
    return check_in


def _answer_alert(client: User, alert_id: uuid.UUID, answer: str, moment: datetime) -> None:
    """The client's answer reaches the alert (through :func:`_change`, on the locked row). Audited."""
    alert = _change(alert_id, client=client, answer=answer, answered_at=moment, by=client)
    if alert is not None and answer == "misunderstood":
        audit.record(client, "risk.feedback.misunderstood", "risk_alert", alert.id, subject=client)


def misunderstood_feedback(client: User) -> list[RiskAlert]:
    """The client's "You misunderstood" answers, kept as feedback on the screen (alerts are never deleted)."""
    return list(RiskAlert.objects.filter(client=client, answer="misunderstood").order_by("created_at"))


# --- the journal risk flow: a hook the analysis service calls after each stored analysis -------------------------


def journal_signal(stored: StoredAnalysis, result: Mapping[str, Any]) -> str | None:
    """The alert level an analysis calls for: its risk level, ``unscreened`` if the screen could not run."""
    if stored.risk_level in RISKY_LEVELS:
        return str(stored.risk_level)
    notes = [str(n) for n in result.get("notes", []) or []]
    if any(NOT_RUN_NOTE in n for n in notes):
        return UNSCREENED
    return None


def screen_at_save(
    client: User,
    source: str,
    record_id: str,
    text: str,
    *,
    author: User | None,
    written_at: datetime | None = None,
) -> RiskAlert | None:
    """Screen one text saved outside the journal (a session note, a note when cancelling a session, a goal's
    description) at the moment of saving, inside the save's transaction, like every entry: ideation or worse, or
    a screen that cannot run, raises a content-free alert through :func:`signal`. Words the client wrote
    (``author`` is the client) leave the check-in and are read as the client's own; a therapist's (read as a
    session note) never alert their author and leave the client no check-in for words they did not write.
    The screen is the journal's own (:func:`reverie.clinic.services.risk_screen.screen_text`): the sentence model
    reads at most ``risk.SAVE_SENTENCES`` sentences, the first and the last half, the word list the whole text; a
    screen that fails reads ``unscreened``. Logs name the error type only, never the text."""
    if not text.strip():
        return None
    from reverie.clinic.services.risk_screen import screen_text

    by_client = author is not None and author.pk == client.pk
    screened = screen_text(text, "reflection" if by_client else "session_note")
    level, model_alone = screened.level, screened.model_alone
    if level not in RISKY_LEVELS and level != UNSCREENED:
        return None
    owed = OwedAlert(
        client=client,
        source=source,
        level=level,
        record_id=record_id,
        written_at=written_at or timezone.now(),
        raised_by=None if by_client else author,
        check_in=by_client,
        model_alone=model_alone,
        created_at=timezone.now(),
    )
    try:
        with transaction.atomic():  # a failing alert leaves nothing half written and never undoes the save
            return _signal_owed(owed)
    except Exception as exc:
        log.error("risk alert at save failed, owed and retried: %s", type(exc).__name__)
    with transaction.atomic():
        kept = OwedAlert.objects.filter(client=client, source=source, record_id=record_id).first()
        if kept is None:
            owed.save(force_insert=True)
        elif _owed_rank(level) > _owed_rank(kept.level):  # a later save of the same record read higher
            OwedAlert.objects.filter(pk=kept.pk).update(level=level, model_alone=model_alone)
    return None


def _owed_rank(level: str) -> int:
    return RISKY_LEVELS.index(level) + 1 if level in RISKY_LEVELS else 0


def _signal_owed(owed: OwedAlert) -> RiskAlert:
    return signal(
        owed.client,
        owed.source,
        owed.level,
        owed.record_id,
        written_at=owed.written_at,
        raised_by=owed.raised_by,
        check_in=owed.check_in,
        model_alone=owed.model_alone,
    )


def settle_owed_saves(client: User | None = None) -> int:
    """Raise again every alert a save outside the journal still owes (:func:`screen_at_save`), each in its own
    transaction, the client's or everyone's; one that fails again stays owed (logged by ids and error type only).
    How many are still owed. Registered with :data:`reverie.clinic.services.risk_screen.settle_hooks`."""
    rows = OwedAlert.objects.select_related("client", "raised_by")
    for owed in list(rows if client is None else rows.filter(client=client)):
        try:
            with transaction.atomic():
                _signal_owed(owed)
                OwedAlert.objects.filter(pk=owed.pk).delete()
        except Exception as exc:
            log.error("owed risk alert %s still not raised: %s", owed.pk, type(exc).__name__)
    rest = OwedAlert.objects.all()
    return (rest if client is None else rest.filter(client=client)).count()


def revision_record(entry_id: uuid.UUID, revision: int) -> str:
    """An alert's record id for one revision of a journal entry: one alert per entry revision."""
    return f"{entry_id}#r{revision}"


def on_screen(screened: Any) -> None:
    """After-screen hook (inside the save's transaction): a flagged or unreadable screen raises the alert and
    leaves the check-in at once, whatever the worker is doing. A revision that keeps the words of an earlier one
    (``words_revision``) reaches that revision's alert: raised again only if it reads higher, never a second alert
    nor a second check-in for the same words."""
    level = str(screened.level)
    if level not in RISKY_LEVELS and level != UNSCREENED:
        return
    kept = getattr(screened, "words_revision", None)
    if kept is not None and level == UNSCREENED:
        return  # the same words failed to screen this time; the earlier reading of them stands
    words = getattr(screened, "words_entry", None) or screened.entry_id
    signal(
        screened.client,
        "journal",
        level,
        revision_record(words, kept or screened.revision),
        written_at=_words_written_at(words, kept, screened.written_at),
        model_alone=screened.model_alone,
    )


def on_analysis(entry: Entry, stored: StoredAnalysis, result: dict[str, Any]) -> None:
    """After-analysis hook: the full analysis of a revision may raise the alert the save's screen did not, or
    upgrade it; it never adds a second alert for the same revision."""
    level = journal_signal(stored, result)
    if level is None:
        return
    if level == UNSCREENED and (
        EntryScreen.objects.filter(entry=entry, revision=stored.revision).exclude(level=UNSCREENED).exists()
    ):
        return  # the save's screen read this revision; a later failure adds nothing
    words_entry, kept = (
        EntryScreen.objects.filter(entry=entry, revision=stored.revision)
        .values_list("words_entry", "words_revision")
        .first()
    ) or (None, None)
    words = words_entry or entry.id
    if kept is not None and level == UNSCREENED:
        return  # the same words as an earlier revision: a failure to read them again adds nothing
    written_at = entry.written_at if stored.revision <= 1 else entry.updated_at
    written_at = _words_written_at(words, kept, written_at)
    signal(
        entry.client,
        "journal",
        level,
        revision_record(words, kept or stored.revision),
        written_at=written_at,
        model_alone=result_model_alone(result),
    )


def _words_written_at(entry_id: uuid.UUID, kept: int | None, default: datetime) -> datetime:
    """When the words of a revision were written: for one that keeps an earlier revision's words (of this entry or,
    "save again", of ``entry_id``), when that revision was saved (its screen's time; the entry's first writing for
    revision 1), else ``default``."""
    if kept is None:
        return default
    if kept <= 1:
        first = Entry.objects.filter(pk=entry_id).values_list("written_at", flat=True).first()
        return min(first, default) if first is not None else default
    at = (
        EntryScreen.objects.filter(entry_id=entry_id, revision=kept)
        .values_list("screened_at", flat=True)
        .first()
    )
    return at if at is not None else default


def result_model_alone(result: Mapping[str, Any]) -> bool:
    """Whether an analysis's risk reading rests on the sentence model alone (every risk finding does)."""
    from reverie.analysis.risk import data_model_alone

    data = [f.get("data") or {} for f in result.get("findings", []) or [] if f.get("kind") == "risk"]
    return bool(data) and all(data_model_alone(d) for d in data)


def install() -> None:
    from reverie.clinic.services import analysis, risk_screen

    if on_analysis not in analysis.after_analysis_hooks:
        analysis.after_analysis_hooks.append(on_analysis)
    if on_screen not in risk_screen.after_screen_hooks:
        risk_screen.after_screen_hooks.append(on_screen)
    if settle_owed_saves not in risk_screen.settle_hooks:
        risk_screen.settle_hooks.append(settle_owed_saves)
