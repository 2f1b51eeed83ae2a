"""PHQ-9 and GAD-7 as data: wording, answer options, severity bands and LOINC codes.

Both questionnaires are in the public domain (Pfizer: "No permission required to reproduce, translate, display
or distribute"). The item wording is the standard English wording; LOINC codes were checked against the LOINC
panels 44249-1 (PHQ-9) and 69737-5 (GAD-7) as used in the HL7 FHIR implementation guides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reverie.errors import InvalidInput

LOINC_SYSTEM = "http://loinc.org"


class QuestionnaireId(StrEnum):
    """Stable identifiers of the outcome measures Reverie implements."""

    PHQ9 = "phq9"
    GAD7 = "gad7"


@dataclass(frozen=True, slots=True)
class AnswerOption:
    """One answer choice: its ordinal weight (0..3), its label and its LOINC answer code."""

    value: int
    label: str
    loinc: str


@dataclass(frozen=True, slots=True)
class Item:
    """One question. ``number`` is 1-based, as printed on the form."""

    number: int
    text: str
    loinc: str


@dataclass(frozen=True, slots=True)
class Band:
    """A severity band of total scores, inclusive at both ends."""

    key: str
    label: str
    low: int
    high: int

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True, slots=True)
class Questionnaire:
    """A scored questionnaire: items all share the same four answer options."""

    id: QuestionnaireId
    title: str
    short_title: str
    stem: str
    items: tuple[Item, ...]
    options: tuple[AnswerOption, ...]
    bands: tuple[Band, ...]
    panel_loinc: str
    total_loinc: str
    total_text: str
    risk_item: int | None = None

    @property
    def max_total(self) -> int:
        return len(self.items) * max(option.value for option in self.options)

    @property
    def max_answer(self) -> int:
        return max(option.value for option in self.options)

    def band_for(self, total: int) -> Band:
        """The severity band holding ``total``; raises InvalidInput outside 0..max_total."""
        for band in self.bands:
            if band.contains(total):
                return band
        raise InvalidInput(f"A {self.short_title} total must be between 0 and {self.max_total}.")

    def option(self, value: int) -> AnswerOption:
        for option in self.options:
            if option.value == value:
                return option
        raise InvalidInput(f"A {self.short_title} answer must be between 0 and {self.max_answer}.")


ANSWER_OPTIONS: tuple[AnswerOption, ...] = (
    AnswerOption(0, "Not at all", "LA6568-5"),
    AnswerOption(1, "Several days", "LA6569-3"),
    AnswerOption(2, "More than half the days", "LA6570-1"),
    AnswerOption(3, "Nearly every day", "LA6571-9"),
)

PHQ9 = Questionnaire(
    id=QuestionnaireId.PHQ9,
    title="Patient Health Questionnaire (PHQ-9)",
    short_title="PHQ-9",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        Item(1, "Little interest or pleasure in doing things", "44250-9"),
        Item(2, "Feeling down, depressed, or hopeless", "44255-8"),
        Item(3, "Trouble falling or staying asleep, or sleeping too much", "44259-0"),
        Item(4, "Feeling tired or having little energy", "44254-1"),
        Item(5, "Poor appetite or overeating", "44251-7"),
        Item(
            6,
            "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
            "44258-2",
        ),
        Item(
            7,
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "44252-5",
        ),
        Item(
            8,
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
            "fidgety or restless that you have been moving around a lot more than usual",
            "44253-3",
        ),
        Item(9, "Thoughts that you would be better off dead or of hurting yourself in some way", "44260-8"),
    ),
    options=ANSWER_OPTIONS,
    bands=(
        Band("minimal", "Minimal", 0, 4),
        Band("mild", "Mild", 5, 9),
        Band("moderate", "Moderate", 10, 14),
        Band("moderately_severe", "Moderately severe", 15, 19),
        Band("severe", "Severe", 20, 27),
    ),
    panel_loinc="44249-1",
    total_loinc="44261-6",
    total_text="Patient Health Questionnaire 9 item (PHQ-9) total score",
    risk_item=9,
)

GAD7 = Questionnaire(
    id=QuestionnaireId.GAD7,
    title="Generalized Anxiety Disorder 7-item scale (GAD-7)",
    short_title="GAD-7",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        Item(1, "Feeling nervous, anxious or on edge", "69725-0"),
        Item(2, "Not being able to stop or control worrying", "68509-9"),
        Item(3, "Worrying too much about different things", "69733-4"),
        Item(4, "Trouble relaxing", "69734-2"),
        Item(5, "Being so restless that it is hard to sit still", "69735-9"),
        Item(6, "Becoming easily annoyed or irritable", "69689-8"),
        Item(7, "Feeling afraid as if something awful might happen", "69736-7"),
    ),
    options=ANSWER_OPTIONS,
    bands=(
        Band("minimal", "Minimal", 0, 4),
        Band("mild", "Mild", 5, 9),
        Band("moderate", "Moderate", 10, 14),
        Band("severe", "Severe", 15, 21),
    ),
    panel_loinc="69737-5",
    total_loinc="70274-6",
    total_text="Generalized anxiety disorder 7 item (GAD-7) total score",
)

QUESTIONNAIRES: tuple[Questionnaire, ...] = (PHQ9, GAD7)


def get_questionnaire(questionnaire_id: str) -> Questionnaire:
    """Look a questionnaire up by id (``"phq9"`` or ``"gad7"``); unknown ids raise InvalidInput."""
    for questionnaire in QUESTIONNAIRES:
        if questionnaire.id.value == questionnaire_id:
            return questionnaire
    known = ", ".join(q.id.value for q in QUESTIONNAIRES)
    raise InvalidInput(f"Unknown questionnaire; expected one of: {known}.")


def by_panel_loinc(code: str) -> Questionnaire | None:
    """The questionnaire whose LOINC panel code is ``code``, or None."""
    for questionnaire in QUESTIONNAIRES:
        if questionnaire.panel_loinc == code:
            return questionnaire
    return None


def questionnaire_key(name: str) -> str:
    """The one lenient reading of a questionnaire's name as a form sends it: its letters and digits alone, case
    folded, so the instrument's printed name and its usual spellings are its id (``"PHQ-9"``, ``"phq 9"``,
    ``"Phq_9"``, ``" PHQ9 "`` → ``"phq9"``; review r66)."""
    return "".join(ch for ch in name.casefold() if ch.isascii() and ch.isalnum())


def risk_questionnaire(name: object) -> Questionnaire | None:
    """The questionnaire a form names, read leniently for its risk screen (:func:`questionnaire_key`: whatever the
    case, spaces, hyphens or other punctuation), else None."""
    if not isinstance(name, str):
        return None
    wanted = questionnaire_key(name)
    return next((q for q in QUESTIONNAIRES if questionnaire_key(q.id.value) == wanted), None)


def risk_answer(questionnaire_id: object, answers: Sequence[object]) -> int | None:
    """The answer to the questionnaire's risk question (PHQ-9 item 9) as the form sent it, read on its own whatever
    the rest of the form holds (another answer missing or out of range, the wrong count, a field the API's schema
    refuses): a whole number, a float that is one (``3.0``) or its ASCII digits, that is one of the options, else
    None. The questionnaire is named leniently (``"PHQ-9"``, ``"PHQ9"``, :func:`risk_questionnaire`). None for a
    questionnaire without a risk question. The one reading of "question 9 as sent" for every door (web, API, CLI)."""
    q = risk_questionnaire(questionnaire_id)
    if q is None or q.risk_item is None or len(answers) < q.risk_item:
        return None
    value = whole_number(answers[q.risk_item - 1], digits=2)
    return value if value in {o.value for o in q.options} else None


def whole_number(value: object, *, digits: int) -> int | None:
    """A whole number however a form's JSON wrote it: ``16``, ``16.0`` or ``"16"`` (at most ``digits`` ASCII digits,
    spaces around them allowed); a boolean or anything else is None. The one lenient reading of a number a refused
    form sends (the risk answer, the API's session number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= digits:
            return int(text)
    return None
