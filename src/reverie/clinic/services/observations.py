"""The entry page's "What Reverie noticed": observations for one entry, and the person's "does this fit?" answers.

Answers are sealed with the client's data key (purpose ``observation.fit``, schema ``reverie.fit/1``: the
observation key, the entry revision and when). The plain columns are the analyzer and the answer, for counting.
An answer changes what the page shows the person (a "doesn't fit" observation is folded away) and feeds their
own agreement figure and the operator's install-wide, content-free precision; it never touches the risk screen.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from reverie.analysis.summary import Line
from reverie.clinic.models import (
    Entry,
    FitAnswer,
    NoticedOnEntries,
    ObservationFeedback,
    StoredAnalysis,
    User,
)
from reverie.clinic.services import audit, keys
from reverie.clinic.services.journal import _entry_for, _open_payload
from reverie.clinic.services.policy import Action, require, visible_entries
from reverie.errors import IntegrityError, InvalidInput, ReverieError
from reverie.insights.details import details as therapist_details
from reverie.insights.observations import (
    ANALYZERS,
    SUPPORT,
    Observation,
    Reading,
    Risk,
    for_reader,
    read_entry,
    risk_of,
    stronger,
)

PURPOSE = "observation.fit"
SCHEMA = "reverie.fit/1"
REF = re.compile(r"^[0-9a-f]{16}$")
MIN_ANSWERS = 5  # the operator's precision hides an analyzer's figures below this many answers

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Shown:
    observation: Observation
    answer: str  # "" when not answered


@dataclass(frozen=True, slots=True)
class Agreement:
    analyzer: str
    noun: str
    fits: int
    answered: int
    does_not_fit: int = 0

    @property
    def text(self) -> str:
        return f"{self.fits} of {self.answered} {self.noun} observation{'s' if self.answered != 1 else ''}"


def _readings(n: int) -> str:
    return f"{n} reading{'s' if n != 1 else ''}"


def fit_words(agreements: Sequence[Agreement], *, own: bool, patterns: bool = True) -> str:
    """The one line on the person's answers (the patterns page; the entry page with ``patterns`` False), as counts
    of what they did, never a score (r134: "you marked 0 of 1 dream observation as fitting" read as a mark): what
    they put away (left out of the patterns, the report and the dream series: :func:`put_away_keys`) and what they
    said fits. "" when neither."""
    away = sum(a.does_not_fit for a in agreements)
    fits = sum(a.fits for a in agreements)
    done = []
    if away:
        done.append(f"put away {_readings(away)} that did not fit")
    if fits:
        done.append(f"said {_readings(fits)} fit{'s' if fits == 1 else ''}")
    if not done:
        return ""
    where, who = ("Across all your entries", "you") if own else ("On shared entries", "the client")
    line = f"{where}, {who} {' and '.join(done)}."
    if away:
        line += (
            " What did not fit is left out of these patterns."
            if patterns
            else " What did not fit is left out of the patterns too."
        )
    return line


@dataclass(frozen=True, slots=True)
class Noticed:
    """What the entry page shows: observations (answered or not), those folded away, the risk, the details."""

    shown: tuple[Shown, ...]
    folded: tuple[Shown, ...]
    left_out: int
    risk: Risk | None
    agreement: tuple[Agreement, ...]
    details: tuple[tuple[str, list[Line]], ...] = field(default=())
    revision: int = 0  # the entry revision read (the panel shows only an analysis of the words it holds now)
    unopened: int = (
        0  # "does this fit?" answers that could not be opened (altered, or a newer version's): skipped
    )


def _record_id(row_id: uuid.UUID) -> str:
    return f"fit:{row_id}"


def _open(row: ObservationFeedback, client: User) -> dict[str, Any]:
    raw = keys.open_for(client, _record_id(row.id), PURPOSE, row.payload)
    data: dict[str, Any] = json.loads(raw)
    if data.get("schema") != SCHEMA:
        raise InvalidInput("An answer was stored in a format this version cannot read.")
    return data


def _answers(entry: Entry) -> tuple[dict[str, tuple[ObservationFeedback, str]], int]:
    """The entry's answers by observation key, and how many could not be opened (skipped: an altered record or a
    newer version's never hides the page; logged by the error's type alone)."""
    out = {}
    unopened = 0
    for row in ObservationFeedback.objects.filter(entry=entry, client_id=entry.client_id):
        try:
            out[str(_open(row, entry.client)["key"])] = (row, row.answer)
        except (ReverieError, ValueError, KeyError, TypeError) as exc:
            unopened += 1
            log.warning("observation answer %s could not be opened: %s", row.id, type(exc).__name__)
    return out, unopened


def put_away_keys(entry: Entry) -> frozenset[str]:
    """The keys of the entry's observations its client marked "doesn't fit": folded away on the entry page
    (:func:`noticed`) and, through :func:`reverie.clinic.services.analysis.stored_findings`, left out of every
    summary built from the entry (:func:`reverie.insights.observations.put_away`). An answer that cannot be opened
    is skipped, as on the page."""
    rows = ObservationFeedback.objects.filter(
        entry=entry, client_id=entry.client_id, answer=FitAnswer.DOES_NOT_FIT
    )
    if not rows.exists():
        return frozenset()
    answers, _ = _answers(entry)
    return frozenset(key for key, (_, given) in answers.items() if given == FitAnswer.DOES_NOT_FIT)


def put_away_versions(client: User) -> dict[uuid.UUID, tuple[str, ...]]:
    """Per entry of the client's, the "doesn't fit" answers on it (row ids): what a cached summary item is built
    from besides the analysis (:mod:`reverie.clinic.services.insights`), so a new answer rebuilds it."""
    out: dict[uuid.UUID, list[str]] = {}
    for entry_id, row_id in ObservationFeedback.objects.filter(
        client=client, answer=FitAnswer.DOES_NOT_FIT
    ).values_list("entry_id", "id"):
        out.setdefault(entry_id, []).append(str(row_id))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _reading(entry: Entry) -> tuple[Reading, str, dict[str, Any]] | None:
    from reverie.clinic.services.analysis import current_analysis

    return _reading_of(entry, current_analysis(entry))


def _reading_of(entry: Entry, stored: StoredAnalysis | None) -> tuple[Reading, str, dict[str, Any]] | None:
    """:func:`_reading` of the entry's current analysis ``stored`` (``analysis.current_analysis``) already read."""
    from reverie.clinic.services.analysis import analysis_text, open_result

    if stored is None:
        return None
    payload = _open_payload(entry, entry.client)
    text = analysis_text(payload)
    result = open_result(entry, stored)
    return read_entry(text, result, rated=rated_feelings(payload)), text, result


