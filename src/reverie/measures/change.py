"""Reliable change, caseness, recovery and the not-on-track flag for PHQ-9 and GAD-7.

Two views of "reliable change" live here, both documented in docs/measures.md:

* the Jacobson–Truax reliable change index, ``|Δ| > z·SD·√2·√(1−r)``, with the SD and reliability constants of
  each measure in ``JT_CONSTANTS``;
* the fixed thresholds of the NHS Talking Therapies manual (PHQ-9 6 points, GAD-7 4 points), which Reverie
  uses for every classification (improvement, deterioration, recovery, not on track).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import QuestionnaireId, get_questionnaire
from reverie.measures.scoring import check_total

Z_95 = 1.96


@dataclass(frozen=True, slots=True)
class ReliabilityConstants:
    """Spread and reliability of a measure, as used by the Jacobson–Truax index."""

    sd: float
    reliability: float
    source: str


JT_CONSTANTS: Mapping[QuestionnaireId, ReliabilityConstants] = {
    QuestionnaireId.PHQ9: ReliabilityConstants(
        sd=6.0,
        reliability=0.89,
        source="r: Cronbach's alpha 0.89, Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606); "
        "SD: 6 points, a round treatment-seeking figure (assumption, see docs/measures.md)",
    ),
    QuestionnaireId.GAD7: ReliabilityConstants(
        sd=5.0,
        reliability=0.92,
        source="r: Cronbach's alpha 0.92, Spitzer, Kroenke, Williams & Löwe 2006 (Arch Intern Med 166:1092); "
        "SD: 5 points, a round treatment-seeking figure (assumption, see docs/measures.md)",
    ),
}

# NHS Talking Therapies manual: reliable change thresholds and caseness cut-offs.
RELIABLE_CHANGE_POINTS: Mapping[QuestionnaireId, int] = {QuestionnaireId.PHQ9: 6, QuestionnaireId.GAD7: 4}
CASENESS_CUTOFF: Mapping[QuestionnaireId, int] = {QuestionnaireId.PHQ9: 10, QuestionnaireId.GAD7: 8}
SEVERE_FROM: Mapping[QuestionnaireId, int] = {QuestionnaireId.PHQ9: 20, QuestionnaireId.GAD7: 15}


class Change(StrEnum):
    """Direction of reliable change on one measure (lower scores are better on both)."""

    IMPROVEMENT = "reliable_improvement"
    DETERIORATION = "reliable_deterioration"
    NONE = "no_reliable_change"


def jacobson_truax_threshold(sd: float, reliability: float, z: float = Z_95) -> float:
    """The smallest |Δ| that is *exceeded* only by reliable change: ``z·SD·√2·√(1−r)``."""
    if sd <= 0 or not 0 <= reliability < 1 or z <= 0:
        raise InvalidInput("Reliable change needs SD > 0, 0 ≤ reliability < 1 and z > 0.")
    return z * sd * math.sqrt(2) * math.sqrt(1 - reliability)


def jt_reliable_change(questionnaire_id: str, first: int, last: int) -> bool:
    """True when ``|last − first|`` exceeds the Jacobson–Truax threshold for the measure."""
    qid = _total_pair(questionnaire_id, first, last)
    constants = JT_CONSTANTS[qid]
    return abs(last - first) > jacobson_truax_threshold(constants.sd, constants.reliability)


def classify_change(questionnaire_id: str, first: int, last: int) -> Change:
    """NHS Talking Therapies rule: a drop of at least the threshold is improvement, a rise deterioration."""
    qid = _total_pair(questionnaire_id, first, last)
    threshold = RELIABLE_CHANGE_POINTS[qid]
    if first - last >= threshold:
        return Change.IMPROVEMENT
    if last - first >= threshold:
        return Change.DETERIORATION
    return Change.NONE


def change_words(questionnaire_id: str, first: int, last: int) -> str:
    """One measure's first → latest in plain words, the one wording of the therapist's Scores and prep pages (r133:
    "Jacobson–Truax: reliable" and "reliable change (Jacobson–Truax)" said one thing two ways, by a method's name):
    "PHQ-9 fell from 14 to 3 — a reliable improvement (a fall of 6 or more), now below the clinical cut-off (10)".
    The classification is :func:`classify_change`'s (NHS Talking Therapies)."""
    qid = _total_pair(questionnaire_id, first, last)
    points, cutoff = RELIABLE_CHANGE_POINTS[qid], CASENESS_CUTOFF[qid]
    if last < first:
        moved = f"fell from {first} to {last}"
    elif last > first:
        moved = f"rose from {first} to {last}"
    else:
        moved = f"stayed at {last}"
    kind = classify_change(questionnaire_id, first, last)
    if kind is Change.IMPROVEMENT:
        how = f"a reliable improvement (a fall of {points} or more)"
    elif kind is Change.DETERIORATION:
        how = f"a reliable deterioration (a rise of {points} or more)"
    elif last == first:
        how = "no change"
    else:
        how = f"not a reliable change (that takes {points} points or more)"
    if last < cutoff:
        where = f"{'now ' if first >= cutoff else ''}below the clinical cut-off ({cutoff})"
    else:
        where = f"{'still' if first >= cutoff else 'now'} at or above the clinical cut-off ({cutoff})"
    return f"{get_questionnaire(questionnaire_id).short_title} {moved} — {how}, {where}"


def is_case(questionnaire_id: str, total: int) -> bool:
    """At or above the caseness cut-off (PHQ-9 ≥ 10, GAD-7 ≥ 8)."""
    questionnaire = get_questionnaire(questionnaire_id)
    check_total(questionnaire, total)
    return total >= CASENESS_CUTOFF[questionnaire.id]


def _total_pair(questionnaire_id: str, first: int, last: int) -> QuestionnaireId:
    questionnaire = get_questionnaire(questionnaire_id)
    check_total(questionnaire, first)
    check_total(questionnaire, last)
    return questionnaire.id


@dataclass(frozen=True, slots=True)
class Assessment:
    """The totals taken before one session; either measure may be missing (not given that time)."""

    session: int
    phq9: int | None = None
    gad7: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.session, bool) or not isinstance(self.session, int) or self.session < 1:
            raise InvalidInput("An assessment's session number must be a whole number from 1.")
        if self.phq9 is None and self.gad7 is None:
            raise InvalidInput(f"The assessment at session {self.session} holds no score.")
        for qid, value in self.totals().items():
            check_total(get_questionnaire(qid.value), value)

    def totals(self) -> dict[QuestionnaireId, int]:
        pairs = ((QuestionnaireId.PHQ9, self.phq9), (QuestionnaireId.GAD7, self.gad7))
        return {qid: value for qid, value in pairs if value is not None}


