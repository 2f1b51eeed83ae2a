"""Public pages (no login): the fit self-check, the directory search, referral links; and the therapist's
directory profile and CSV import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from reverie.care.services import directory, fit
from reverie.care.templatetags.words import words
from reverie.care.web.common import user_of, with_error
from reverie.clinic.web.drafts import keeps_text
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.errors import InvalidInput, PermissionDenied, ReverieError
from reverie.programmes import fit as fit_rules
from reverie.programmes.countries import COUNTRY_NAMES, country_code, country_name
from reverie.programmes.directory import (
    COLUMNS,
    CONTACT_COLUMNS,
    FORMATS,
    LABELS,
    Availability,
    Modality,
)

SCALE = (-3, -2, -1, 0, 1, 2, 3)


def _fit_context(request: HttpRequest) -> dict[str, Any]:
    token = request.POST.get("ref") or request.GET.get("ref", "")
    return {
        "seed": fit_rules.SEED_QUESTIONS,
        "structure_question": fit_rules.STRUCTURE_QUESTION,
        "creative_question": fit_rules.CREATIVE_QUESTION,
        "items": fit_rules.PREFERENCE_ITEMS,
        "scale": SCALE,
        "ref": token,
        "referral": fit.read_referral(token),
        "values": request.POST,
    }


@require_http_methods(["GET", "POST"])
def fit_page(request: HttpRequest) -> HttpResponse:
    """Is psychodynamic therapy a fit for me now? A plain, non-diagnostic answer and a directory link."""
    context = _fit_context(request)
    if request.method == "POST":
        try:
            result = fit.assess(request.POST)
        except ReverieError as exc:
            names = (
                *(f"seed_{key}" for key, _ in fit_rules.SEED_QUESTIONS),
                "structure",
                *(f"pref_{item.key}" for item in fit_rules.PREFERENCE_ITEMS),
            )  # a refused answer on its question
            return with_error(request, "care/fit.html", context, exc, {name: name for name in names})
        query = fit.directory_query(result, context["referral"])
        context.update(result=result, directory_url=f"{reverie_url('care:directory')}?{query}")
    elif context["referral"]:
        context["directory_url"] = (
            f"{reverie_url('care:directory')}?{fit.directory_query_from(context['referral'])}"
        )
    return render(request, "care/fit.html", context)


def reverie_url(name: str) -> str:
    return reverse(name)


# the search's filters a refusal names, each with its box (a tick-box filter: its fieldset): a bad value in a link
# is said on the filter it is about, in plain words
_SEARCH_BOXES = {
    **{name: name for name in ("mode", "language", "country", "max_fee", "currency", "include_full")},
    "modality": "modality-boxes",
    "format": "format-boxes",
}


@require_GET
def directory_search(request: HttpRequest) -> HttpResponse:
    params = {key: request.GET.getlist(key) for key in request.GET}
    context: dict[str, Any] = {
        "modalities": [m.value for m in Modality],
        "formats": [(code, directory.COURSE_WORDS.get(code, code)) for code in _course_order()],
        "chosen_modalities": directory.modality_codes(params.get("modality", [])),
        "chosen_formats": [f.strip().lower() for f in params.get("format", [])],
        "values": request.GET,
        "include_full": directory.ticked(request.GET.get("include_full", "")) is True,
        **_place_context(request),
        **_currency_context(request),
    }
    try:
        results = directory.search_page(directory.query_from(params), request.GET.get("page", ""))
    except InvalidInput as exc:
        if request.GET.get("page"):  # a stale or hand-edited page number: the way back to the first page
            context["first_page_url"] = _search_url(request, page=None)
        return with_error(request, "care/directory.html", {**context, "profiles": []}, exc, _SEARCH_BOXES)
    page = results.page
    context.update(
        profiles=page.profiles,
        page=page,
        total=page.total,
        listed=bool(page.total) or directory.any_listed(),
        previous_url=_search_url(request, page=page.number - 1) if page.number > 1 else "",
        next_url=_search_url(request, page=page.number + 1) if page.number < page.pages else "",
        other_currencies=results.other_currencies,
        other_count=sum(results.other_currencies.values()),
        without_fee_url=_search_url(request, page=None, max_fee=None, currency=None),
    )
    return render(request, "care/directory.html", context)


def _search_url(request: HttpRequest, **changes: int | None) -> str:
    """This search's link with ``changes`` made (a value None drops the key): every filter kept across pages."""
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    text = query.urlencode()
    return f"{reverie_url('care:directory')}?{text}" if text else reverie_url("care:directory")


def _currency_context(request: HttpRequest) -> dict[str, Any]:
    """The highest fee's Currency select: the one chosen, else the one most listings are in."""
    chosen = request.GET.get("currency", "").strip().upper()
    return {
        "currencies": directory.currency_choices(chosen),
        "chosen_currency": chosen or directory.main_currency() or "",
    }


def _course_order() -> list[str]:
    """The Course boxes in the order of COURSE_WORDS (shortest set course first), any other format after."""
    return [*directory.COURSE_WORDS, *sorted(FORMATS - set(directory.COURSE_WORDS))]