def rated_feelings(payload: Mapping[str, Any]) -> tuple[tuple[str, int], ...]:
    """The feelings the person gave the entry, (name, intensity), as its opened payload holds them."""
    out = []
    for pair in payload.get("feelings") or ():
        if isinstance(pair, list | tuple) and len(pair) == 2 and isinstance(pair[1], int):
            out.append((str(pair[0]), pair[1]))
    return tuple(out)


def noticed(actor: User, entry_id: uuid.UUID | str) -> Noticed | None:
    """The panel for an entry the actor may read; None while it is not analysed (or the analysis is stale).

    The client sees plain observations and their own answers; the linked therapist of a shared entry sees the
    same observations (without the ones the client folded away), the client's agreement over shared entries and,
    beside them, the raw codes (``details``).
    """
    from reverie.clinic.services.analysis import current_analysis

    entry = _entry_for(actor, entry_id, Action.READ)
    return _noticed(actor, entry, current_analysis(entry))


def _noticed(actor: User, entry: Entry, stored: StoredAnalysis | None) -> Noticed | None:
    """:func:`noticed` of an entry ``actor`` was allowed to read (``_entry_for``), its current analysis ``stored``
    already read: the entry page reads both once for the risk note and the panel (issue 16)."""
    found = _reading_of(entry, stored)
    if found is None:
        return None
    reading, text, result = found
    require(actor, Action.READ, ObservationFeedback(client=entry.client, entry=entry), "entry")
    audit.record(actor, "analysis.read", "entry", entry.id, subject=entry.client)
    answers, unopened = _answers(entry)
    shown: list[Shown] = []
    folded: list[Shown] = []
    own = (
        entry.client_id == actor.pk
    )  # the writer is addressed ("Your words …"); anyone else reads about them
    for obs in reading.observations:
        answer = answers.get(obs.key, (None, ""))[1]
        (folded if answer == FitAnswer.DOES_NOT_FIT else shown).append(Shown(for_reader(obs, own), answer))
    details: tuple[tuple[str, list[Line]], ...] = ()
    if not own:
        details = therapist_details(text, result)  # under the floors and caveats of every summary (r106)
    analyzers = {s.observation.analyzer for s in (*shown, *folded)}
    return Noticed(
        shown=tuple(shown),
        folded=tuple(folded) if own else (),
        left_out=reading.left_out,
        risk=reading.risk,
        agreement=tuple(a for a in agreement(entry.client, reader=actor) if a.analyzer in analyzers),
        details=details,
        revision=entry.revision,
        unopened=unopened,
    )


