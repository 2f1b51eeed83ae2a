"""Words instead of raw identifiers on every page: ``{{ value|words }}`` (``every_session`` → "every session")."""

from __future__ import annotations

from typing import Any

from django import template

from reverie.care.services import measures
from reverie.care.services.alerts import LineShown, line_shown, shown_state, source_kind
from reverie.care.services.directory import language_name
from reverie.programmes.countries import country_name
from reverie.programmes.directory import fee_text
from reverie.words import WORDS
from reverie.words import words as plain_words

register = template.Library()


@register.filter
def words(value: object) -> str:
    """The plain-language name of an identifier (``reverie.words``, the one table); unknown ones lose their
    underscores."""
    return plain_words(value)


@register.filter
def alert_source(alert: Any) -> str:
    """What a risk alert is about, in words ("a goal", "a note sent when cancelling a session"): the one wording of
    every alert line (:func:`reverie.care.services.alerts.source_kind`)."""
    return words(source_kind(str(alert.source), str(alert.record_id)))


@register.filter
def alert_shown(alert: Any) -> str:
    """What the alert line shows, for the Acknowledge form's hidden ``shown`` field (``alerts.shown_state``)."""
    return shown_state(alert)


@register.filter
def alert_line(alert: Any) -> LineShown:
    """What the alert line shows (``alerts.line_shown``): the one decision the line and its ``shown`` token share."""
    return line_shown(alert)


@register.filter
def alert_level(alert: Any) -> str:
    """A risk alert's level in words ("not yet screened …", "thoughts of self-harm"); a PHQ-9 item 9 alert's, how
    often: the exact answer it was raised on ("more than half the days", "nearly every day": review r129, never
    the two merged; kept with the alert, so a refused form's too, h168, ``measures.alert_words``), else its level's
    words."""
    level = str(alert.level)
    if alert.source == "phq9_item9" and (answer := measures.alert_words(alert)):
        return answer
    return WORDS.get(f"{alert.source}:{level}") or words(level)


@register.filter
def saved_after(alert: Any) -> measures.SavedAfter | None:
    """The PHQ-9 saved after the refused form whose alert this is (``measures.saved_after``), else None."""
    return measures.saved_after(alert)


@register.filter
def approach_words(profile: Any) -> list[str]:
    """A directory listing's approaches then formats in words, each wording once: approach "DIT" and format "dit"
    both read "Dynamic Interpersonal Therapy (DIT)", and the listing shows it once."""
    codes = [str(m) for m in profile.modalities] + [str(f) for f in profile.formats]
    return list(dict.fromkeys(words(code) for code in codes))


@register.filter
def language_names(codes: Any) -> str:
    """Two-letter language codes as their English names ("en; de" → "English, German"); an unknown code as it is.
    The names are the search's Language select's (services.directory.language_name)."""
    return ", ".join(language_name(str(code)) for code in codes)


@register.filter
def fee_words(profile: Any) -> str:
    """A listing's fees per session as a person reads them ("£80–£120", "80–120 CHF"): :func:`fee_text`."""
    return fee_text(profile.fee_min, profile.fee_max, str(profile.currency))


@register.filter
def country_words(code: object) -> str:
    """A two-letter country code as its name, as every page names a country (:func:`countries.country_name`)."""
    return country_name(str(code))
