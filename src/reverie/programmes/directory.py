"""The therapist directory: profiles, an all-or-nothing CSV import, and the search filter.

CSV columns (header required, order free, extra columns ignored): id, name, modalities, formats, languages,
in_person, online, location, country, fee_min, fee_max, currency, availability. List fields use ``;`` (or ``,``).

The files people save from Excel are read as they are: comma, semicolon (European Excel) or tab separated (found
from the header line); UTF-8 with or without a BOM, UTF-16 ("Unicode Text") or Windows ANSI (cp1252); the blank
rows Excel leaves at the end are ignored. Every error says where (line, column) and how to fix the file.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from reverie.errors import InvalidInput
from reverie.programmes.countries import country_code
from reverie.programmes.formats import ProgrammeId

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_FEE = Decimal(100_000)
COLUMNS = (
    "id", "name", "modalities", "formats", "languages", "in_person", "online", "location", "country",
    "fee_min", "fee_max", "currency", "availability",
)  # fmt: skip
CONTACT_COLUMNS = ("email", "phone", "website", "booking_url")  # optional: how a client gets in touch
LABELS = {
    "id": "Listing id",
    "name": "Name as clients see it",
    "modalities": "Approaches (e.g. psychodynamic; DIT)",
    "formats": "Formats offered (e.g. dit; long_term)",
    "languages": "Languages (two-letter codes, e.g. en; de)",
    "in_person": "Sessions in person",
    "online": "Sessions online",
    "location": "Town (for sessions in person)",
    "country": "Country (two letters, e.g. GB)",
    "fee_min": "Lowest fee per session",
    "fee_max": "Highest fee per session",
    "currency": "Currency (three letters, e.g. GBP)",
    "availability": "Taking new clients?",
    "email": "E-mail for enquiries",
    "phone": "Telephone",
    "website": "Website",
    "booking_url": "Link to book a first session",
}
_ID = re.compile(r"[A-Za-z0-9_\-]{1,64}")
_EMAIL = re.compile(r"[^@\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}")
_PHONE = re.compile(r"\+?[0-9][0-9 ()\-]{5,24}")
_URL = re.compile(r"https?://[A-Za-z0-9.-]{1,200}(:[0-9]{1,5})?(/[^\s<>\"]{0,800})?")
_LANGUAGE = re.compile(r"[a-z]{2}")
_TRUE, _FALSE = {"yes", "true", "1", "y"}, {"no", "false", "0", "n"}


class Modality(StrEnum):
    PSYCHODYNAMIC = "psychodynamic"
    PSYCHOANALYTIC = "psychoanalytic"
    DIT = "DIT"
    ART = "art"
    MUSIC = "music"
    CBT = "CBT"
    INTEGRATIVE = "integrative"
    PERSON_CENTRED = "person-centred"
    SYSTEMIC = "systemic"


class Availability(StrEnum):
    OPEN = "open"
    WAITLIST = "waitlist"
    FULL = "full"


FORMATS = frozenset({*(p.value for p in ProgrammeId), "cbt"})


# Money as a person reads it, the same in every locale: the sign before the amount for these currencies, every
# other currency's code after it ("80–120 CHF"). "$" is the US dollar; the other dollars say whose.
CURRENCY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$", "CAD": "CA$", "AUD": "A$"}


def fee_text(low: Decimal, high: Decimal, currency: str) -> str:
    """A fee or a range of fees in one currency as a person reads it: "£80–£120", "€60", "CA$90", "80–120 CHF";
    one amount when the lowest and highest are the same; whole amounts without ".00". The one rule for every page."""

    def amount(fee: Decimal) -> str:
        return f"{fee:.0f}" if fee == fee.to_integral_value() else f"{fee:.2f}"

    code = currency.upper()
    sign = CURRENCY_SIGNS.get(code)
    amounts = list(dict.fromkeys((amount(low), amount(high))))
    if sign is not None:
        return "–".join(f"{sign}{a}" for a in amounts)
    return f"{'–'.join(amounts)} {code}"


@dataclass(frozen=True, slots=True)
class Profile:
    """A therapist's public directory profile. Fees are per session, in ``currency``."""

    id: str
    name: str
    modalities: tuple[Modality, ...]
    formats: tuple[str, ...]
    languages: tuple[str, ...]
    in_person: bool
    online: bool
    location: str
    country: str
    fee_min: Decimal
    fee_max: Decimal
    currency: str
    availability: Availability
    email: str = ""
    phone: str = ""
    website: str = ""
    booking_url: str = ""


class _CellError(ValueError):
    """A cell failed to parse; carries a message that never contains the cell's value."""