def screen_read(entry: Entry) -> tuple[Risk | None, list[str]]:
    """The save-time risk screen of the entry's current revision (``EntryScreen``: it reads every field of the
    person's words, the title too, which the analysis does not): its finding (None below ``indicator``, unscreened
    or not stored) and the words it read, each trigger's span of the screened text on one line (none when they can
    no longer be opened: then nothing of the entry may be quoted)."""
    from reverie.analysis.risk import INDICATOR, LEVELS, data_model_alone
    from reverie.clinic.models import EntryScreen
    from reverie.clinic.services import journal, risk_screen

    row = EntryScreen.objects.filter(entry=entry, revision=entry.revision).first()
    if row is None or row.level not in LEVELS[INDICATOR:]:
        return None, []
    try:
        doc = risk_screen.open_screen(entry, row)
        payload = journal._revision_payload(entry, entry.revision)
    except IntegrityError:
        return Risk(row.level), []
    words: list[str] = []
    if payload is not None:
        text = journal.screen_source(entry, payload, doc)
        for trigger in doc.get("triggers", []):
            span = trigger.get("span") if isinstance(trigger, dict) else None
            if isinstance(span, list) and len(span) == 2:
                words.append(" ".join(text[int(span[0]) : int(span[1])].split()))
    return Risk(row.level, data_model_alone(doc)), [w for w in words if w]


def risk_as_shown(entry: Entry, result: Mapping[str, Any] | None) -> Risk | None:
    """The one reading of an entry's risk every page shows: the stronger of its analysis's risk finding (``result``,
    None while not analysed) and its save-time screen's (:func:`screen_read`), so words only the screen read (a
    title) count as much as words in the body. The entry page's note, the patterns report's crisis lines
    (``insights.risk_in_report``) and its evidence quotes (``insights.evidence_labels``) read it (review r77)."""
    return stronger(risk_of(result) if result is not None else None, screen_read(entry)[0])


def _risk_read(actor: User, entry: Entry, *, record: bool) -> tuple[int, Risk | None] | None:
    """The analysed revision and the entry's risk as shown (:func:`risk_as_shown`) alone (None while not
    analysed)."""
    from reverie.clinic.services.analysis import current_analysis

    return _risk_of(actor, entry, current_analysis(entry), record=record)


def _risk_of(
    actor: User, entry: Entry, stored: StoredAnalysis | None, *, record: bool
) -> tuple[int, Risk | None] | None:
    """:func:`_risk_read` of the entry's current analysis ``stored`` already read."""
    from reverie.clinic.services.analysis import open_result

    if stored is None:
        return None
    if record:
        audit.record(actor, "analysis.read", "entry", entry.id, subject=entry.client)
    return stored.revision, risk_as_shown(entry, open_result(entry, stored))


