"""The public fit self-check (no login): the seed's six questions and the preference items, scored by
programmes.fit, with a plain result and a link to the directory search filled in from it. Referral links carry
a few search filters someone (a GP, a loved one) chose, signed so they cannot be altered on the way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.core import signing

from reverie.care.services import directory
from reverie.errors import InvalidInput
from reverie.programmes import fit as rules

REFERRAL_SALT = "reverie.care.referral"
REFERRAL_KEYS = ("language", "mode", "location", "country", "max_fee", "currency", "from")
REFERRAL_VALUE_MAX = 60
REFERRAL_FROM = {"gp": "a doctor (GP)", "family": "a friend or family member", "therapist": "a therapist"}


def answers_from(form: Mapping[str, str]) -> rules.FitAnswers:
    """Read the form's fields: ``seed_<key>`` yes/no/not_sure, ``structure``, ``pref_<key>`` −3…3, ``creative``."""
    seed = {key: _seed(key, question, form.get(f"seed_{key}", "")) for key, question in rules.SEED_QUESTIONS}
    preferences = {
        item.key: _preference(item, form.get(f"pref_{item.key}", "")) for item in rules.PREFERENCE_ITEMS
    }
    return rules.FitAnswers(
        seed=seed,
        structure=_structure(form.get("structure", "")),
        preferences=preferences,
        creative_media=str(form.get("creative", "")).lower() in ("yes", "on", "1", "true"),
    )


def _seed(key: str, question: str, raw: str) -> rules.SeedAnswer:
    """yes, no or not_sure; a missing or forged answer is refused naming the question, never echoing the value
    (its field: ``seed_<key>``, as every refusal here names the form's field it is about)."""
    try:
        return rules.SeedAnswer(raw)
    except ValueError:
        raise InvalidInput(f"“{question}”: answer yes, no or not sure.", field=f"seed_{key}") from None


def _structure(raw: str) -> rules.StructurePreference:
    try:
        return rules.StructurePreference(raw)
    except ValueError:
        raise InvalidInput(
            "Say whether you prefer a structured or an open-ended approach, or neither.", field="structure"
        ) from None


def _preference(item: rules.PreferenceItem, raw: str) -> int:
    """A point from -3 to 3; a forged one is refused naming the pair of statements as the form shows them, never
    the item's code ("d1") nor the value sent."""
    try:
        point = int(str(raw).strip())
    except ValueError:
        point = None
    if point is None or not -3 <= point <= 3:
        raise InvalidInput(
            f"“{item.left} ⟷ {item.right}”: choose a point on the scale from -3 to 3.",
            field=f"pref_{item.key}",
        )
    return point


def assess(form: Mapping[str, str]) -> rules.FitResult:
    return rules.assess(answers_from(form))


def directory_query(result: rules.FitResult, referral: Mapping[str, str] | None = None) -> str:
    """The directory search's query string: the result's modalities and formats, plus referral filters."""
    pairs: list[tuple[str, str]] = [("modality", m) for m in result.search_prefill.get("modalities", [])]
    pairs += [("format", f) for f in result.formats_to_ask_about]
    for key, value in (referral or {}).items():
        if key in REFERRAL_KEYS and key != "from" and value:
            pairs.append((key, value))
    return urlencode(pairs)


def make_referral(filters: Mapping[str, str]) -> str:
    """A short signed token for ``/fit/?ref=…`` holding only the chosen search filters (no names)."""
    chosen = {k: str(v).strip() for k, v in filters.items() if k in REFERRAL_KEYS and str(v).strip()}
    if any(len(v) > REFERRAL_VALUE_MAX for v in chosen.values()):  # never cut: a cut fee is another number
        raise InvalidInput(f"Each choice in a referral link is at most {REFERRAL_VALUE_MAX} characters.")
    if chosen.get("from") and chosen["from"] not in REFERRAL_FROM:
        raise InvalidInput(
            "Say who sends the link: a doctor (GP), a friend or family member, or a therapist."
        )
    directory.query_from(
        {k: [v] for k, v in chosen.items() if k != "from"}
    )  # refused now, not when it is opened
    return signing.dumps(chosen, salt=REFERRAL_SALT, compress=True)


def read_referral(token: str) -> dict[str, str] | None:
    """The filters in a referral token, or None when it is not one of ours (it is then ignored)."""
    if not token:
        return None
    try:
        data: Any = signing.loads(token, salt=REFERRAL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return {str(k): str(v) for k, v in data.items() if k in REFERRAL_KEYS}


def directory_query_from(referral: Mapping[str, str]) -> str:
    """The directory search's query string from a referral alone (before the fit check is taken)."""
    return urlencode([(k, v) for k, v in referral.items() if k in REFERRAL_KEYS and k != "from" and v])
