"""The dream series page: what recurs and meets waking life first, in plain words; a comparison with published
norms (effect sizes) only behind a fold-out, when chosen and with enough dreams."""

from __future__ import annotations

import re
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.analysis.dreams import h_profile_svg
from reverie.analysis.dreams.codes import EMOTION_CLIENT_WORDS, EMOTION_NAMES
from reverie.analysis.dreams.recurring import interaction_in_words
from reverie.clinic.models import User
from reverie.clinic.services.dreams import MIN_DREAMS_FOR_NORMS, NORM_CHOICES, NORMS_WHY, CameBack, series_for
from reverie.clinic.services.local_time import local_date

# What each kind of element is, for a person: the coder's kinds (character, setting, interaction) are not.
KIND_WORDS = {
    "character": "a person",
    "person": "a person",
    "setting": "a place",
    "emotion": "a feeling",
    "interaction": "between people",
    "theme": "between people",
}
# The coder's element labels (analysis.dreams.recurring) in a person's words: its settings and feelings (the
# roles in interactions: recurring.ROLE_WORDS, the one table the coder writes from).
_PLACE_FAMILIARITY = {
    "familiar": "a familiar place",
    "distorted": "a familiar place, changed",
    "geographical": "a real, named place",
    "questionable": "a place",
    "unfamiliar": "an unfamiliar place",
}
_PLACE_WHERE = {"indoor": "indoors", "outdoor": "outdoors", "ambiguous": ""}
# The coder's feeling labels ("apprehension") in the one table of client words per HVdC class, which the entry page
# reads too (h89: "fear, worry or shame" on both pages, never "apprehension" on one).
_FEELING_WORDS = {EMOTION_NAMES[code]: words for code, words in EMOTION_CLIENT_WORDS.items()}
_CODE = re.compile(r"\d[A-Z]{2,}[A-Z0-9]*")  # a character's code when it has no words ("1MKA")


def element_words(kind: str, label: str) -> str:
    """One recurring element as a person reads it: "A place outdoors", "Fear, worry or shame, felt by you", "Friendliness
    by you", never a coder's code or term ("questionable outdoor setting", "(dreamer)", "1MKA")."""
    if kind == "setting":
        words = label.removesuffix(" setting").split()
        place = next((_PLACE_FAMILIARITY[w] for w in words if w in _PLACE_FAMILIARITY), "a place")
        where = next((_PLACE_WHERE[w] for w in words if w in _PLACE_WHERE), "")
        said = f"{place} {where}".strip()
    elif kind == "emotion":
        feeling, _, who = label.partition(" (")
        said = _FEELING_WORDS.get(feeling, feeling)
        if who:  # a recurring feeling says whose it was; a link between a dream and an entry does not
            said += ", felt by you" if who.startswith("dreamer") else ", felt by someone else in the dream"
    elif kind == "interaction":
        said = interaction_in_words(label)  # the role words' one table (analysis.dreams.recurring.ROLE_WORDS)
    elif _CODE.fullmatch(label):
        said = "someone you did not name"
    else:
        said = label
    return said[:1].upper() + said[1:]


NORM_LABELS = (("none", "No comparison"), ("female", "Women's dreams"), ("male", "Men's dreams"))
GROUP_WORDS = {"female": "women's dreams", "male": "men's dreams"}


def _when(days_apart: int) -> str:
    """How far the entry is from the dream, in words (negative: the entry came first)."""
    if days_apart == 0:
        return "the same day"
    days = f"{abs(days_apart)} day{'s' if abs(days_apart) != 1 else ''}"
    return f"written {days} after the dream" if days_apart > 0 else f"written {days} before the dream"


def _came_back_line(said: CameBack | None, today: date) -> str:
    """The dreams the person said came back, counted in plain words (review r134 fault 8): "Dreams that came back:
    3 since March" (the month of the first; its year too when not this year's), "A dream that came back: once so far,
    on 7 Dec"; "" when none was. Several are never said to be one dream: Reverie cannot tell one recurring dream from
    another, so the count is of dreams, each linked below it."""
    if said is None:
        return ""
    first = said.since
    if said.count == 1:
        return f"A dream that came back: once so far, on {first:%-d %b}{f' {first.year}' if first.year != today.year else ''}"
    return f"Dreams that came back: {said.count} since {first:%B}{f' {first.year}' if first.year != today.year else ''}"


@login_required
@require_GET
def dream_series(request: HttpRequest) -> HttpResponse:
    """The person chooses the norm group, or none (the default); nothing is compared below the minimum."""
    user = request.user
    assert isinstance(user, User)
    asked = request.GET.get("norms")
    if asked in NORM_CHOICES:
        request.session["dream_norms"] = asked
    norms = str(request.session.get("dream_norms", "none"))
    norms = norms if norms in NORM_CHOICES else "none"
    series = series_for(user, norms if norms != "none" else "female")
    enough = len(series.codings) >= MIN_DREAMS_FOR_NORMS
    compared = enough and norms != "none"
    context = {
        "series": series,
        "norms": norms,
        "enough": enough,
        "compared": compared,
        "minimum": MIN_DREAMS_FOR_NORMS,
        "why": NORMS_WHY,
        "norm_labels": NORM_LABELS,
        "group": GROUP_WORDS.get(norms, ""),
        "just_chose": "norms" in request.GET,  # the fold-out stays shut until the person opens it
        "came_back": _came_back_line(series.came_back, local_date(timezone.now(), user)),
        "recurring": [
            (KIND_WORDS.get(r.kind, r.kind), element_words(r.kind, r.label), r) for r in series.recurring[:20]
        ],
        "links": [
            (
                KIND_WORDS.get(link.kind, link.kind),
                element_words(link.kind, link.label),
                link,
                _when(link.days_apart),
            )
            for link in series.continuity.links[:40]
        ],
        # The chart renderer escapes its text; it draws numbers and indicator names only.
        "chart": mark_safe(h_profile_svg(series.profile)) if compared else "",  # noqa: S308
    }
    return render(request, "reverie/dreams.html", context)