def risk_only(actor: User, entry_id: uuid.UUID | str, *, record: bool = True) -> Risk | None:
    """The risk screen's finding for an entry the actor may read, without the observations: what the entry page
    shows a client who chose "never show" (the safety path is not theirs to turn off). It opens the stored result
    only, never the entry's words or the answers; None while the entry is not analysed. ``record=False`` when the
    caller reads the panel next (:func:`noticed` records the read)."""
    found = _risk_read(actor, _entry_for(actor, entry_id, Action.READ), record=record)
    return found[1] if found is not None else None


def set_preference(user: User, value: str) -> str:
    """Store the client's choice for "What Reverie noticed" on their entry pages (ask, always or never)."""
    if value not in NoticedOnEntries.values:
        raise InvalidInput("Choose ask first, always show or never show.")
    if user.noticed_on_entries != value:
        user.noticed_on_entries = value
        user.save(update_fields=["noticed_on_entries"])
        audit.record(user, "user.noticed_on_entries", "user", user.pk, subject=user)
    return value


NOTICED_SCHEMA = "reverie.noticed/1"


def _shown_json(s: Shown) -> dict[str, Any]:
    obs = s.observation
    return {
        "ref": obs.ref,
        "kind": obs.analyzer,
        "text": obs.text,
        "evidence": list(obs.evidence),
        "sureness": obs.sureness,
        "answer": s.answer,
    }


def noticed_json(noticed: Noticed) -> dict[str, Any]:
    """The writer's entry panel as data (``reverie.noticed/1``), what the API gives a client for their entry: the
    observations it shows, in its words, those they folded away, how many were left out and the risk's calm
    words. No codes, model names, scores or risk level: the panel is what the one findings rule
    (``insights.shown``) counts, and the client's pages state nothing else (r39)."""
    return {
        "schema": NOTICED_SCHEMA,
        "findings": [_shown_json(s) for s in noticed.shown],
        "folded": [_shown_json(s) for s in noticed.folded],
        "left_out": noticed.left_out,
        "risk": noticed.risk.text if noticed.risk is not None else None,
    }


HIDDEN: Final = "hidden_by_your_choice"
HIDDEN_MESSAGE = (
    'You chose "never show" for "What Reverie noticed" on your entries, so no observations are given here. '
    "Change it in Settings (at the foot of every page). If an entry sounds unsafe, the note about it is still given."
)


@dataclass(frozen=True, slots=True)
class Seen:
    """The findings one reader may see for one entry (:func:`seen_by`), the one rule every door renders.

    ``status``: ``ready``, ``pending`` (the words the entry holds now are not analysed yet) or ``hidden_by_your_choice``
    (the writer chose "never show": no observations were read; ``risk`` is still given). ``writer``: the reader
    wrote the entry (plain words, their choice applies); ``mode`` their choice (``NoticedOnEntries``; ``always`` for
    anyone else). ``panel`` is the entry page's panel; ``analysis`` the stored analysis a therapist's data door
    gives (``reverie.analysis/1``), never set for a client."""

    status: Literal["ready", "pending", "hidden_by_your_choice"]
    writer: bool
    mode: str
    revision: int | None = None
    risk: Risk | None = None
    panel: Noticed | None = None
    analysis: dict[str, Any] | None = None

    @property
    def message(self) -> str | None:
        return HIDDEN_MESSAGE if self.status == HIDDEN else None

    def result_json(self) -> dict[str, Any] | None:
        """What the API and the CLI give: ``reverie.noticed/1`` for a client (under "never show" with no findings,
        nothing folded or left out, and the risk's calm words), the stored analysis for a therapist; None while
        pending."""
        if self.analysis is not None:
            return self.analysis
        if self.panel is not None:
            return noticed_json(self.panel)
        if self.status == HIDDEN:
            risk = self.risk.text if self.risk is not None else None
            return {"schema": NOTICED_SCHEMA, "findings": [], "folded": [], "left_out": 0, "risk": risk}
        return None