@dataclass(frozen=True, slots=True)
class Outcome:
    """Outcome of a course (NHS Talking Therapies definitions).

    ``measures`` are those compared (each from its own first to its own last score); ``complete`` is True when both
    PHQ-9 and GAD-7 are, which NHS reporting requires. ``recovery`` can only be True for a person who was a case at
    the start. Recovery needs both measures at the start and at the end (:func:`_recovery`): ``single`` names a
    measure given only once (with that session), ``missing`` one never given; with either, ``recovery`` and
    ``reliable_recovery`` are None, "not decided", rather than decided on the other measure alone, unless the
    client is a case at the end (then no recovery). A client below the cut-off on both measures at the start was
    never a case: recovery does not apply to them (NHS Talking Therapies leaves them out of it), so
    ``recovery_not_applicable`` is True and both are None, said "not applicable", never "no". A measure given once
    counts for caseness at the start when it was given at the first assessment and at the end when given at the
    last. ``case_at_start`` and ``case_at_end`` are None when no score counts there.
    """

    measures: tuple[QuestionnaireId, ...]
    changes: Mapping[QuestionnaireId, Change]
    case_at_start: bool | None
    case_at_end: bool | None
    recovery: bool | None
    reliable_improvement: bool
    reliable_deterioration: bool
    reliable_recovery: bool | None
    complete: bool = field(default=False)
    spans: Mapping[QuestionnaireId, tuple[int, int]] = field(default_factory=dict)
    single: Mapping[QuestionnaireId, int] = field(default_factory=dict)
    missing: tuple[QuestionnaireId, ...] = ()
    recovery_not_applicable: bool = False

    @property
    def recovery_words(self) -> str:
        """Recovery as the Scores page and ``reverie measure history`` say it: yes, no, not decided, or not
        applicable (never a case)."""
        return _said(self.recovery, NOT_APPLICABLE if self.recovery_not_applicable else "not decided")

    @property
    def reliable_recovery_words(self) -> str:
        return _said(
            self.reliable_recovery, "not applicable" if self.recovery_not_applicable else "not decided"
        )

    @property
    def undecided_reason(self) -> str:
        """Why recovery is not decided ("" when it is, or does not apply), in words: each measure never given or
        given only once."""
        if self.recovery is not None or self.recovery_not_applicable:
            return ""
        said = [
            f"{_short(q)} was never given"
            if q in self.missing
            else f"{_short(q)} has only one score (session {n})"
            for q in QuestionnaireId
            if q in self.missing or (n := self.single.get(q)) is not None
        ]
        return f"Recovery is not decided: {'; '.join(said)}." if said else ""


