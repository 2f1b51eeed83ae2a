"""Words instead of raw identifiers on every page: ``{{ value|words }}`` (``every_session`` → "every session")."""

from __future__ import annotations

from typing import Any

from django import template

from reverie.care.services import measures
from reverie.care.services.alerts import LineShown, line_shown, shown_state, source_kind
from reverie.care.services.directory import language_name
from reverie.programmes.countries import country_name
from reverie.programmes.directory import fee_text

register = template.Library()

WORDS = {
    # measure schedules
    "every_session": "before every session",
    "every_other_session": "before every other session",
    "monthly": "once a month",
    # alert sources (every one of alerts.SOURCE_KINDS) and levels (alerts.LEVEL_URGENCY's), as a therapist reads them
    "phq9_item9": "PHQ-9 item 9 above 0 (thoughts of being better off dead or of hurting oneself)",
    "journal": "a journal entry",
    "session": "a session note",
    "cancellation": "a note sent when cancelling a session",
    "goal": "a goal",
    "check_in": "the client's check-in",
    "unscreened": "not yet screened (the risk screen could not run)",
    # (docs/risk.md, "Levels": C-SSRS ideation is a wish to die or to self-harm; behaviour includes a plan)
    "ideation": "thoughts of suicide or self-harm",
    "ideation_often": "thoughts of suicide or self-harm, often",
    "behavior": "self-harm, a plan or preparation",
    "attempt": "a suicide attempt",
    # a PHQ-9 item 9 alert's level is how often (answered 1, or 2–3): the stored form's exact answer is shown when
    # there is one (alert_level); these are the words of an alert whose form was refused, not stored
    "phq9_item9:ideation": "several days",
    "phq9_item9:ideation_often": "more than half the days or nearly every day (the form was not saved)",
    # attendance
    "attended": "attended",
    "did_not_attend": "did not attend",
    "cancelled_by_client": "cancelled by the client",
    "cancelled_by_therapist": "cancelled by the therapist",
    "cancelled_by_clinic": "cancelled by the clinic (an account was closed)",
    # directory
    "in_person": "in person",
    "online": "online",
    "either": "in person or online",
    "fee_min": "lowest fee",
    "fee_max": "highest fee",
    "waitlist": "waiting list",
    "open": "taking new clients",
    "full": "full",
    # programmes
    "dit": "Dynamic Interpersonal Therapy (DIT)",
    "brief_psychodynamic": "brief psychodynamic therapy",
    "art_therapy": "art therapy",
    "music_therapy": "music therapy",
    "long_term": "long-term psychodynamic therapy",
    "medium_term": "medium-term psychodynamic therapy",
    "cbt": "cognitive behavioural therapy (CBT)",
    # directory approaches (the stored codes are the CSV's)
    "DIT": "Dynamic Interpersonal Therapy (DIT)",
    "CBT": "cognitive behavioural therapy (CBT)",
    "art": "art therapy",
    "music": "music therapy",
}


@register.filter
def words(value: object) -> str:
    """The plain-language name of an identifier; unknown identifiers lose their underscores."""
    text = str(value or "")
    return WORDS.get(text, text.replace("_", " "))


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
    often: the exact answer of the form it is about ("more than half the days", "nearly every day": review r129,
    never the two merged), else its level's words."""
    level = str(alert.level)
    if alert.source == "phq9_item9" and (
        answer := measures.alert_answer(int(alert.client_id), str(alert.record_id))
    ):
        return answer
    return WORDS.get(f"{alert.source}:{level}") or words(level)


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