def parse_directory_csv(data: bytes) -> list[Profile]:
    """Parse a directory CSV; any error raises InvalidInput naming line and column; nothing partial."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"A directory file may be at most {MAX_BYTES // (1024 * 1024)} MiB.")
    text = _decode(data)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    profiles: list[Profile] = []
    seen: set[str] = set()
    try:
        _check_header(reader.fieldnames)
        for row in _rows(reader):
            profile = _profile(reader.line_num, row)
            if profile.id in seen:
                raise InvalidInput(f"Line {reader.line_num}, column 'id': the same id appears twice.")
            seen.add(profile.id)
            profiles.append(profile)
    except csv.Error:
        raise InvalidInput(
            f"Line {reader.line_num}: the CSV is malformed (a quote is not closed, or a line is broken). {SAVE_AS}"
        ) from None
    return profiles


SAVE_AS = "In Excel: File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)'."


def _decode(data: bytes) -> str:
    """UTF-16 (by BOM, or by its many NUL bytes), UTF-8 (BOM or not), else Windows ANSI (cp1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (data[:200].count(b"\x00") > len(data[:200]) // 4 > 0):
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-16-le"
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise InvalidInput(f"The file looks like UTF-16 text but is damaged. {SAVE_AS}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"Line {line} is not valid UTF-8, UTF-16 or Windows (ANSI) text. {SAVE_AS}"
        ) from None


def _delimiter(text: str) -> str:
    """The separator the header line uses: ',' (default), ';' (European Excel) or a tab (Unicode Text)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def _check_header(fieldnames: Iterable[str] | None) -> None:
    present = {name.strip() for name in fieldnames or ()}
    missing = [column for column in COLUMNS if column not in present]
    if missing:
        raise InvalidInput(
            f"Line 1: missing column(s): {', '.join(missing)}. The first line must name the columns "
            f"({', '.join(COLUMNS)}), in any order, separated by commas or semicolons."
        )


def _rows(reader: csv.DictReader[str]) -> Iterable[dict[str, str]]:
    for count, row in enumerate(reader, start=1):
        if count > MAX_ROWS:
            raise InvalidInput(f"A directory file may hold at most {MAX_ROWS} profiles.")
        extras = row.get(None) or []
        cells = [value for key, value in row.items() if key is not None] + list(extras)
        if not any((cell or "").strip() for cell in cells):
            continue  # the blank rows Excel adds at the end (";;;;;")
        if None in row or any(value is None for value in row.values()):
            raise InvalidInput(
                f"Line {reader.line_num}: expected {len(reader.fieldnames or ())} fields. A cell holding the "
                "separator must be in double quotes; Excel does this when it saves as CSV."
            )
        yield {key.strip(): value.strip() for key, value in row.items()}


def _profile(line: int, row: Mapping[str, str]) -> Profile:
    def cell(column: str, parse: Callable[[str], Any]) -> Any:
        try:
            return parse(row[column])
        except _CellError as error:
            raise InvalidInput(f"Line {line}, column '{column}': {error}", field=column) from None

    def optional(column: str, pattern: re.Pattern[str], problem: str) -> str:
        value = (row.get(column) or "").strip()
        if value and not pattern.fullmatch(value):
            raise InvalidInput(f"Line {line}, column '{column}': {problem}", field=column)
        return value

    fee_min, fee_max = cell("fee_min", _fee), cell("fee_max", _fee)
    if fee_max < fee_min:
        raise InvalidInput(f"Line {line}, column 'fee_max': must not be below fee_min.", field="fee_max")
    profile = Profile(
        id=cell("id", _identifier),
        name=cell("name", _text(120, required=True)),
        modalities=cell("modalities", _list_of(_modality, required=True)),
        formats=cell("formats", _list_of(_format, required=False)),
        languages=cell("languages", _list_of(_language, required=True)),
        in_person=cell("in_person", _bool),
        online=cell("online", _bool),
        location=cell("location", _text(100, required=False)),
        country=cell("country", _code(2, "a two-letter country code")),
        fee_min=fee_min,
        fee_max=fee_max,
        currency=cell("currency", _code(3, "a three-letter currency code")),
        availability=cell("availability", _availability),
        email=optional("email", _EMAIL, "must be an e-mail address such as name@example.org."),
        phone=optional("phone", _PHONE, "must be a telephone number such as +44 20 7946 0000."),
        website=optional("website", _URL, "must be a web address starting with https://."),
        booking_url=optional("booking_url", _URL, "must be a web address starting with https://."),
    )
    if not (profile.in_person or profile.online):
        raise InvalidInput(
            f"Line {line}, column 'online': a profile must offer in-person or online sessions.",
            field="online",
        )
    if profile.in_person and not profile.location:
        raise InvalidInput(
            f"Line {line}, column 'location': needed for in-person sessions.", field="location"
        )
    return profile


def _identifier(value: str) -> str:
    if not _ID.fullmatch(value):
        raise _CellError("must be 1–64 letters, digits, '_' or '-'.")
    return value


def _text(limit: int, *, required: bool) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if (required and not value) or len(value) > limit or "\n" in value:
            raise _CellError(f"must be one line of {'1' if required else '0'}–{limit} characters.")
        return value

    return parse


def _list_of(parse: Callable[[str], Any], *, required: bool) -> Callable[[str], tuple[Any, ...]]:
    def parse_list(value: str) -> tuple[Any, ...]:
        items = tuple(parse(part.strip()) for part in re.split(r"[;,]", value) if part.strip())
        if required and not items:
            raise _CellError("needs at least one value.")
        return tuple(dict.fromkeys(items))

    return parse_list


def _modality(value: str) -> Modality:
    for modality in Modality:
        if modality.value.lower() == value.lower():
            return modality
    raise _CellError(f"unknown modality; expected: {', '.join(m.value for m in Modality)}.")


def _format(value: str) -> str:
    if value.lower() not in FORMATS:
        raise _CellError(f"unknown format; expected: {', '.join(sorted(FORMATS))}.")
    return value.lower()


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value.lower()):
        raise _CellError("languages are two-letter ISO 639-1 codes such as 'en'.")
    return value.lower()


def _bool(value: str) -> bool:
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise _CellError("must be yes or no.")


def _code(length: int, what: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if len(value) != length or not value.isascii() or not value.isalpha():
            raise _CellError(f"must be {what}.")
        return value.upper()

    return parse


def _fee(value: str) -> Decimal:
    try:
        fee = Decimal(value)
    except InvalidOperation:
        raise _CellError("must be a number such as 80 or 80.50.") from None
    if not fee.is_finite() or not 0 <= fee <= MAX_FEE or int(fee.as_tuple().exponent) < -2:
        raise _CellError("must be a number from 0 with at most two decimals.")
    return fee


def _availability(value: str) -> Availability:
    try:
        return Availability(value.lower())
    except ValueError:
        raise _CellError("must be open, waitlist or full.") from None


@dataclass(frozen=True, slots=True)
class DirectoryQuery:
    """Search filters; empty sets and None mean "any". ``mode`` is in_person, online or either."""

    modalities: frozenset[Modality] = field(default_factory=frozenset)
    formats: frozenset[str] = field(default_factory=frozenset)
    language: str | None = None
    mode: str = "either"
    location: str | None = None
    country: str | None = None
    max_fee: Decimal | None = None
    currency: str | None = (
        None  # the highest fee's currency: fees are compared within it only, never converted
    )
    include_full: bool = False


def query_from_prefill(prefill: Mapping[str, Any], **overrides: Any) -> DirectoryQuery:
    """Build a query from ``FitResult.search_prefill``, then apply the person's own filters."""
    modalities = frozenset(_modality_or_invalid(value) for value in prefill.get("modalities", ()))
    formats = frozenset(str(value).lower() for value in prefill.get("formats", ()))
    query = DirectoryQuery(modalities=modalities, formats=formats)
    try:
        return DirectoryQuery(**{**_as_kwargs(query), **overrides})
    except TypeError:
        raise InvalidInput("The directory search got a filter it does not know.") from None


def _modality_or_invalid(value: object) -> Modality:
    try:
        return _modality(str(value))
    except _CellError as error:
        raise InvalidInput(f"Directory search: {error}") from None


def _as_kwargs(query: DirectoryQuery) -> dict[str, Any]:
    return {name: getattr(query, name) for name in DirectoryQuery.__dataclass_fields__}


def matches(profile: Profile, query: DirectoryQuery) -> bool:
    """Whether ``profile`` passes every filter of ``query``.

    Location applies to in-person sessions only: with mode "either", an online profile matches anywhere.
    Full practices are left out unless ``include_full``; the fee filter compares the lowest fee, and only with a
    listing in the query's ``currency`` (when it names one): a listing in another currency does not match.
    """
    if query.mode not in ("in_person", "online", "either"):
        raise InvalidInput("The session mode is in_person, online or either.")
    checks = (
        not query.modalities or bool(query.modalities & set(profile.modalities)),
        not query.formats or bool(query.formats & set(profile.formats)),
        query.language is None or query.language.lower() in profile.languages,
        query.country is None or country_code(query.country) == country_code(profile.country),
        query.max_fee is None or (_same_currency(profile, query) and profile.fee_min <= query.max_fee),
        query.include_full or profile.availability is not Availability.FULL,
        _mode_matches(profile, query),
    )
    return all(checks)


# Latin letters with no decomposition that a keyboard without them writes as these ("Tromso" for Tromsø).
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def place_key(town: str) -> str:
    """A town as a person reads it, for comparing: Unicode compatibility-normalised (a decomposed "Zürich" from a
    macOS copy-paste, full-width letters), case and accents ignored ("zurich", "ZURICH" and "Zürich" are one town),
    runs of spaces one. The directory compares both the listing's town and the one searched for through this."""
    letters = unicodedata.normalize("NFKD", town).casefold()
    bare = "".join(c for c in letters if not "\u0300" <= c <= "\u036f")  # the combining diacritical marks
    return " ".join(unicodedata.normalize("NFKC", bare).translate(_LETTERS).split())


def _mode_matches(profile: Profile, query: DirectoryQuery) -> bool:
    near = query.location is None or place_key(profile.location) == place_key(query.location)
    in_person = profile.in_person and near
    if query.mode == "in_person":
        return in_person
    if query.mode == "online":
        return profile.online
    return in_person or profile.online


def _same_currency(profile: Profile, query: DirectoryQuery) -> bool:
    return query.currency is None or profile.currency.upper() == query.currency.upper()


_ORDER = {Availability.OPEN: 0, Availability.WAITLIST: 1, Availability.FULL: 2}


def _ordered(found: Iterable[Profile]) -> list[Profile]:
    """Open practices first, then by lowest fee, name and id: one order every time, so pages never shift."""
    return sorted(found, key=lambda p: (_ORDER[p.availability], p.fee_min, p.name.casefold(), p.id))


def search(profiles: Iterable[Profile], query: DirectoryQuery) -> list[Profile]:
    """Profiles that match, open practices first, then by lowest fee, name and id."""
    return _ordered(profile for profile in profiles if matches(profile, query))


@dataclass(frozen=True, slots=True)
class Found:
    """A search's listings, and those left out only because their fees are in another currency than the highest
    fee's (not compared: there is no honest rate to convert with), each currency with how many."""

    profiles: list[Profile]
    other_currencies: dict[str, int]


def search_in_currency(profiles: Iterable[Profile], query: DirectoryQuery) -> Found:
    """:func:`search`, counting the listings that pass every other filter but are in another currency than the
    highest fee's, so the page can say so rather than hide them."""
    found: list[Profile] = []
    others: dict[str, int] = {}
    loose = DirectoryQuery(**{**_as_kwargs(query), "max_fee": None, "currency": None})
    for profile in profiles:
        if matches(profile, query):
            found.append(profile)
        elif query.max_fee is not None and not _same_currency(profile, query) and matches(profile, loose):
            others[profile.currency.upper()] = others.get(profile.currency.upper(), 0) + 1
    return Found(_ordered(found), dict(sorted(others.items())))


def main_currency(currencies: Iterable[str]) -> str | None:
    """The currency most listings are in (ties by code), for the highest fee's currency when none is chosen."""
    counts: dict[str, int] = {}
    for code in currencies:
        counts[code.upper()] = counts.get(code.upper(), 0) + 1
    return min(counts, key=lambda code: (-counts[code], code)) if counts else None


PAGE_SIZE = 20


@dataclass(frozen=True, slots=True)
class Page:
    """One page of results: ``number`` of ``pages`` (at least 1, even when nothing was found), ``total`` in all."""

    profiles: list[Profile]
    number: int
    pages: int
    total: int


def page_number(raw: str) -> int:
    """A link's page number: empty is 1; anything but a whole number from 1 is refused in plain words."""
    text = raw.strip()
    if not text:
        return 1
    if not re.fullmatch(r"[0-9]{1,9}", text) or int(text) < 1:
        raise InvalidInput("Page: a whole number from 1, such as 2.")
    return int(text)


def page_of(found: list[Profile], number: int, size: int = PAGE_SIZE) -> Page:
    """Page ``number`` of ``found`` (already in its order). A page past the last is refused, naming how many there
    are, rather than shown empty."""
    pages = max(1, -(-len(found) // size))
    if number < 1 or number > pages:
        raise InvalidInput(
            f"There is no page {number}: this search has {pages} page{'s' if pages != 1 else ''}."
        )
    start = (number - 1) * size
    return Page(found[start : start + size], number, pages, len(found))
