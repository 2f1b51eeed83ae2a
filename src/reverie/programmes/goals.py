"""Therapy goals: templates from the seed, and a 0–10 progress rating a person gives themselves.

Goals are the person's own words about what they want; a rating is how close they feel, not a score of
compliance. Templates only offer a starting wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reverie.errors import InvalidInput
from reverie.text import check_text

RATING_MIN, RATING_MAX = 0, 10
TITLE_MAX = 120


@dataclass(frozen=True, slots=True)
class GoalTemplate:
    key: str
    title: str
    description: str


GOAL_TEMPLATES: tuple[GoalTemplate, ...] = (
    GoalTemplate(
        "voicing_needs",
        "Voicing my needs",
        "Saying what I want and need to the people close to me, instead of hoping they will guess.",
    ),
    GoalTemplate(
        "clear_boundaries",
        "Setting clear boundaries",
        "Saying no, or 'not like this', when something does not feel right — and staying with it.",
    ),
    GoalTemplate(
        "available_partners",
        "Choosing emotionally available partners",
        "Noticing who can be present with me, and being drawn less to people who cannot.",
    ),
    GoalTemplate(
        "mindful_choices",
        "Making mindful choices",
        "Pausing to notice what I feel before I act, so that I choose rather than react.",
    ),
    GoalTemplate(
        "free_of_old_pattern",
        "Getting free of an old pattern",
        "Recognising a pattern from my past that keeps repeating, and finding another way.",
    ),
)

# The words of the 0–10 scale's points, as they read inside a sentence ("0 = not there at all yet"): written here
# as they are shown, never lowercased on the page (a filter would turn "I" into "i"). ``capfirst`` to stand alone.
RATING_ANCHORS: dict[int, str] = {
    0: "not there at all yet",
    5: "about halfway",
    10: "where I want to be",
}


def own_words(title: str, description: str) -> tuple[str, ...]:
    """The fields of a goal that are someone's own words, for the risk screen: the title and the description each
    unless it is exactly a template's wording (of any template, field by field; a template's words are nobody's,
    and the sentence model alone reads some of them, "Voicing my needs", as ideation). Empty fields are left out."""
    titles = {t.title for t in GOAL_TEMPLATES}
    descriptions = {t.description for t in GOAL_TEMPLATES}
    fields = ((title, titles), (description, descriptions))
    return tuple(
        text for text, template_words in fields if text.strip() and text.strip() not in template_words
    )


def get_template(key: str) -> GoalTemplate:
    for template in GOAL_TEMPLATES:
        if template.key == key:
            return template
    raise InvalidInput("Unknown goal template.", field="template")


def check_rating(value: object) -> int:
    """A progress rating is a whole number from 0 to 10; anything else raises InvalidInput."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"A goal rating must be a whole number from {RATING_MIN} to {RATING_MAX}.")
    if not RATING_MIN <= value <= RATING_MAX:
        raise InvalidInput(f"A goal rating must be between {RATING_MIN} and {RATING_MAX}.")
    return value


def check_title(title: str) -> str:
    """A goal title in the person's words: 1–120 characters of text (:func:`reverie.text.check_text`) on one
    line. A refusal names its input, ``title`` (``InvalidInput.field``)."""
    cleaned = title.strip() if isinstance(title, str) else ""
    if not cleaned or len(cleaned) > TITLE_MAX or "\n" in cleaned:
        raise InvalidInput(f"A goal title must be one line of 1–{TITLE_MAX} characters.", field="title")
    try:
        return check_text(cleaned, "goal title")
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field="title") from None


@dataclass(frozen=True, slots=True)
class GoalRating:
    """One self-rating of one goal on one day."""

    goal_title: str
    rating: int
    on: date

    def __post_init__(self) -> None:
        check_title(self.goal_title)
        check_rating(self.rating)


def rate(goal_title: str, rating: int, on: date) -> GoalRating:
    """Validate and build a rating (title and value checked)."""
    return GoalRating(check_title(goal_title), check_rating(rating), on)