def _place_context(request: HttpRequest) -> dict[str, Any]:
    """The Language and Country selects and the codes to select in them (an old link's "gb" selects "GB")."""
    language, country = request.GET.get("language", "").strip(), request.GET.get("country", "").strip()
    return {
        **directory.place_choices(language, country),
        "chosen_language": language.lower(),
        "chosen_country": country_code(country),
    }


def _therapist(request: HttpRequest) -> Any:
    user = user_of(request)
    if not user.is_therapist:
        raise PermissionDenied("Only a therapist has a directory profile.")
    return user


# the profile's inputs a refusal names (a CSV row's columns), each with its box: the two session checkboxes share
# their fieldset, "sessions"; a tick-box field has its own
_PROFILE_BOXES = {
    **{c: c for c in (*COLUMNS, *CONTACT_COLUMNS) if c not in ("id", "in_person", "online")},
    "in_person": "sessions",
    "online": "sessions",
    **{c: f"{c}-boxes" for c in directory.CHOICE_FIELDS},  # a tick-box field: its fieldset
}


# The profile's boxes, in the words its page shows ("Save it now" after a sign-in, drafts)
PROFILE_LABELS = {c: LABELS[c].split(" (")[0] for c in LABELS} | {"country": "Country"}


@keeps_text(labels=PROFILE_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
@therapist_page
def directory_profile(request: HttpRequest) -> HttpResponse:
    user = _therapist(request)
    values = request.POST if request.method == "POST" else directory.own_profile(user)
    ticked = (
        {c: request.POST.getlist(c) for c in directory.CHOICE_FIELDS}
        if request.method == "POST"
        else directory.chosen_codes(values)
    )
    shown = directory.ticked_again(ticked)
    context: dict[str, Any] = {
        "columns": [
            (c, LABELS[c])
            for c in (*COLUMNS, *CONTACT_COLUMNS)
            if c not in ("id", "in_person", "online", "availability", *directory.CHOICE_FIELDS)
        ],
        "choices": [
            (c, LABELS[c].split(" (")[0], _boxes(c, codes, shown[c]), shown[c])
            for c, codes in directory.CHOICE_FIELDS.items()
        ],
        "all_languages": _named_languages(directory.LANGUAGE_CODES),
        "values": values,
        "availability": [a.value for a in Availability],
        **_country_choice(str(values.get("country", "") or "")),
    }
    if request.method == "POST":
        try:
            directory.publish(user, directory.form_fields(request.POST.dict(), ticked))
        except ReverieError as exc:
            return with_error(request, "care/directory_profile.html", context, exc, _PROFILE_BOXES)
        context["saved"] = True
    return render(request, "care/directory_profile.html", context)


def _country_choice(stored: str) -> dict[str, Any]:
    """The profile's Country as a select by name (as the safety plan's crisis country): every country Reverie names,
    by name; the codes are the values, so what is stored stays a two-letter code. A stored code without a name (a
    CSV row's) is offered as "Country code XX" and stays chosen, never silently dropped."""
    chosen = country_code(stored)
    named = {code: name for code, name in COUNTRY_NAMES.items() if code != "EU"}  # the EU is no one's country
    if chosen and chosen not in named:
        named[chosen] = country_name(chosen)
    countries = sorted(named.items(), key=lambda pair: pair[1].casefold())
    return {"countries": countries, "chosen_country": chosen}


def _boxes(column: str, codes: Sequence[str], ticked: Sequence[str]) -> list[tuple[str, str]]:
    """A choice field's tick boxes as (code, words). Languages are too many for boxes: the ones ticked, those some
    listing holds and English are boxes, by name; any other is chosen in the "Another language" select."""
    if column != "languages":
        return [(code, words(code)) for code in codes]
    held = {code for code, _ in directory.place_choices()["languages"] if code in directory.LANGUAGE_CODES}
    return _named_languages({*ticked, *held, "en"})


def _named_languages(codes: Iterable[str]) -> list[tuple[str, str]]:
    named = ((code, directory.language_name(code)) for code in set(codes))
    return sorted(named, key=lambda pair: pair[1].casefold())


@login_required
@require_http_methods(["GET", "POST"])
@therapist_page
def directory_import(request: HttpRequest) -> HttpResponse:
    user = _therapist(request)
    context: dict[str, Any] = {"columns": COLUMNS}
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise InvalidInput("Choose a CSV file to import.")
            context["report"] = directory.import_csv(user, upload.read())
        except ReverieError as exc:
            return with_error(request, "care/directory_import.html", context, exc)
    return render(request, "care/directory_import.html", context)


@require_GET
def refer(request: HttpRequest) -> HttpResponse:
    """Make a referral link (a GP, a loved one): the fit check with a few directory filters carried along."""
    context: dict[str, Any] = {
        "values": request.GET,
        "from_choices": fit.REFERRAL_FROM.items(),
        **_place_context(request),
    }
    if request.GET.get("make"):
        try:
            token = fit.make_referral({k: request.GET.get(k, "") for k in fit.REFERRAL_KEYS})
        except ReverieError as exc:
            return with_error(request, "care/refer.html", context, exc)
        context["link"] = request.build_absolute_uri(f"{reverse('care:fit')}?ref={token}")
    return render(request, "care/refer.html", context)
