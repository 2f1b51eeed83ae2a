"""The client's safety plan (Stanley–Brown sections, sealed), editable by the client and the linked therapist,
shown above the crisis lines on the safety page, on the check-in page and after a positive PHQ-9 item 9."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from reverie.care.models import SafetyPlanRecord
from reverie.care.services import records
from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action, allows
from reverie.clinic.services.safety import CountryLines, Line, directory, listed
from reverie.errors import IntegrityError, KeyUnavailable, NotFound, StaleEdit
from reverie.programmes.safety import (
    SECTION_MAX_ITEMS,
    SECTION_TITLES,
    SafetyPlan,
    safety_plan_from_dict,
    safety_plan_to_dict,
)

log = logging.getLogger(__name__)

PURPOSE = "safety_plan"
CONTACT_SECTIONS = ("trusted_contacts", "professionals")


def _may(actor: User, client: User, action: Action) -> bool:
    probe = SafetyPlanRecord(client=client)
    return allows(actor, action, probe)


def _client_for(actor: User, client: User | None) -> User:
    target = client or actor
    if not _may(actor, target, Action.READ):
        raise NotFound("No such safety plan.")
    return target


def _stored(target: User, row: SafetyPlanRecord) -> Any:
    """The stored plan's document, as ``safety_plan_to_dict`` wrote it (not audited: compared, never shown)."""
    return records.open_json(target, target.pk, PURPOSE, row.payload)


def get_plan(actor: User, client: User | None = None) -> SafetyPlan | None:
    """The client's plan (their own, or a linked client's for a therapist); None when none is written yet."""
    target = _client_for(actor, client)
    row = SafetyPlanRecord.objects.filter(client=target).first()
    if row is None:
        return None
    data = records.open_json(target, target.pk, PURPOSE, row.payload)
    audit.record(actor, "safety_plan.read", "safety_plan", target.pk, subject=target)
    return safety_plan_from_dict({k: v for k, v in data.items() if k != "version"})


def plan_version(actor: User, client: User | None = None) -> int:
    """The version of the stored plan (0: none yet), for a form to send back as its base. Opens nothing."""
    target = _client_for(actor, client)
    return int(SafetyPlanRecord.objects.filter(client=target).values_list("version", flat=True).first() or 0)


def save_plan(
    actor: User, data: Mapping[str, Any], client: User | None = None, *, base_version: int | None = None
) -> SafetyPlan:
    """Validate (programmes.safety) and store the plan, sealed; each save is a new version. Audited.

    Client and therapist may both edit it: ``base_version`` (the version the form was filled from, 0 for none) that
    is older than the stored one → :class:`StaleEdit`, nothing saved. Without it the save replaces what is stored."""
    target = _client_for(actor, client)
    if not _may(actor, target, Action.WRITE):
        raise NotFound("No such safety plan.")
    plan = safety_plan_from_dict(data)
    with transaction.atomic():
        records.hold(target)  # there may be no plan yet: two first saves (client and therapist) wait in turn
        row = SafetyPlanRecord.objects.select_for_update().filter(client=target).first()
        document = safety_plan_to_dict(plan)
        if StaleEdit.check(
            row.version if row else 0,
            base_version,
            "safety plan",
            lambda: row is not None and _stored(target, row) == document,
        ):
            return plan  # the same save sent again (a double tap): that save, not a conflict
        row = row or SafetyPlanRecord(client=target, version=0)
        row.version += 1
        row.payload = records.seal_json(target, target.pk, PURPOSE, document)
        row.updated_at, row.updated_by = timezone.now(), actor
        row.save()
        audit.record(actor, "safety_plan.write", "safety_plan", target.pk, subject=target)
    return plan


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One line of the plan on a page; a contact carries ``tel:``/``sms:`` links. Reads as its text."""

    text: str
    links: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.text


def sections(plan: SafetyPlan, region: str | None = None) -> list[tuple[str, list[PlanItem]]]:
    """The plan as (title, lines) for a page; contacts as "name: phone" with links to call them, and to text them
    where the number can be a mobile in ``region``, the person's country (``Contact.links_in``)."""
    out = []
    for key, title in SECTION_TITLES.items():
        items = getattr(plan, key)
        lines = (
            [PlanItem(f"{c.name}: {c.phone}", c.links_in(region)) for c in items]
            if key in CONTACT_SECTIONS
            else [PlanItem(str(item)) for item in items]
        )
        if lines:
            out.append((title, lines))
    return out


