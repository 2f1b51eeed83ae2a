"""The Privacy log in plain words: one sentence per audit event for the person it is about, never its code.

Pure (no database, no web): ``sentence(action, who, outcome)``. ``who`` is how the actor is named
("You", a therapist's user name, "Reverie" for the system). An action without words here falls back to a generic
sentence; a code is never shown.
"""

from __future__ import annotations

ANSWERS = {
    "safe": "you are safe for now",
    "need_help": "you need help now",
    "misunderstood": "Reverie misunderstood what you wrote",
}

# Exact actions: "{who}" is the actor. Sentences speak to the person whose data it is ("your").
SENTENCES = {
    "entry.create": "{who} wrote a journal entry.",
    "entry.read": "{who} opened one of your journal entries.",
    "entry.update": "{who} edited one of your journal entries.",
    "entry.revert": "{who} went back to an earlier version of one of your journal entries.",
    "entry.share": "{who} shared a journal entry with your therapist.",
    "entry.unshare": "{who} stopped sharing a journal entry with your therapist.",
    "entry.trash": "{who} moved a journal entry to the trash.",
    "entry.restore": "{who} brought a journal entry back from the trash.",
    "entry.purge": "{who} deleted a journal entry for good.",
    "attachment.read": "{who} opened a picture or recording attached to an entry.",
    "attachment.list": "{who} looked at the list of pictures and recordings attached to an entry.",
    "attachment.create": "{who} attached a picture or recording to an entry.",
    "attachment.delete": "{who} removed a picture or recording from an entry.",
    "analysis.read": "{who} looked at what Reverie noticed in one of your entries.",
    "observation.fit": "{who} said whether something Reverie noticed fits.",
    "journal.list": "{who} looked at the list of your journal entries.",
    "journal.search": "{who} searched your journal.",
    "journal.export": "{who} downloaded a copy of your journal.",
    "journal.import": "{who} imported entries into your journal.",
    "insights.read": "{who} looked at the patterns across your entries.",
    "dreams.read": "{who} looked at your dream series.",
    "check_in.request": "{who} asked how you are (a check-in), because of something you wrote or answered.",
    "check_in.show": "A check-in was shown to you in full, with the crisis lines.",
    "risk.feedback.misunderstood": "{who} kept your answer as feedback that the risk screen misread your entry.",
    "risk.alert.upgrade": "{who} raised the level of a risk alert.",
    "risk.acknowledge": "{who} acknowledged a risk alert.",
    "risk.acknowledge.stale": "{who} tried to acknowledge a risk alert from a page that did not show its latest"
    " state (your answer, say); it was not acknowledged and stays on their list.",
    "risk.alert.read": "{who} opened their list of risk alerts, which showed one about you (a level and a date).",
    "risk.acknowledge.read": "{who} opened the risk alerts about you they had acknowledged (a level and a date,"
    " and their own notes).",
    "risk.alert.reopen.need_help": "Your answer \u201cI need help now\u201d put an acknowledged alert back on your"
    " therapist's list.",
    "risk.alert.reopen.upgrade": "An acknowledged alert was rated more serious and put back on your therapist's list.",
    "risk.alert.reopen.answer": "Your changed check-in answer put an acknowledged alert back on your therapist's list.",
    "safety_plan.read": "{who} opened your safety plan.",
    "safety_plan.write": "{who} changed your safety plan.",
    "measure.submit": "{who} filled in a questionnaire.",
    "measure.read": "{who} looked at a questionnaire you filled in.",
    "measure.history": "{who} looked at your questionnaire scores over time.",
    "measure.progress": "{who} looked at your progress on the questionnaires.",
    "measure.export": "{who} downloaded your questionnaire scores.",
    "course.create": "{who} set up a course of therapy for you.",
    "course.read": "{who} opened your course of therapy.",
    "course.export": "{who} downloaded the record of your course of therapy.",
    "course.calendar": "{who} downloaded the calendar of your sessions.",
    "course.end": "{who} ended your course of therapy.",
    "session.move": "{who} moved one of your sessions.",
    "session.cancel": "{who} cancelled one of your sessions.",
    "goal.propose": "{who} proposed a goal.",
    "goal.agree": "{who} agreed a goal.",
    "goal.rate": "{who} rated progress on a goal.",
    "goal.list": "{who} looked at your goals.",
    "goal.evidence": "{who} looked at the entries behind a goal.",
    "letter.write": "{who} wrote a letter for you.",
    "letter.give": "{who} gave you a letter.",
    "letter.read": "{who} read a letter.",
    "formulation.read": "{who} opened your formulation.",
    "formulation.write": "{who} wrote your formulation.",
    "ipaf.agree": "{who} agreed the focus of your therapy.",
    "note.progress.write": "{who} wrote a progress note about a session.",
    "note.progress.list": "{who} looked at the progress notes of your sessions.",
    "pair.start": "{who} linked your account with a therapist.",
    "pair.end": "{who} ended a link with a therapist.",
    "invitation.issue": "{who} made an invitation to link with a therapist.",
    "account_invitation.issue": "{who} made an invitation to open an account.",
    "account_invitation.redeem": "{who} opened an account with an invitation.",
    "user.create": "{who} created your account.",
    "user.deactivate": "{who} closed your account at this clinic.",
    "user.time_zone": "{who} changed your time zone.",
    "user.noticed_on_entries": '{who} changed when "What Reverie noticed" shows on your entries.',
    "password.change": "{who} changed your password.",
    "password.reset": "{who} reset your password.",
    "totp.enable": "{who} turned on two-step sign-in.",
    "totp.disable": "{who} turned off two-step sign-in.",
    "totp.reset": "{who} cleared your two-step sign-in.",
    "recovery_code.use": "{who} signed in with a recovery code.",
    "recovery_code.renew": "{who} made new recovery codes.",
    "token.create": "{who} created an app token.",
    "token.revoke": "{who} revoked an app token.",
    "token.revoke_all": "{who} revoked every app token.",
    "client.erase": "{who} erased the account.",
    "doctor.quarantine": "{who} set a damaged record aside during a maintenance check.",
    "directory.publish": "{who} published a profile in the therapist directory.",
    "directory.import": "{who} imported profiles into the therapist directory.",
    # refused requests (policy actions and pages): said as what was tried
    "read": "{who} tried to open one of your records.",
    "write": "{who} tried to change one of your records.",
    "delete": "{who} tried to move one of your records to the trash.",
    "restore": "{who} tried to bring back one of your records.",
    "purge": "{who} tried to delete one of your records for good.",
    "share": "{who} tried to change who sees one of your records.",
    "end": "{who} tried to end a link with a therapist.",
    "request": "{who} tried to open a page.",
}
# A therapist's own log: the other side of a link is a client.
FOR_THERAPIST = {
    "pair.start": "{who} linked your account with a client.",
    "pair.end": "{who} ended a link with a client.",
    "invitation.issue": "{who} made an invitation to link with a client.",
    "end": "{who} tried to end a link with a client.",
}
TRIED = frozenset({"read", "write", "delete", "restore", "purge", "share", "end", "request"})
GENERIC = "{who} read or changed one of your records."
SESSION_STATES = {
    "attended": "as attended",
    "did_not_attend": "as missed",
    "cancelled_by_client": "as cancelled by you",
    "cancelled_by_therapist": "as cancelled by the therapist",
    "cancelled_by_clinic": "as cancelled by the clinic",
}


