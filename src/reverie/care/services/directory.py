"""The therapist directory: profiles a therapist publishes, lists imported from CSV (all or nothing), and the
public search. Parsing, validation and matching are programmes.directory's."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from django.conf.locale import LANG_INFO
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info

from reverie.care.models import DirectoryProfile
from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action, require
from reverie.errors import Conflict, InvalidInput, PermissionDenied
from reverie.programmes import directory as rules
from reverie.programmes.countries import country_code, country_name
from reverie.programmes.directory import Availability, DirectoryQuery, Modality, Profile
from reverie.programmes.formats import PROGRAMMES

LIST_FIELDS = ("modalities", "formats", "languages")

# Languages a listing may well name that Django's table (its own translations) lacks under a two-letter code.
MORE_LANGUAGES = {
    "zh": "Chinese",
    "tl": "Tagalog",
    "am": "Amharic",
    "yo": "Yoruba",
    "zu": "Zulu",
    "xh": "Xhosa",
    "so": "Somali",
    "ha": "Hausa",
    "ti": "Tigrinya",
    "ps": "Pashto",
    "ku": "Kurdish",
    "gu": "Gujarati",
    "mt": "Maltese",
    "mi": "Māori",
    "si": "Sinhala",
    "ht": "Haitian Creole",
    "yi": "Yiddish",
    "rw": "Kinyarwanda",
    "ny": "Chichewa",
    "lo": "Lao",
}

# Every language the form offers by name: Django's table's two-letter codes (the names language_name reads) and the
# few it lacks. A therapist chooses them by name; the profile stores the codes, as a CSV row holds them.
LANGUAGE_CODES = tuple(
    sorted(
        {code for code, info in LANG_INFO.items() if len(code) == 2 and "name" in info} | set(MORE_LANGUAGES)
    )
)
CHOICE_FIELDS = {  # the profile form's choices (tick boxes; languages also a select): the codes stored, as in a CSV
    "modalities": tuple(m.value for m in Modality),
    "formats": tuple(sorted(rules.FORMATS)),
    "languages": LANGUAGE_CODES,
}
OPERATOR_IMPORT = (
    "Importing a directory list is an operator action: run `reverie directory import FILE` on the server."
)


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int


def as_profile(row: DirectoryProfile) -> Profile:
    return Profile(
        id=row.ext_id,
        name=row.name,
        modalities=tuple(Modality(m) for m in row.modalities),
        formats=tuple(row.formats),
        languages=tuple(row.languages),
        in_person=row.in_person,
        online=row.online,
        location=row.location,
        country=row.country,
        fee_min=Decimal(row.fee_min),
        fee_max=Decimal(row.fee_max),
        currency=row.currency,
        availability=Availability(row.availability),
        email=row.email,
        phone=row.phone,
        website=row.website,
        booking_url=row.booking_url,
    )


def _fill(row: DirectoryProfile, profile: Profile) -> DirectoryProfile:
    row.name, row.location, row.country = profile.name, profile.location, profile.country
    row.modalities = [m.value for m in profile.modalities]
    row.formats, row.languages = list(profile.formats), list(profile.languages)
    row.in_person, row.online = profile.in_person, profile.online
    row.fee_min, row.fee_max, row.currency = profile.fee_min, profile.fee_max, profile.currency
    row.availability = profile.availability.value
    row.email, row.phone, row.website, row.booking_url = (
        profile.email,
        profile.phone,
        profile.website,
        profile.booking_url,
    )
    row.updated_at = timezone.now()
    return row


def import_csv(actor: User | None, data: bytes) -> ImportReport:
    """Import an external list: an operator action only (``reverie directory import FILE`` on the server, with
    ``actor`` None). No signed-in person, therapist or not, may import: an import overwrites listings.

    A malformed file raises InvalidInput naming line and column, and nothing is stored.
    """
    if actor is not None:
        raise PermissionDenied(OPERATOR_IMPORT)
    profiles = rules.parse_directory_csv(data)
    if any(p.id.startswith("self-") for p in profiles):
        raise InvalidInput(
            "Ids starting with 'self-' belong to therapists' own profiles; nothing was imported."
        )
    created = updated = 0
    with transaction.atomic():
        for profile in profiles:
            row = DirectoryProfile.objects.select_for_update().filter(ext_id=profile.id).first()
            if row is not None and row.source == "self":
                raise Conflict(
                    "A profile id in the file belongs to a therapist's own profile; nothing was imported."
                )
            created, updated = (created + 1, updated) if row is None else (created, updated + 1)
            _fill(row or DirectoryProfile(ext_id=profile.id, source="import"), profile).save()
        audit.record(actor, "directory.import", "directory", "import")
    return ImportReport(created, updated)


def publish(therapist: User, fields: Mapping[str, str]) -> Profile:
    """A therapist publishes (or updates) their own profile; validated exactly as a CSV row."""
    if not (therapist.is_active and therapist.is_therapist):
        raise PermissionDenied("Only a therapist publishes a directory profile.")
    ext_id = f"self-{therapist.pk}"
    row_fields = {column: str(fields.get(column, "")) for column in (*rules.COLUMNS, *rules.CONTACT_COLUMNS)}
    for flag in ("in_person", "online"):  # the form's checkboxes: absent means no
        row_fields[flag] = row_fields[flag] or "no"
    row_fields["id"] = ext_id
    try:
        (profile,) = rules.parse_directory_csv(_one_row_csv(row_fields))
    except InvalidInput as exc:
        raise InvalidInput(_in_form_words(exc.message), field=exc.field) from None
    with transaction.atomic():
        row = DirectoryProfile.objects.select_for_update().filter(owner=therapist).first()
        row = row or DirectoryProfile(ext_id=ext_id, owner=therapist, source="self")
        require(therapist, Action.WRITE, row, "directory profile")  # a therapist edits only their own listing
        _fill(row, profile).save()
        audit.record(therapist, "directory.publish", "directory_profile", ext_id)
    return profile


def _parts(values: Sequence[str]) -> list[str]:
    """A tick-box field's values (a list, or the old form's and a CSV cell's '; '-joined text), each stripped."""
    return [part.strip() for value in values for part in re.split(r"[;,]", value) if part.strip()]


