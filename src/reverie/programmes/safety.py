"""Crisis lines per country (packaged JSON, overridable by a user file) and the safety-plan structure.

The crisis-line file format is versioned (``"format": "reverie.crisis-lines/1"``). A user file in the same
format replaces the packaged list of every country it names and adds new countries.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reverie import text
from reverie.errors import ConfigurationError, InvalidInput
from reverie.programmes.countries import country_code

FORMAT = "reverie.crisis-lines/1"
CHANNELS = frozenset({"call", "text"})
KINDS = frozenset({"crisis", "emergency"})
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "HU",
    ]
)
# Places with their own code (zone.tab gives Europe/Jersey JE, Europe/Guernsey GG, Europe/Isle_of_Man IM …) that are
# reached on another country's crisis lines, so a person whose time zone is theirs reads those lines first. Only
# where that country's numbers are known to work there (docs/course.md, "Crisis lines for other territories", says
# which were checked and why; h161): the Crown Dependencies on the United Kingdom's (Samaritans 116 123, 999; h156);
# the United States' territories on its lines (988 must reach the Lifeline from every carrier there, the FCC's rule,
# and 911 is their emergency number); France's overseas departments and Saint-Martin on France's (3114 answers there,
# each with a centre of its own or the one it is routed to, and 112, EU law there); Åland on Finland's, which are the
# EU's 112. A crisis-line file that lists one of them itself is read first: :meth:`CrisisDirectory.listed_as`.
LINES_OF = {
    "JE": "GB",
    "GG": "GB",
    "IM": "GB",
    **dict.fromkeys(("PR", "VI", "GU", "MP", "AS"), "US"),
    **dict.fromkeys(("RE", "YT", "GP", "MQ", "GF", "MF"), "FR"),
    "AX": "FI",
}
_COUNTRY = re.compile(r"[A-Z]{2}")
# A phone number as typed: digits of any script (``\\d`` is every Unicode decimal digit: 0-9, Arabic-Indic ٠-٩,
# Extended Arabic-Indic ۰-۹, Devanagari …), spaces, -, brackets and a + at the start or just inside an opening
# bracket ("+44 …", "(+44) …"). It is kept as typed, for display; :func:`phone_form` (invisible marks out, every
# kind of space a plain one) is what is checked, and :func:`dialled` gives the ASCII form a tel:/sms: link needs.
_PHONE = re.compile(r"(?:\(\+|\+)?[\d ()\-]+")
# Between 3 digits (a short number: 112, 988, 999) and 20 (an international prefix such as 0011, a country code
# and the longest E.164 number with a few to spare).
PHONE_MIN_DIGITS = 3
PHONE_MAX_DIGITS = 20
PHONE_MAX_CHARS = 40  # with its spaces, brackets and dashes


def phone_form(number: str) -> str:
    """The number as checked and dialled: invisible format characters removed (the direction marks U+200E/U+200F/
    U+061C and bidi isolates an Arabic keyboard or a copy from right-to-left text adds, zero-width joiners …: Unicode
    category Cf) and every Unicode space separator (no-break U+00A0, narrow no-break U+202F …: category Zs) made a
    plain space, ends trimmed. The one normalising step of :func:`phone_problem` and :func:`dialled`."""
    kept = (" " if unicodedata.category(c) == "Zs" else c for c in number if unicodedata.category(c) != "Cf")
    return "".join(kept).strip()


def phone_problem(number: str) -> str | None:
    """Why a typed number cannot be kept (a sentence to show), or None when it can: only digits, spaces, -,
    brackets and a leading + (after :func:`phone_form`), at most PHONE_MAX_CHARS characters, and between
    PHONE_MIN_DIGITS and PHONE_MAX_DIGITS digits.

    A trunk zero is never a reason, nor is the numbering plan's word on a number: "+44 (0)20 …", "+44 020 …",
    "011 44 (0)20 …" and "+39 06 …" are linked as they are dialled (:func:`dialled`), and a stored plan is checked
    again each time it is read, so a form refused here would make a plan already kept unreadable (its Safety page
    with it)."""
    form = phone_form(number)
    if len(form) > PHONE_MAX_CHARS:
        return f"a phone number is at most {PHONE_MAX_CHARS} characters."
    if not _PHONE.fullmatch(form):
        return "the phone number may hold only digits, spaces, +, - and brackets."
    if not PHONE_MIN_DIGITS <= sum(c.isdecimal() for c in form) <= PHONE_MAX_DIGITS:
        return f"a phone number needs {PHONE_MIN_DIGITS} to {PHONE_MAX_DIGITS} digits."
    return None


# A number written in international form: the + (or "(+"), 0011 (Australia's international prefix), 00 (the one of
# most of the world) or 011 (the one of the US and Canada), read on the number's digits and its + (:func:`dialled`).
# Longest first: "0011 44 …" is tried as 0011 before 00 (review r109). A prefix that is also how some region's own
# numbers begin (0011, 011) is taken only where the plan calls the rest valid and the digits are no region's number.
_PREFIXES = ("+", "0011", "00", "011")
_AMBIGUOUS_PREFIXES = frozenset({"0011", "011"})


def dialled(number: str) -> str:
    """The number to dial: its digits as ASCII 0-9 (``unicodedata.decimal``) and its +, nothing else
    ("٠٧٧٠٠ ٩٠٠١٢٣" → "07700900123", "0800 123 (4)" → "08001234", "(+44) 7700 900123" → "+447700900123"), from
    :func:`phone_form`. The one form of every tel: and sms: link.

    A number written in international form (+CC, 00CC or 011CC) is read by the numbering plans of the
    ``phonenumbers`` library (:func:`_international_form`), which leave out a trunk zero after the country code,
    bracketed or not, as every caller from abroad dials it, and keep the 0 of the countries that dial it (Italy:
    "+39 06 …" → "+3906…"): "+44 (0)20 7946 0000", "+44 020 7946 0000" → "+442079460000", "0044 020 7946 0000" →
    "00442079460000", "011 44 (0)20 7946 0000" → "011442079460000" (the international prefix as written). A number
    the library cannot read, or says is not a possible number, and a number without a country code are dialled as
    written: "(020) 7946 0000" → "02079460000", "(0)20 7946 0000" → "02079460000"."""
    form = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in phone_form(number))
    digits = "".join(c for c in form if c.isdecimal() or c == "+")
    return _international_form(digits) or digits


def _international_form(digits: str) -> str | None:
    """``digits`` (ASCII digits and a leading +) with the country code and the national number the numbering plan
    gives (E.164, after the international prefix as written), or None where the number is not in international
    form or the plan does not know it as a possible number. A 0011 or 011 number is read so only where the plan calls
    it valid and its digits are no region's own number (Leeds "0113 …", Delhi "011 …", Sapporo "011-…" are dialled
    as written). ``phonenumbers`` is imported here: its import and its metadata (loaded per country, on first
    use) cost nothing to a process that links no such number."""
    for prefix in _PREFIXES:
        rest = digits.removeprefix(prefix)
        if rest != digits and rest[:1].isdecimal():
            read = _read_after(prefix, rest, digits)
            if read is not None:
                return read
    return None


def _read_after(prefix: str, rest: str, digits: str) -> str | None:
    """``prefix`` + the E.164 digits of ``rest`` read as a country code and a national number, or None."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+" + rest, None)
    except phonenumbers.NumberParseException:
        return None
    if prefix in _AMBIGUOUS_PREFIXES:
        if not phonenumbers.is_valid_number(parsed) or _a_national_number(digits):
            return None
    elif not phonenumbers.is_possible_number(parsed):
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return prefix + e164.removeprefix("+")