# Recovery for a client who was never a case (below the cut-off on both measures at the start), in words
NOT_APPLICABLE = "not applicable (below the clinical cut-off at the start)"


def _said(value: bool | None, otherwise: str) -> str:
    return "yes" if value is True else "no" if value is False else otherwise


def paired_outcome(first: Assessment, last: Assessment) -> Outcome:
    """Classify the change between two assessments.

    * caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8 (either measure), from every score at that assessment;
    * recovery: a case at the start and below caseness on every measure at the end, decided only with both
      measures at both assessments (:func:`_recovery`: a case at the end is no recovery whatever is missing; never
      a case at the start, not applicable);
    * reliable improvement: a reliable drop on at least one measure and no reliable rise on any (the measures
      present at both);
    * reliable deterioration: a reliable rise on at least one measure;
    * reliable recovery: recovery plus reliable improvement (so no reliable deterioration either).
    """
    start, end = first.totals(), last.totals()
    measures = tuple(qid for qid in QuestionnaireId if qid in start and qid in end)
    if not measures:
        raise InvalidInput("The first and last assessments share no measure; no change can be computed.")
    changes = {qid: classify_change(qid.value, start[qid], end[qid]) for qid in measures}
    improved, deteriorated = _reliable(changes)
    recovery, reliable_recovery, applies = _recovery(start, end, improved)
    single = {
        q: first.session if q in start else last.session
        for q in QuestionnaireId
        if (q in start) != (q in end)
    }
    return Outcome(
        measures=measures,
        changes=changes,
        case_at_start=_case(start),
        case_at_end=_case(end),
        recovery=recovery,
        reliable_improvement=improved,
        reliable_deterioration=deteriorated,
        reliable_recovery=reliable_recovery,
        complete=len(measures) == len(QuestionnaireId),
        single=single,
        missing=tuple(q for q in QuestionnaireId if q not in start and q not in end),
        recovery_not_applicable=not applies,
    )


def _case(scores: Mapping[QuestionnaireId, int]) -> bool | None:
    """A case (NHS Talking Therapies): at or above the cut-off on any measure that counts; None when none counts."""
    return any(v >= CASENESS_CUTOFF[q] for q, v in scores.items()) if scores else None


def _recovery(
    at_start: Mapping[QuestionnaireId, int], at_end: Mapping[QuestionnaireId, int], improved: bool
) -> tuple[bool | None, bool | None, bool]:
    """(recovery, reliable recovery, whether recovery applies) from the score each measure counts with at the start
    and at the end: the one rule of both outcomes. A client below the cut-off on both measures at the start was
    never a case: recovery does not apply (None, None, False; NHS Talking Therapies counts recovery only for those
    who were a case; before (h149) they read "recovery: no"). A case at the end is no recovery, whatever else is
    missing. Otherwise recovery is decided only with **both** measures at the start and at the end (NHS Talking
    Therapies: not a case on PHQ-9 or GAD-7); with one never given, or given only once, it is None, "not decided",
    never decided on the other measure alone. Before (r125) a measure never given was treated as not needed: PHQ-9
    alone, 14 → 6, read "recovery: yes", while one GAD-7 score more, however low, made it "not decided"."""
    if all(q in at_start for q in QuestionnaireId) and not _case(at_start):
        return None, None, False
    if _case(at_end):
        return False, False, True
    if any(q not in at_start or q not in at_end for q in QuestionnaireId):
        return None, None, True
    return True, improved, True  # a case at the start (not every measure below it), none at the end