def seen_by(actor: User, entry_id: uuid.UUID | str, *, page: bool = False) -> Seen:
    """The findings ``actor`` may see for an entry they may read: the one rule for the entry page, the API
    (``GET /entries/{id}/findings``) and the CLI (``journal list --json --analysis``).

    A client gets their entry page's panel in plain words (:func:`noticed`, as JSON ``reverie.noticed/1``: no codes,
    model names, scores or risk level), under their choice (``User.noticed_on_entries``): "never show" reads no
    observations (status ``hidden_by_your_choice``) and still gives the risk note; "ask first" shows them (on the
    API and the CLI the request is the asking; the page keeps the panel closed until opened). The linked
    therapist of a shared entry gets, whatever the client chose, the page's panel with its details (``page``) or
    the stored analysis (``reverie.analysis/1``). ``page``: a panel that cannot be read is logged and left out, so
    the risk note still shows; elsewhere its error is raised.
    """
    from reverie.clinic.services.analysis import current_analysis, findings_for
    from reverie.insights.details import analysis_for_therapist

    entry = _entry_for(actor, entry_id, Action.READ)
    writer = entry.client_id == actor.pk
    mode = actor.noticed_on_entries if writer else NoticedOnEntries.ALWAYS
    if mode == NoticedOnEntries.NEVER:
        read = _risk_read(actor, entry, record=True)
        if read is None:
            return Seen("pending", writer, mode)
        return Seen(HIDDEN, writer, mode, revision=read[0], risk=read[1])
    if not page and not writer and not actor.is_client:
        found = findings_for(actor, entry.id)
        if found is None:
            return Seen("pending", writer, mode)
        # the details' rule, codes with their words (h168): never a reading resting on the risk words
        return Seen(
            "ready", writer, mode, revision=found.revision, analysis=analysis_for_therapist(found.result)
        )
    # the risk note first, on its own: on the page nothing the panel reads (an answer that does not open) hides it;
    # the entry and its current analysis read once for both (issue 16: the panel read them again)
    stored = current_analysis(entry)
    read = _risk_of(actor, entry, stored, record=False)
    try:
        panel = _noticed(actor, entry, stored)
    except ReverieError as exc:
        if not page:
            raise
        log.warning("the noticed panel could not be read: %s", type(exc).__name__)
        panel = None
    if panel is None and read is None:
        return Seen("pending", writer, mode)
    revision = panel.revision if panel is not None else read[0] if read is not None else None
    return Seen(
        "ready" if panel is not None else "pending", writer, mode, revision, read[1] if read else None, panel
    )


def answer(actor: User, entry_id: uuid.UUID | str, ref: str, given: str) -> str:
    """Store (or change) the person's answer about one observation (``Observation.ref``) on their own entry.

    Returns the analyzer. Only the entry's own client may answer; anyone else gets ``NotFound``.
    """
    if given not in FitAnswer.values:
        raise InvalidInput("Answer with fits, does_not_fit or not_sure.")
    if not REF.match(ref or ""):
        raise InvalidInput("That observation is not on this entry.")
    entry = _entry_for(actor, entry_id, Action.READ)
    require(actor, Action.WRITE, ObservationFeedback(client=entry.client, entry=entry), "entry")
    found = _reading(entry)
    current = {o.ref: o for o in found[0].observations} if found else {}
    if ref not in current:
        raise InvalidInput("That observation is not on this entry (it may have changed after an edit).")
    key, analyzer = current[ref].key, current[ref].analyzer
    with transaction.atomic():
        existing = _answers(entry)[0].get(key)
        row = existing[0] if existing else ObservationFeedback(client=entry.client, entry=entry)
        store(row, key, analyzer, given, revision=entry.revision, answered_at=timezone.now())
    audit.record(actor, "observation.fit", "entry", entry.id, subject=entry.client)
    return analyzer


