"""The one table of words for the codes a person reads (``every_session`` -> "before every session",
``cancelled_by_therapist`` -> "cancelled by the therapist", ``dit`` -> "Dynamic Interpersonal Therapy (DIT)"):
the web's ``{{ value|words }}`` (``care.templatetags.words``), the command line and the Markdown export's course
record (``journal.interchange``) all read it, so a code is worded alike wherever a person meets it. Pure: no
framework."""

from __future__ import annotations

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
    "indicator": "signs of distress, no wish of the writer's own to die",
    "ideation": "thoughts of suicide or self-harm",
    "ideation_often": "thoughts of suicide or self-harm, often",
    "behavior": "suicide or self-harm: a plan or preparation",
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


def words(value: object) -> str:
    """The plain-language name of an identifier; unknown identifiers lose their underscores."""
    text = str(value or "")
    return WORDS.get(text, text.replace("_", " "))