def _reliable(changes: Mapping[QuestionnaireId, Change]) -> tuple[bool, bool]:
    """(reliable improvement, reliable deterioration) over the measures: improvement on one with deterioration on
    none; deterioration on any."""
    deteriorated = Change.DETERIORATION in changes.values()
    return Change.IMPROVEMENT in changes.values() and not deteriorated, deteriorated


def ordered(series: Sequence[Assessment]) -> tuple[Assessment, ...]:
    """The series sorted by session; two assessments for one session raise InvalidInput."""
    result = tuple(sorted(series, key=lambda a: a.session))
    for before, after in itertools.pairwise(result):
        if before.session == after.session:
            raise InvalidInput(f"Two assessments were given for session {after.session}.")
    return result


def course_outcome(series: Sequence[Assessment]) -> Outcome:
    """The course's outcome from **each measure's own first and last score** (as the not-on-track rule reads it),
    not from the first and last assessment with only the measures present at both (a measure given later, or left
    out once, is still counted). At least two assessments.

    * caseness (NHS Talking Therapies): at or above the cut-off on PHQ-9 (10) or GAD-7 (8), at the start from each
      measure's first score, at the end from each measure's last score (a measure given once: where it was given,
      if that is the first or the last assessment);
    * recovery: a case at the start and not a case at the end; a case at the end is never recovery; otherwise not
      decided (None) while a measure has only one score, which ``single`` names, or was never given (``missing``):
      recovery needs both measures at the start and at the end (:func:`_recovery`);
    * reliable improvement, deterioration and recovery as in :func:`paired_outcome`, per measure.
    """
    steps = ordered(series)
    if len(steps) < 2:
        raise InvalidInput("A course outcome needs at least two assessments.")
    scores: dict[QuestionnaireId, list[tuple[int, int]]] = {}
    for step in steps:
        for qid, value in step.totals().items():
            scores.setdefault(qid, []).append((step.session, value))
    measures = tuple(q for q in QuestionnaireId if len(scores.get(q, ())) >= 2)
    single = {q: scores[q][0][0] for q in QuestionnaireId if len(scores.get(q, ())) == 1}
    first = {q: scores[q][0][1] for q in measures}
    last = {q: scores[q][-1][1] for q in measures}
    changes = {q: classify_change(q.value, first[q], last[q]) for q in measures}
    improved, deteriorated = _reliable(changes)
    # a measure given once counts where it was given: at the start if at the first assessment, at the end if at
    # the last (a PHQ-9 of 14 at the last session is a case now, whatever GAD-7 did)
    at_start = {**first, **{q: scores[q][0][1] for q, n in single.items() if n == steps[0].session}}
    at_end = {**last, **{q: scores[q][0][1] for q, n in single.items() if n == steps[-1].session}}
    recovery, reliable_recovery, applies = _recovery(at_start, at_end, improved)
    return Outcome(
        measures=measures,
        changes=changes,
        case_at_start=_case(at_start),
        case_at_end=_case(at_end),
        recovery=recovery,
        reliable_improvement=improved,
        reliable_deterioration=deteriorated,
        reliable_recovery=reliable_recovery,
        complete=len(measures) == len(QuestionnaireId),
        spans={q: (scores[q][0][0], scores[q][-1][0]) for q in measures},
        single=single,
        missing=tuple(q for q in QuestionnaireId if q not in scores),
        recovery_not_applicable=not applies,
    )