def store(
    row: ObservationFeedback, key: str, analyzer: str, given: str, *, revision: int, answered_at: datetime
) -> None:
    """Seal and save one answer (``reverie.fit/1``) on ``row`` (new or existing; its client and entry set)."""
    row.analyzer, row.answer = analyzer, given
    plain = {"schema": SCHEMA, "key": key, "revision": revision, "answered_at": answered_at.isoformat()}
    row.payload = keys.seal_for(
        row.client, _record_id(row.id), PURPOSE, json.dumps(plain, ensure_ascii=False).encode()
    )
    row.save()


def answers_of(entry: Entry) -> list[tuple[str, str, datetime]]:
    """The client's answers on one of their entries as (key, answer, answered_at), oldest first (the export)."""
    out = []
    for row in ObservationFeedback.objects.filter(entry=entry, client_id=entry.client_id):
        data = _open(row, entry.client)
        out.append((str(data["key"]), row.answer, datetime.fromisoformat(str(data["answered_at"]))))
    return sorted(out, key=lambda item: item[2])


def agreement(client: User, *, reader: User | None = None) -> list[Agreement]:
    """Per analyzer: how many of the client's answered observations they marked as fitting. For a ``reader`` other
    than the client (their therapist), only over the entries that reader may read (``policy.visible_entries``)."""
    rows = ObservationFeedback.objects.filter(client=client, entry__deleted_at__isnull=True)
    if reader is not None and reader.pk != client.pk:
        rows = rows.filter(entry__in=visible_entries(reader))
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows.values("analyzer", "answer").annotate(n=Count("id")):
        counts[(row["analyzer"], row["answer"])] += int(row["n"])
    out = []
    for name in ANALYZERS:
        answered = sum(n for (a, _), n in counts.items() if a == name)
        if answered:
            fits, away = counts[(name, FitAnswer.FITS)], counts[(name, FitAnswer.DOES_NOT_FIT)]
            out.append(Agreement(name, SUPPORT[name].noun, fits, answered, away))
    return out


@dataclass(frozen=True, slots=True)
class Precision:
    """Install-wide, content-free: answers per analyzer; figures hidden below ``MIN_ANSWERS`` answers."""

    analyzer: str
    answered: int
    people: int
    fits: int | None
    does_not_fit: int | None
    not_sure: int | None

    @property
    def precision(self) -> float | None:
        if self.fits is None or self.does_not_fit is None or not (self.fits + self.does_not_fit):
            return None
        return self.fits / (self.fits + self.does_not_fit)

    def to_json(self) -> dict[str, Any]:
        p = self.precision
        return {
            "analyzer": self.analyzer,
            "answered": self.answered,
            "people": self.people,
            "fits": self.fits,
            "does_not_fit": self.does_not_fit,
            "not_sure": self.not_sure,
            "precision": None if p is None else round(p, 3),
        }


def precision() -> list[Precision]:
    """For the operator (``reverie insights precision``): fits ÷ (fits + doesn't fit) per analyzer, no content."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in ObservationFeedback.objects.values("analyzer", "answer").annotate(n=Count("id")):
        counts[(row["analyzer"], row["answer"])] += int(row["n"])
    people = dict(
        ObservationFeedback.objects.values("analyzer")
        .annotate(n=Count("client", distinct=True))
        .values_list("analyzer", "n")
    )
    out = []
    for name in ANALYZERS:
        answered = sum(n for (a, _), n in counts.items() if a == name)
        enough = answered >= MIN_ANSWERS

        def cell(value: str, name: str = name, enough: bool = enough) -> int | None:
            return counts[(name, value)] if enough else None

        out.append(
            Precision(
                name,
                answered,
                int(people.get(name, 0)),
                cell(FitAnswer.FITS),
                cell(FitAnswer.DOES_NOT_FIT),
                cell(FitAnswer.NOT_SURE),
            )
        )
    return out