def _a_national_number(digits: str) -> bool:
    """Whether ``digits`` is a valid number of some region dialled within it (its own country code once read)."""
    import phonenumbers

    for region in phonenumbers.SUPPORTED_REGIONS:
        try:
            parsed = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if parsed.country_code == phonenumbers.country_code_for_region(
            region
        ) and phonenumbers.is_valid_number(parsed):
            return True
    return False


def may_be_mobile(number: str, region: str | None) -> bool:
    """Whether a text may reach ``number``: False only where the numbering plan of ``phonenumbers`` calls it a fixed
    line, read in ``region`` (the person's country, an ISO code; a number in international form needs none). A
    mobile, a number that may be either (the United States' "FIXED_LINE_OR_MOBILE"), one the plan does not know, or
    one it cannot read (no region and no country code) may be: err toward reach (review r132: a London landline,
    "020 7946 0958", had a "Text" link)."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(dialled(number), region or None)
    except phonenumbers.NumberParseException:
        return True
    return bool(phonenumbers.number_type(parsed) != phonenumbers.PhoneNumberType.FIXED_LINE)


def tel_href(number: str) -> str:
    """A ``tel:`` link a phone can tap to call: digits and a leading + only ("0800 123 (4)" → "tel:08001234")."""
    return f"tel:{dialled(number)}"


def sms_href(number: str, body: str | None = None) -> str:
    """An ``sms:`` link, with the message to send when the line asks for a keyword (``sms:741741?body=HOME``)."""
    href = f"sms:{dialled(number)}"
    return f"{href}?body={quote(body)}" if body else href


@dataclass(frozen=True, slots=True)
class CrisisLine:
    """One line to call or text. ``text_keyword`` is what to send for a text line (e.g. HOME to 741741)."""

    name: str
    number: str
    channels: tuple[str, ...]
    kind: str
    source: str
    text_keyword: str | None = None

    @property
    def instruction(self) -> str:
        """Plain words for the screen: 'Call or text 988', 'Text HOME to 741741'."""
        if self.text_keyword:
            return f"Text {self.text_keyword} to {self.number}"
        verbs = " or ".join(channel for channel in ("call", "text") if channel in self.channels)
        return f"{verbs.capitalize()} {self.number}"

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """(label, href) to tap on a phone: ``tel:`` to call, ``sms:`` to text (with the keyword as the body)."""
        out = []
        if "call" in self.channels:
            out.append((f"Call {self.number}", tel_href(self.number)))
        if "text" in self.channels:
            label = (
                f"Text {self.text_keyword} to {self.number}" if self.text_keyword else f"Text {self.number}"
            )
            out.append((label, sms_href(self.number, self.text_keyword)))
        return tuple(out)


@dataclass(frozen=True, slots=True)
class CrisisDirectory:
    """The loaded crisis lines, keyed by ISO 3166 country code (plus ``EU`` for 112)."""

    countries: Mapping[str, tuple[CrisisLine, ...]]
    reviewed: str = ""

    def lines_for(self, country: str) -> tuple[CrisisLine, ...]:
        """Lines for a country; EU members without their own list get 112; unknown countries get ()."""
        listed = self.listed_as(country)
        return self.countries[listed] if listed else ()

    def listed_as(self, country: str | None) -> str | None:
        """The entry a country's lines are listed under: its own code ("uk" → "GB"), ``EU`` for a member without
        its own list ("ES"), the country whose lines it is reached on (:data:`LINES_OF`: Jersey "JE" → "GB", Åland
        "AX" → Finland's, "EU"), None for a country with no lines here (its people are told to call their local
        emergency number, beside every country's lines in a fixed order, said so)."""
        code = country_code(country or "")
        if code in self.countries:
            return code
        if code in EU_MEMBERS and "EU" in self.countries:
            return "EU"
        if code in LINES_OF:
            return self.listed_as(LINES_OF[code])  # Åland: Finland's, which are the EU's 112
        return None

    def ordered(self, likely: Sequence[str | None] = ()) -> tuple[str, ...]:
        """Every entry's code, each likely country's (in the order given, one with no lines skipped) first, then
        the others in the file's order (the packaged list's: the United States first). None left out."""
        first = [listed for listed in map(self.listed_as, likely) if listed]
        return tuple(dict.fromkeys([*first, *self.countries]))


def load_crisis_lines(override: Path | None = None) -> CrisisDirectory:
    """Load the packaged list, then apply a user file (same format) when ``override`` is given."""
    packaged = resources.files("reverie.programmes").joinpath("crisis_lines.json").read_text("utf-8")
    base = parse_crisis_lines(json.loads(packaged))
    if override is None:
        return base
    try:
        raw = json.loads(override.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ConfigurationError("The crisis-line file cannot be read as UTF-8 JSON.") from None
    extra = parse_crisis_lines(raw)
    return CrisisDirectory({**base.countries, **extra.countries}, extra.reviewed or base.reviewed)


def parse_crisis_lines(raw: Any) -> CrisisDirectory:
    """Validate a crisis-line document; errors name the country and entry number."""
    if not isinstance(raw, Mapping) or raw.get("format") != FORMAT:
        raise ConfigurationError(f'A crisis-line file must be a JSON object with "format": "{FORMAT}".')
    countries = raw.get("countries")
    if not isinstance(countries, Mapping):
        raise ConfigurationError("A crisis-line file needs a 'countries' object.")
    parsed = {}
    for code, entries in countries.items():
        if not isinstance(code, str) or not _COUNTRY.fullmatch(code) or not isinstance(entries, list):
            raise ConfigurationError("Crisis lines are listed under two-letter upper-case country codes.")
        parsed[code] = tuple(_line(code, index, entry) for index, entry in enumerate(entries, start=1))
    return CrisisDirectory(parsed, str(raw.get("reviewed", "")))


def _line(code: str, index: int, entry: Any) -> CrisisLine:
    where = f"Crisis line {code} #{index}"
    if not isinstance(entry, Mapping):
        raise ConfigurationError(f"{where} must be an object.")
    fields = {key: entry.get(key) for key in ("name", "number", "kind", "source")}
    if not all(isinstance(value, str) and value.strip() for value in fields.values()):
        raise ConfigurationError(f"{where} needs name, number, kind and source.")
    channels = entry.get("channels")
    if not isinstance(channels, list) or not channels or not set(channels) <= CHANNELS:
        raise ConfigurationError(f"{where}: channels must be a list of 'call' and/or 'text'.")
    if fields["kind"] not in KINDS or phone_problem(str(fields["number"])):
        raise ConfigurationError(f"{where}: kind must be crisis or emergency, and the number digits.")
    keyword = entry.get("text_keyword")
    if keyword is not None and (not isinstance(keyword, str) or "text" not in channels):
        raise ConfigurationError(f"{where}: a text keyword needs the text channel.")
    return CrisisLine(
        name=str(fields["name"]),
        number=str(fields["number"]),
        channels=tuple(channels),
        kind=str(fields["kind"]),
        source=str(fields["source"]),
        text_keyword=keyword,
    )


SECTION_MAX_ITEMS = 12
ITEM_MAX_CHARS = 300
NAME_MAX_CHARS = 80
SECTION_TITLES = {
    "warning_signs": "Warning signs",
    "coping_steps": "Things I can do on my own",
    "reasons_for_living": "Reasons for living",
    "people_and_places": "People and places that help me feel better",
    "trusted_contacts": "People I can ask for help",
    "professionals": "Professionals I can contact",
}


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    phone: str

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """(label, href) to call or text this person from a phone, the person's region unknown (:meth:`links_in`)."""
        return self.links_in(None)

    def links_in(self, region: str | None) -> tuple[tuple[str, str], ...]:
        """(label, href) to call this person, and to text them where the number can be a mobile in the numbering
        plan of ``region`` (the person's country, an ISO code; :func:`may_be_mobile`)."""
        call = ("Call", tel_href(self.phone))
        return (call, ("Text", sms_href(self.phone))) if may_be_mobile(self.phone, region) else (call,)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """A personal safety plan (in the spirit of Stanley & Brown), written by the person.

    Every text section holds at most 12 entries of at most 300 characters; contacts need a name (≤ 80
    characters) and a phone number. ``crisis_country`` is the country whose crisis lines the person reads first,
    wherever lines are shown (``care.services.safety.lines_for_person``, the one choice: the plan has no choice of
    its own, h156).
    Errors name the section and entry number, never the text.
    """

    warning_signs: tuple[str, ...] = ()
    coping_steps: tuple[str, ...] = ()
    reasons_for_living: tuple[str, ...] = ()
    people_and_places: tuple[str, ...] = ()
    trusted_contacts: tuple[Contact, ...] = ()
    professionals: tuple[Contact, ...] = ()
    crisis_country: str | None = None
    version: int = field(default=1)

    def __post_init__(self) -> None:
        for key in ("warning_signs", "coping_steps", "reasons_for_living", "people_and_places"):
            _check_texts(key, getattr(self, key))
        for key in ("trusted_contacts", "professionals"):
            _check_contacts(key, getattr(self, key))
        country = self.crisis_country
        if country is not None and (not isinstance(country, str) or not _COUNTRY.fullmatch(country)):
            raise InvalidInput(
                "The country for crisis lines: two letters, such as GB or US.", field="crisis_country"
            )
        if not any(getattr(self, key) for key in SECTION_TITLES):
            raise InvalidInput("A safety plan needs at least one entry.")


def _check_count(key: str, items: Sequence[object]) -> None:
    if not isinstance(items, tuple):
        raise InvalidInput(f"{SECTION_TITLES[key]}: entries must be given as a list.")
    if len(items) > SECTION_MAX_ITEMS:
        raise InvalidInput(f"{SECTION_TITLES[key]}: at most {SECTION_MAX_ITEMS} entries.")


def _check_texts(key: str, items: Sequence[object]) -> None:
    """A section of lines; a refused line names its section (``InvalidInput.field``: ``key``)."""
    _check_count(key, items)
    for index, item in enumerate(items, start=1):
        where = f"{SECTION_TITLES[key]}, entry {index}"
        if not isinstance(item, str) or not item.strip():
            raise InvalidInput(f"{where}: write something or remove the entry.", field=key)
        if len(item) > ITEM_MAX_CHARS:
            raise InvalidInput(f"{where}: at most {ITEM_MAX_CHARS} characters.", field=key)
        if (found := text.problem(item)) is not None:  # the one check of free text: valid UTF-8, no NUL
            raise InvalidInput(f"{where}: it {found}.", field=key)


def _check_contacts(key: str, items: Sequence[object]) -> None:
    """A section of contacts; a refused one names its part and its entry number (``InvalidInput.field``:
    ``{key}_name_{n}`` or ``{key}_phone_{n}``, the n-th contact given)."""
    _check_count(key, items)
    for index, item in enumerate(items, start=1):
        where, name, phone = (
            f"{SECTION_TITLES[key]}, entry {index}",
            f"{key}_name_{index}",
            f"{key}_phone_{index}",
        )
        if not isinstance(item, Contact):
            raise InvalidInput(f"{where}: a contact needs a name and a phone number.", field=name)
        if not item.name.strip() or len(item.name) > NAME_MAX_CHARS:
            raise InvalidInput(f"{where}: the name must be 1–{NAME_MAX_CHARS} characters.", field=name)
        if (found := text.problem(item.name)) is not None:
            raise InvalidInput(f"{where}: the name {found}.", field=name)
        problem = phone_problem(item.phone)
        if problem:
            raise InvalidInput(f"{where}: {problem}", field=phone)


def safety_plan_from_dict(data: Mapping[str, Any]) -> SafetyPlan:
    """Build a plan from JSON-like data (lists of strings; contacts as ``{"name", "phone"}`` objects)."""
    unknown = set(data) - {*SECTION_TITLES, "crisis_country", "version"}
    if unknown:
        raise InvalidInput("A safety plan has fields it does not know.")
    return SafetyPlan(
        warning_signs=_listed(data, "warning_signs"),
        coping_steps=_listed(data, "coping_steps"),
        reasons_for_living=_listed(data, "reasons_for_living"),
        people_and_places=_listed(data, "people_and_places"),
        trusted_contacts=tuple(
            _contact("trusted_contacts", raw) for raw in _listed(data, "trusted_contacts")
        ),
        professionals=tuple(_contact("professionals", raw) for raw in _listed(data, "professionals")),
        crisis_country=data.get("crisis_country"),
    )


_CONTACT_KEYS = ("trusted_contacts", "professionals")


def _listed(data: Mapping[str, Any], key: str) -> tuple[Any, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise InvalidInput(f"{SECTION_TITLES[key]}: entries must be given as a list.")
    return tuple(value)


def _contact(key: str, raw: Any) -> Contact:
    if not isinstance(raw, Mapping) or not all(isinstance(raw.get(k), str) for k in ("name", "phone")):
        raise InvalidInput(f"{SECTION_TITLES[key]}: each contact needs a name and a phone number.")
    return Contact(raw["name"], raw["phone"])


def safety_plan_to_dict(plan: SafetyPlan) -> dict[str, Any]:
    result: dict[str, Any] = {k: list(getattr(plan, k)) for k in SECTION_TITLES if k not in _CONTACT_KEYS}
    for key in _CONTACT_KEYS:
        result[key] = [{"name": c.name, "phone": c.phone} for c in getattr(plan, key)]
    result["crisis_country"] = plan.crisis_country
    result["version"] = plan.version
    return result