@dataclass(frozen=True, slots=True)
class NotOnTrackRule:
    """When a course is flagged as not on track; ``rule_text`` states exactly what ``check_progress`` does."""

    review_session: int = 6
    course_length: int | None = 16

    def __post_init__(self) -> None:
        if self.review_session < 2:
            raise InvalidInput("The review session of the not-on-track rule must be 2 or later.")
        if self.course_length is not None and self.course_length < self.review_session:
            raise InvalidInput("The review session must fall within the course.")

    @property
    def rule_text(self) -> str:
        of_total = f" of {self.course_length}" if self.course_length is not None else ""
        return (
            "Not on track when any of these holds: "
            f"(1) the latest assessment, taken at session {self.review_session}{of_total} or later, shows no "
            "reliable improvement on PHQ-9 or GAD-7 over that measure's first score (a drop of 6 or more on "
            "PHQ-9, 4 or more on GAD-7); "
            "(2) any later score shows a reliable deterioration on PHQ-9 or GAD-7 compared with that measure's "
            "first score (a rise of 6 or more on PHQ-9, 4 or more on GAD-7); "
            "(3) two assessments in a row that include the same measure fall in its severe band "
            "(PHQ-9 20 or more, GAD-7 15 or more)."
        )


def rule_for_course(course_length: int | None) -> NotOnTrackRule:
    """The review point scales with the course: session ⌈3/8 · length⌉ (6 of 16); open-ended use 12."""
    if course_length is None:
        return NotOnTrackRule(review_session=12, course_length=None)
    if course_length < 2:
        raise InvalidInput("A course must have at least 2 sessions to track progress.")
    review = max(2, math.ceil(course_length * 3 / 8))
    return NotOnTrackRule(review_session=review, course_length=course_length)


@dataclass(frozen=True, slots=True)
class ProgressCheck:
    """Result of the not-on-track check: the flag, which parts of the rule fired, and the rule in words."""

    not_on_track: bool
    reasons: tuple[str, ...]
    rule_text: str
    # whether any measure has two scores to compare (r133: a first PHQ-9 of 20, severe, read "On track by the rule
    # below"): the pages say "Not enough scores yet to judge progress" until one has
    judged: bool = True


DEFAULT_RULE = NotOnTrackRule()


def check_progress(series: Sequence[Assessment], rule: NotOnTrackRule = DEFAULT_RULE) -> ProgressCheck:
    """Apply ``rule`` to a time series of assessments (any order; one per session)."""
    steps = ordered(series)
    reasons = [*_no_improvement(steps, rule), *_deterioration(steps), *_severe_twice(steps)]
    given = [qid for step in steps for qid in step.totals()]
    return ProgressCheck(
        not_on_track=bool(reasons),
        reasons=tuple(reasons),
        rule_text=rule.rule_text,
        judged=any(given.count(qid) >= 2 for qid in set(given)),
    )


def _first_scores(steps: Sequence[Assessment]) -> dict[QuestionnaireId, tuple[int, int]]:
    """Each measure's first score with its session: the baseline it is compared with (a measure may start later)."""
    firsts: dict[QuestionnaireId, tuple[int, int]] = {}
    for step in steps:
        for qid, value in step.totals().items():
            firsts.setdefault(qid, (step.session, value))
    return firsts


def _no_improvement(steps: Sequence[Assessment], rule: NotOnTrackRule) -> list[str]:
    if len(steps) < 2 or steps[-1].session < rule.review_session:
        return []
    firsts, latest = _first_scores(steps), steps[-1]
    shared = [q for q, (session, _) in firsts.items() if session < latest.session and q in latest.totals()]
    if not shared:
        return []
    changes = [classify_change(q.value, firsts[q][1], latest.totals()[q]) for q in shared]
    if Change.IMPROVEMENT in changes:
        return []
    return [f"No reliable improvement by session {latest.session}."]


def _deterioration(steps: Sequence[Assessment]) -> list[str]:
    firsts = _first_scores(steps)
    for step in steps:
        for qid, value in step.totals().items():
            session, first = firsts[qid]
            if session < step.session and classify_change(qid.value, first, value) is Change.DETERIORATION:
                return [f"Reliable deterioration on {_short(qid)} at session {step.session}."]
    return []


def _severe_twice(steps: Sequence[Assessment]) -> list[str]:
    reasons = []
    for qid in QuestionnaireId:
        values = [(step.session, step.totals()[qid]) for step in steps if qid in step.totals()]
        for (_, before), (session, after) in itertools.pairwise(values):
            if before >= SEVERE_FROM[qid] and after >= SEVERE_FROM[qid]:
                reasons.append(f"{_short(qid)} in the severe band twice in a row (up to session {session}).")
                break
    return reasons


def _short(qid: QuestionnaireId) -> str:
    return get_questionnaire(qid.value).short_title