def plan_for_page(user: Any) -> dict[str, Any]:
    """What the safety page shows above the crisis lines: the signed-in client's own plan, or nothing."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return {}
    try:
        plan = get_plan(user)
    except (
        IntegrityError,
        KeyUnavailable,
    ):  # a plan that cannot be opened never keeps the crisis lines away (r96)
        log.warning("the safety page could not open a client's plan")
        return {"unreadable": True}
    # the person's region for their contacts' numbers: their plan's country, else their time zone's (review r132)
    region = next(iter(likely_countries(user, plan.crisis_country if plan else None)), None)
    return {
        "has_plan": plan is not None,
        "sections": sections(plan, region) if plan else [],
        "country": plan.crisis_country if plan else None,
    }


# Said where Reverie knows no country for the person (signed out, no plan's country, a time zone of no country's
# lines): the order is not theirs, so they look for their own.
FIXED_ORDER = (
    "Reverie does not know which country you are in, so the countries are in a fixed order: look for yours in "
    "the list."
)


@dataclass(frozen=True, slots=True)
class FirstLine:
    """One of the lines a person reads first: the country it is listed under (its code) and the line."""

    country: str
    line: Line
    from_plan: bool  # one of the lines of the country the person's safety plan names

    @property
    def country_name(self) -> str:
        from reverie.programmes.countries import country_name

        return country_name(self.country)

    @property
    def label(self) -> str:
        """Its name where nothing can be tapped: the line's own for the plan's country ("Samaritans"), else named
        with its country ("United Kingdom · Samaritans")."""
        return self.line.name if self.from_plan else f"{self.country_name} · {self.line.name}"


@dataclass(frozen=True, slots=True)
class PersonLines:
    """The crisis lines one person reads, in the one order every surface shows (:func:`lines_for_person`)."""

    countries: tuple[CountryLines, ...]  # every country's lines, the person's likely countries first
    # their plan's country's lines, else their time zone's country's lines and each other country's first line
    first: tuple[FirstLine, ...]
    # whether the order is theirs: a country with lines is known for them (their plan's or their time zone's)
    known: bool
    # their safety plan for a page that shows it (:func:`plan_for_page`, ``with_plan``); empty otherwise
    plan: Mapping[str, Any]

    @property
    def from_plan(self) -> bool:
        return bool(self.first) and self.first[0].from_plan

    @property
    def order_note(self) -> str:
        """Nothing when the order is the person's own, else :data:`FIXED_ORDER`: the page says it is not."""
        return "" if self.known else FIXED_ORDER

    def in_words(self) -> list[tuple[str, str]]:
        """The first lines as (name, instruction), where nothing can be tapped (the command line)."""
        return [(one.label, one.line.instruction) for one in self.first]


def likely_countries(user: Any, country: str | None) -> tuple[str, ...]:
    """The person's likely countries, most likely first: the country their safety plan names (``country``),
    then the one their time zone lies in (Settings; ``programmes.countries.zone_country``). None for someone signed
    out."""
    from reverie.programmes.countries import zone_country

    zone = user.time_zone if isinstance(user, User) and user.is_authenticated else None
    return tuple(c for c in (country, zone_country(zone)) if c)