def _box_codes(column: str) -> dict[str, str]:
    """A tick-box field's codes by their lower case ("dit" → "DIT"): a value in any case finds its box."""
    return {code.lower(): code for code in CHOICE_FIELDS[column]}


def _choice(column: str, part: str) -> str | None:
    """A tick-box value as the code stored, or None when it is no choice of the field. A language is also any
    two-letter code a CSV row may hold that the form has no name for ("gu"): a listing keeps it, ticked by its code."""
    code = _box_codes(column).get(part.lower())
    if code is None and column == "languages" and re.fullmatch(r"[a-z]{2}", part.lower()):
        return part.lower()
    return code


def form_fields(single: Mapping[str, str], ticked: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The profile form's fields as one CSV row's: each tick-box field's chosen codes joined with '; '. A value that
    is not one of the boxes (a forged post) is refused by the field's label, without echoing it."""
    fields = dict(single)
    for column in CHOICE_FIELDS:
        chosen = [_choice(column, part) for part in _parts(ticked.get(column, ()))]
        if any(code is None for code in chosen):
            raise InvalidInput(
                f"{_field_words(column)}: a choice was sent that is not on the form. Tick only the boxes shown"
                + (", or choose one from the list." if column == "languages" else "."),
                field=column,
            )
        fields[column] = "; ".join(code for code in chosen if code is not None)
    return fields


def chosen_codes(values: Mapping[str, str]) -> dict[str, list[str]]:
    """The tick-box fields' codes in a published profile (own_profile's '; '-joined lists), to tick them again."""
    return {column: _parts([values.get(column, "")]) for column in CHOICE_FIELDS}


def ticked_again(ticked: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The boxes to tick on the form sent back: each posted value (a list, or the old form's '; '-joined text, in
    any case) as the box's code, so a second save keeps them; a value that is no box is left out."""
    again: dict[str, list[str]] = {}
    for column in CHOICE_FIELDS:
        codes = (_choice(column, part) for part in _parts(ticked.get(column, ())))
        again[column] = [code for code in codes if code is not None]
    return again


def modality_codes(values: Sequence[str]) -> list[str]:
    """A search link's approaches as the Approach boxes' values ("dit", " DIT " → "DIT"), to tick them again."""
    known = {m.value.lower(): m.value for m in Modality}
    return [known.get(value.strip().lower(), value) for value in values]


def _field_words(column: str) -> str:
    """A column's name as the profile form labels it, without the example: "Lowest fee per session"."""
    return rules.LABELS[column].split(" (")[0]


def _in_form_words(message: str) -> str:
    """A CSV row's error for the profile form: no line number, each column named by its form label
    ("column 'fee_min': must be ..." becomes "Lowest fee per session: must be ...")."""
    message = message.removeprefix("Line 2, ")
    for column in CHOICE_FIELDS:  # the form's tick boxes: what to do with them, not the CSV cell's wording
        message = message.replace(
            f"column '{column}': needs at least one value.", f"column '{column}': tick at least one."
        )
    message = re.sub(r"^column '(\w+)': ", lambda m: f"{_field_words(m.group(1))}: ", message)
    columns = "|".join(sorted(rules.LABELS, key=len, reverse=True))
    return re.sub(rf"\b({columns})\b(?=\.|$)", lambda m: f"the {_field_words(m.group(1)).lower()}", message)


def _one_row_csv(fields: Mapping[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*rules.COLUMNS, *rules.CONTACT_COLUMNS])
    writer.writeheader()
    writer.writerow(fields)
    return out.getvalue().encode()


def own_profile(therapist: User) -> dict[str, str]:
    """The therapist's profile as form fields (lists joined with ';'), or {} when none is published."""
    row = DirectoryProfile.objects.filter(owner=therapist).first()
    if row is None:
        return {}
    p = as_profile(row)
    values = {c: str(getattr(p, c)) for c in rules.COLUMNS if c not in LIST_FIELDS}
    values.update(modalities="; ".join(m.value for m in p.modalities), formats="; ".join(p.formats))
    values.update(languages="; ".join(p.languages), in_person="yes" if p.in_person else "no")
    values.update(online="yes" if p.online else "no", availability=p.availability.value)
    values.update({c: str(getattr(p, c)) for c in rules.CONTACT_COLUMNS})
    return values


SEARCH_PROBLEMS = {  # a search link's bad value, in the client's words (never echoing the value)
    "modality": "An approach in this search is not one the directory lists. Tick the approaches you want below.",
    "format": "A format in this search is not one the directory lists. Tick the formats you want below.",
    "mode": "Sessions are in person, online, or either.",
    "language": "Language: two letters, such as en for English.",
    "country": "Country: two letters, such as GB for the United Kingdom.",
    "include_full": "Practices that are full: tick the box to include them, or leave it empty.",
    "currency": "Currency: three letters, such as GBP or EUR.",
}

TICKED = frozenset({"1", "true", "on", "yes"})
UNTICKED = frozenset({"0", "false", "off", "no", ""})


def ticked(raw: str) -> bool | None:
    """A tick box's or yes/no query value, read one way in any case ("YES", "True", "on" → True; "0", "off", "no"
    or empty → False); ``None`` for anything else, which the caller refuses."""
    value = raw.strip().lower()
    return True if value in TICKED else False if value in UNTICKED else None


def query_from(params: Mapping[str, list[str]]) -> DirectoryQuery:
    """The public search form's filters (several ``modality``/``format`` values allowed). A value the form could
    not have sent (a hand-edited or stale link) is refused with a plain message rather than finding nothing."""
    prefill = {"modalities": params.get("modality", []), "formats": params.get("format", [])}
    one = {k: (v[-1].strip() if v else "") for k, v in params.items()}
    known = {
        "modality": {m.value.lower() for m in Modality},
        "format": set(rules.FORMATS),
    }
    for key, codes in known.items():
        if any(value.strip().lower() not in codes for value in params.get(key, []) if value.strip()):
            raise InvalidInput(SEARCH_PROBLEMS[key], field=key)
    prefill = {name: [v.strip() for v in values if v.strip()] for name, values in prefill.items()}
    if one.get("mode") and one["mode"] not in ("in_person", "online", "either"):
        raise InvalidInput(SEARCH_PROBLEMS["mode"], field="mode")
    for key in ("language", "country"):
        if one.get(key) and not re.fullmatch(r"[A-Za-z]{2}", one[key]):
            raise InvalidInput(SEARCH_PROBLEMS[key], field=key)
    currency = one.get("currency", "")
    if currency and not re.fullmatch(r"[A-Za-z]{3}", currency):
        raise InvalidInput(SEARCH_PROBLEMS["currency"], field="currency")
    include_full = ticked(one.get("include_full", ""))
    if include_full is None:
        raise InvalidInput(SEARCH_PROBLEMS["include_full"], field="include_full")
    overrides: dict[str, object] = {
        "language": one.get("language") or None,
        "mode": one.get("mode") or "either",
        "location": one.get("location") or None,
        "country": one.get("country") or None,
        "max_fee": _fee(one.get("max_fee", "")),
        "currency": currency.upper() or None,
        "include_full": include_full,
    }
    return rules.query_from_prefill(prefill, **overrides)


def _fee(raw: str) -> Decimal | None:
    if not raw:
        return None
    try:
        fee = Decimal(raw)
    except InvalidOperation:
        raise InvalidInput("The highest fee must be a number.", field="max_fee") from None
    if not fee.is_finite() or fee < 0:
        raise InvalidInput("The highest fee must be a number from 0.", field="max_fee")
    return fee


def language_name(code: str) -> str:
    """A two-letter language code's English name ("de" → "German"), from Django's table of languages (the one
    the directory's listings already read by) and the few it lacks; a code neither names stays as it is."""
    key = code.lower()
    try:
        return str(get_language_info(key)["name"])
    except KeyError:
        return MORE_LANGUAGES.get(key, code)


def place_choices(chosen_language: str = "", chosen_country: str = "") -> dict[str, list[tuple[str, str]]]:
    """The search's Language and Country selects: (code, name) for each language and country some listing holds,
    by name, plus a chosen one no listing holds (an old link: kept, never lost). The codes are the query's."""
    languages: set[str] = set()
    countries: set[str] = set()
    for row_languages, country in DirectoryProfile.objects.values_list("languages", "country"):
        languages.update(str(code).lower() for code in row_languages)
        countries.add(country_code(str(country)))
    if re.fullmatch(r"[A-Za-z]{2}", chosen_language):
        languages.add(chosen_language.lower())
    if re.fullmatch(r"[A-Za-z]{2}", chosen_country):
        countries.add(country_code(chosen_country))
    return {
        "languages": sorted(((c, language_name(c)) for c in languages), key=lambda pair: pair[1].casefold()),
        "countries": sorted(((c, country_name(c)) for c in countries), key=lambda pair: pair[1].casefold()),
    }


# The search form's "Course" boxes: a format as the course it is, not the approach's name again (the "Approach"
# boxes already read "art therapy", "Dynamic Interpersonal Therapy (DIT)", ...). Lengths are the programmes'.
_LENGTHS = {p.id.value: p.duration_text for p in PROGRAMMES}
_DIT = next(p for p in PROGRAMMES if p.id.value == "dit")  # its course is 16 weekly sessions, said as such
COURSE_WORDS = {
    "dit": f"a fixed course of {_DIT.sessions_default} weekly sessions, {_DIT.duration_text}",
    "brief_psychodynamic": f"brief, {_LENGTHS['brief_psychodynamic']}",
    "medium_term": f"medium-term, {_LENGTHS['medium_term']}",
    "long_term": f"long-term, {_LENGTHS['long_term']}",
    "art_therapy": "a course using art making",
    "music_therapy": "a course using music",
    "cbt": "a set CBT course",
}


def any_listed() -> bool:
    """Whether the directory lists anyone at all (an empty search then says "try fewer filters", else "no one yet")."""
    return DirectoryProfile.objects.exists()


def search(query: DirectoryQuery) -> list[Profile]:
    return rules.search((as_profile(row) for row in DirectoryProfile.objects.all()), query)


def main_currency() -> str | None:
    """The currency most listings are in: the highest fee's currency when the person chose none."""
    return rules.main_currency(
        str(code) for code in DirectoryProfile.objects.values_list("currency", flat=True)
    )


def currency_choices(chosen: str = "") -> list[str]:
    """The highest fee's Currency select: each currency some listing is in, plus a chosen one none is in (an old
    link's, kept). No rates: a fee is compared only with fees in the same currency."""
    held = {str(code).upper() for code in DirectoryProfile.objects.values_list("currency", flat=True)}
    if re.fullmatch(r"[A-Za-z]{3}", chosen):
        held.add(chosen.upper())
    return sorted(held)


@dataclass(frozen=True, slots=True)
class Results:
    page: rules.Page
    other_currencies: dict[str, int]  # listings not compared: their fees are in another currency, by currency


def search_page(query: DirectoryQuery, raw_page: str) -> Results:
    """One page of a search (``rules.PAGE_SIZE`` a page, one stable order). A highest fee without a currency is in
    the currency most listings are in; listings in other currencies are counted, never converted nor hidden silently.
    A page number that is no whole number from 1, or past the last page, raises InvalidInput in plain words."""
    number = rules.page_number(raw_page)
    if query.max_fee is not None and query.currency is None:
        query = replace(query, currency=main_currency())
    found = rules.search_in_currency((as_profile(row) for row in DirectoryProfile.objects.all()), query)
    return Results(rules.page_of(found.profiles, number), found.other_currencies)