def _by_prefix(action: str) -> str | None:
    head, _, rest = action.rpartition(".")
    if action.startswith("check_in.") and rest in ANSWERS:
        return "{who} answered the check-in: " + ANSWERS[rest] + "."
    if action.startswith("risk.alert.answer.") and rest in ANSWERS:
        # One answer writes two events: the check-in (above) and this one, on the alert a therapist sees.
        return (
            "The same answer ("
            + ANSWERS[rest]
            + ") was kept with the alert, which a therapist linked with you would see (a level and a date, never"
            " your words)."
        )
    if head == "risk.alert":
        return "{who} raised an alert that a therapist linked with you would see (a level and a date, never your words)."
    if head == "session" and rest in SESSION_STATES:
        return "{who} marked one of your sessions " + SESSION_STATES[rest] + "."
    if action.startswith("signin.") and action.endswith(".failed"):
        return "Someone tried to sign in to your account and failed."
    return None


def sentence(action: str, who: str = "Reverie", outcome: str = "ok", reader: str = "client") -> str:
    """The event as one plain sentence ("You answered the check-in: you need help now."); never the code.
    ``reader`` is the role of the person whose log it is ("client" or "therapist")."""
    own = FOR_THERAPIST.get(action) if reader == "therapist" else None
    text = (own or SENTENCES.get(action) or _by_prefix(action) or GENERIC).replace("{who}", who)
    if outcome == "refused" and action in TRIED:
        return text[:-1] + ", and was refused."
    if outcome == "refused" and not action.startswith("signin."):
        return "Refused, so it did not happen: " + text
    return text