def plan_country(user: Any) -> str | None:
    """The country the signed-in client's own safety plan names for its crisis lines (None: no plan, none named,
    anyone else, or a plan that cannot be opened), to choose the order of the lines alone.

    Not audited as ``safety_plan.read`` (h156): nothing of the plan is shown or handed on, only the order of
    the crisis lines the person reads is chosen by it, so it is no one reading the plan (as :func:`_stored`, compared
    and never shown). Before, every page, banner and command that showed the lines wrote a ``safety_plan.read``
    event for the person, one more on a page that showed the plan as well: the record said they read their plan
    when they had not. A page that shows the plan reads it through :func:`get_plan`, audited, once
    (``lines_for_person(user, with_plan=True)``)."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_client:
        return None
    row = SafetyPlanRecord.objects.filter(client=user).only("payload").first()
    if row is None:
        return None
    try:
        data = _stored(user, row)
    except (IntegrityError, KeyUnavailable):  # never keeps the crisis lines away (r96): then the fixed order
        log.warning("the crisis lines could not open a client's plan for its country")
        return None
    country = data.get("crisis_country") if isinstance(data, Mapping) else None
    return country if isinstance(country, str) and country else None


def lines_for_person(user: Any, *, with_plan: bool = False) -> PersonLines:
    """The one choice of crisis lines for the person reading (None or signed out: nobody), for every page, the API,
    the printed report and the command line: every country's lines, theirs first (their safety plan's country,
    then their time zone's, then the rest in the file's order, none left out), and the lines read first: the lines
    of their plan's country, else their time zone's country's lines (when it lists any) and every other country's
    first line, in that order.

    ``with_plan``: for a page that shows the person's plan above the lines (``plan``: :func:`plan_for_page`), read
    once and audited as the read it is; without it only the plan's country is read, not audited
    (:func:`plan_country`), and ``plan`` is empty.

    Before (r125, r126) each door chose: the command line gave a Londoner without a plan 988 and 911, the printed
    report the United States' and Canada's lines whatever the plan named, the pages the United States first."""
    plan = plan_for_page(user) if with_plan else {}
    country = plan.get("country") if with_plan else plan_country(user)
    likely = likely_countries(user, country)
    lines = directory()
    countries = tuple(listed(lines, likely))
    plans = lines.listed_as(country)
    known = any(lines.listed_as(country) for country in likely)
    if plans and countries[0].lines:  # the plan's country is listed, so first
        first = tuple(FirstLine(plans, line, from_plan=True) for line in countries[0].lines)
    else:
        # Their time zone's country, when it lists lines, is read whole (its emergency number with its crisis
        # lines), each line named with the country; every other country's first line follows (review r132: a
        # Londoner answering "I need help now" read Samaritans and "your local emergency number", 999 folded away).
        own = countries[0].lines if known and countries and countries[0].lines else ()
        first = tuple(FirstLine(countries[0].country, line, from_plan=False) for line in own) + tuple(
            FirstLine(c.country, c.lines[0], from_plan=False) for c in countries[1 if own else 0 :] if c.lines
        )
    return PersonLines(countries, first, known, plan)


def plan_and_lines(user: Any) -> dict[str, Any]:
    """A page's safety plan and crisis lines (``care/_plan_and_lines.html``): the plan's keys and ``crisis``."""
    crisis = lines_for_person(user, with_plan=True)
    return {**crisis.plan, "crisis": crisis}


def lines_in_words(user: Any) -> list[tuple[str, str]]:
    """The crisis lines a person reads where nothing can be tapped (the command line), as (name, instruction): the
    first lines of :func:`lines_for_person` ("Samaritans" for their plan's country, else "United Kingdom ·
    Samaritans" and the rest of their time zone's country's lines, then each other country's first line). Before (r125) ``reverie measure fill`` fell back to the
    United States' lines alone, 988 and 911, for a client in London with no plan."""
    return lines_for_person(user).in_words()


def form_initial(plan: SafetyPlan | None) -> dict[str, str]:
    """The plan's text sections as text areas (one entry per line), and its contacts as ``name: phone`` lines (shown
    as text beside a form whose save met a newer plan; the form edits contacts as rows: :func:`contact_rows`)."""
    if plan is None:
        return {}
    values = {key: "\n".join(lines) for key, lines in _by_key(plan).items()}
    values["crisis_country"] = plan.crisis_country or ""
    return values


def _by_key(plan: SafetyPlan) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in SECTION_TITLES:
        items = getattr(plan, key)
        out[key] = [f"{c.name}: {c.phone}" for c in items] if key in CONTACT_SECTIONS else list(items)
    return out


BLANK_CONTACT_ROWS = 2  # empty rows under a section's contacts, to add people without a separate step


def name_field(key: str) -> str:
    return f"{key}_name"


def phone_field(key: str) -> str:
    return f"{key}_phone"


def contact_rows(
    contacts: Mapping[str, Sequence[tuple[str, str]]],
) -> dict[str, list[tuple[int, str, str]]]:
    """Each contact section's form rows, (number, name, phone): the contacts given, then blank rows to add more,
    at most :data:`SECTION_MAX_ITEMS` in all."""
    rows: dict[str, list[tuple[int, str, str]]] = {}
    for key in CONTACT_SECTIONS:
        filled = [(name, phone) for name, phone in contacts.get(key, ()) if name.strip() or phone.strip()]
        blanks = max(0, min(BLANK_CONTACT_ROWS, SECTION_MAX_ITEMS - len(filled)))
        given = [*filled, *[("", "")] * blanks]
        rows[key] = [(number, name, phone) for number, (name, phone) in enumerate(given, start=1)]
    return rows


def plan_contacts(plan: SafetyPlan | None) -> dict[str, list[tuple[str, str]]]:
    """The plan's contacts as (name, phone), per section, for :func:`contact_rows`."""
    if plan is None:
        return {}
    return {key: [(c.name, c.phone) for c in getattr(plan, key)] for key in CONTACT_SECTIONS}


def posted_contacts(post: Any) -> dict[str, list[tuple[str, str]]]:
    """The contact rows a form sent (``<section>_name`` and ``<section>_phone``, repeated, in order); a section the
    form sent no rows for is left out (an older form's text area is read instead: :func:`plan_data_from_form`)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for key in CONTACT_SECTIONS:
        names, phones = post.getlist(name_field(key)), post.getlist(phone_field(key))
        if names or phones:
            count = max(len(names), len(phones))
            names, phones = [*names, *[""] * count][:count], [*phones, *[""] * count][:count]
            out[key] = [(str(n), str(p)) for n, p in zip(names, phones, strict=True)]
    return out


def plan_data_from_form(
    fields: Mapping[str, str], contacts: Mapping[str, Sequence[tuple[str, str]]]
) -> dict[str, Any]:
    """The form's text areas and contact rows as the plan's data. A contact is its two fields, name and phone, as
    they were typed (a name may hold a colon; a row left empty is dropped; a name without a phone is refused by the
    plan's check). A section sent as one text area of ``name: phone`` lines (the form before rows, still open in
    some tab) is read as that form was, split at the last ':'."""
    data = plan_data_from_text(fields)
    for key in CONTACT_SECTIONS:
        if key in contacts:
            data[key] = [
                {"name": name.strip(), "phone": phone.strip()}
                for name, phone in contacts[key]
                if name.strip() or phone.strip()
            ]
    return data


def plan_data_from_text(fields: Mapping[str, str]) -> dict[str, Any]:
    """Turn text areas back into the plan's data (the form before contact rows: contacts as ``name: phone`` lines,
    split at the last ':')."""
    data: dict[str, Any] = {}
    for key in SECTION_TITLES:
        lines = [line.strip() for line in str(fields.get(key, "")).splitlines() if line.strip()]
        if key in CONTACT_SECTIONS:
            data[key] = [_contact(line) for line in lines]
        else:
            data[key] = lines
    country = str(fields.get("crisis_country", "")).strip().upper()
    data["crisis_country"] = country or None
    return data


def _contact(line: str) -> dict[str, str]:
    name, _, phone = line.rpartition(":")
    return {"name": name.strip(), "phone": phone.strip()} if name else {"name": line, "phone": ""}
