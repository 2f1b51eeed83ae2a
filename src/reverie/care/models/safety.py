"""The client's safety plan (sealed), risk alerts for the therapist (content-free) and pending check-ins."""

from __future__ import annotations

import uuid

from django.db import models

from reverie.clinic.models import User


class SafetyPlanRecord(models.Model):
    client = models.OneToOneField(User, on_delete=models.CASCADE, related_name="safety_plan")
    payload = models.BinaryField()
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")


ANSWER_LABELS = {
    "safe": "I'm safe for now",
    "need_help": "I need help now",
    "misunderstood": "You misunderstood",
}
# The check-in's question (web page and banner, API, CLI). A flag with explicit words in the entry asks the first;
# one that rests on the sentence model's reading alone (``RiskAlert.model_alone``), far more often a misreading,
# asks the second: it still asks, but does not tell the person how they feel.
CHECK_IN_QUESTION = "It sounds like things are very hard right now. Are you safe?"
UNSURE_QUESTION = "Reverie may have misread something you wrote. Just in case: are you safe?"
# A save whose screen could not run (``unscreened``): nothing was read, so nothing is said about what was written.
UNREAD_QUESTION = "Reverie could not check your entry for safety just now. Just in case: are you safe?"
# The one table of the questions, by the kind a check-in stores (``CheckIn.question_kind``): the question it asked
# is kept with it, so a later reading, or the alert's deletion, never changes what an answered check-in asked.
EXPLICIT, UNSURE, UNREAD = "explicit", "unsure", "unread"
QUESTIONS = {EXPLICIT: CHECK_IN_QUESTION, UNSURE: UNSURE_QUESTION, UNREAD: UNREAD_QUESTION}
# read after "urgency: " on every alert line: no colon of their own (r133: "urgency: urgent: asked for help now")
URGENCY_LABELS = {
    5: "urgent (asked for help now)",
    4: "high",
    3: "raised",
    2: "routine",
    1: "low (the client says we misunderstood)",
}


REOPEN_REASONS = {
    "need_help": "back on your list: the client answered “I need help now” after it was acknowledged",
    "upgrade": "back on your list: rated more serious after it was acknowledged",
    "answer": "back on your list: the client changed their answer after it was acknowledged",
}


class RiskAlert(models.Model):
    """A signal that a client may be at risk. It names its source record, never its content.

    ``written_at`` is when the source was written (a therapist sees only what was written while linked);
    ``urgency`` (1–5, ``URGENCY_LABELS``) follows the level and the client's check-in ``answer``; ``raised_by`` is
    the therapist whose own note raised it (never alerted about it). ``model_alone``: every reading so far rests on
    the sentence model alone, with no explicit words (a reading with explicit words clears it for good).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="risk_alerts")
    source = models.CharField(max_length=16)
    level = models.CharField(max_length=16)
    record_id = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.BinaryField(null=True, blank=True)
    written_at = models.DateTimeField(null=True, blank=True)
    urgency = models.PositiveSmallIntegerField(default=2)
    answer = models.CharField(max_length=16, blank=True, default="")
    answered_at = models.DateTimeField(null=True, blank=True)
    raised_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    model_alone = models.BooleanField(default=False)
    # When the alert last asked for attention: raised, or re-opened because its level or urgency went up (an
    # upgrade, "I need help now"). A therapist's acknowledgement older than this no longer closes it for them.
    raised_at = models.DateTimeField(null=True, blank=True)
    # Why it came back after an acknowledgement (``REOPEN_REASONS``), shown to the therapist; "" if it never did.
    reopened_because = models.CharField(max_length=16, blank=True, default="")
    # A ``phq9_item9`` alert: the risk question's answer it was raised on (1-3, the questionnaire's option; the
    # most serious one given for it when several forms raised it), kept with the alert as it is raised, so the line
    # names it exactly ("more than half the days") for a form refused and never stored, and whatever becomes of a
    # stored one (h168). None: another source, or raised before this was kept (the stored form is read then).
    item_answer = models.PositiveSmallIntegerField(null=True, blank=True)
    # Not stored: set by ``alerts.open_alerts`` for a therapist who may see this alert only because the client asked
    # for help while linked (its source was written before the link: its level and date are not shown).
    before_link = False
    # Not stored: set by ``alerts.mark_shared_entries`` to the id of the journal entry that raised the alert when the
    # therapist reading the line may read that entry (the client shared it with them: the one policy decides).
    shared_entry: uuid.UUID | None = None

    @property
    def urgency_label(self) -> str:
        return URGENCY_LABELS.get(int(self.urgency), "routine")

    @property
    def answer_label(self) -> str:
        return ANSWER_LABELS.get(self.answer, "")

    @property
    def reopened_label(self) -> str:
        return REOPEN_REASONS.get(self.reopened_because, "")

    class Meta:
        ordering = ["-urgency", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["client", "source", "record_id"], name="one_alert_per_record")
        ]


# How an acknowledgement came to be (``AlertAcknowledgement.origin``). Before acknowledgements were per therapist
# (care migration 0012), one therapist's acknowledgement closed an alert for every therapist then linked; migration
# 0015 keeps it closed for each of them with a row of their own, marked so, naming who closed it (``closed_by``).
OWN, OWN_BEFORE_UPGRADE, BEFORE_UPGRADE = "", "own_old", "old"
ORIGINS = {
    OWN: "acknowledged by this therapist",
    OWN_BEFORE_UPGRADE: "acknowledged by this therapist before the upgrade",
    BEFORE_UPGRADE: "closed before the upgrade by",
}


class AlertAcknowledgement(models.Model):
    """One therapist's acknowledgement of an alert, kept for good (history and audit). Each linked therapist
    acknowledges for themselves; one made before the alert was re-opened (``RiskAlert.raised_at``) no longer closes
    it. ``level`` and ``urgency`` are the alert's when acknowledged; ``note`` is sealed with the client's key.

    ``origin`` (``ORIGINS``): the therapist's own (``""``), their own made before the upgrade to per-therapist
    acknowledgements (``own_old``), or ``old``: made for them by migration 0015 because another therapist's
    acknowledgement before the upgrade closed the alert for every therapist linked then (``closed_by``, who wrote
    it; such a row never carries a note: a sealed note stays with the acknowledgement of the one who wrote it)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    alert = models.ForeignKey(RiskAlert, on_delete=models.CASCADE, related_name="acknowledgements")
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    therapist = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    acknowledged_at = models.DateTimeField()
    level = models.CharField(max_length=16)
    urgency = models.PositiveSmallIntegerField()
    note = models.BinaryField(null=True, blank=True)
    origin = models.CharField(
        max_length=8, choices=[(key, key or "own") for key in ORIGINS], blank=True, default=OWN
    )
    closed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    @property
    def origin_label(self) -> str:
        """What the therapist is told of how this acknowledgement came to be: "closed before the upgrade by
        <therapist>" for one carried over from another therapist's acknowledgement under the old rule."""
        if self.origin == BEFORE_UPGRADE:
            who = self.closed_by.username if self.closed_by is not None else "a therapist no longer here"
            return f"{ORIGINS[BEFORE_UPGRADE]} {who}"
        return ORIGINS.get(self.origin, ORIGINS[OWN])

    class Meta:
        ordering = ["acknowledged_at"]


class OwedAlert(models.Model):
    """A risk alert a save outside the journal (a goal, a session note, a cancellation note) could not write: the
    words were kept and the alert is owed, retried by :func:`reverie.care.services.alerts.settle_owed_saves` (the
    worker's upkeep thread, the client's next save, ``reverie doctor``). Content-free: what :func:`signal` needs."""

    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=16)
    level = models.CharField(max_length=16)
    record_id = models.CharField(max_length=64)
    written_at = models.DateTimeField()
    raised_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    check_in = models.BooleanField(default=True)
    model_alone = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "source", "record_id"], name="one_owed_alert_per_record"
            )
        ]


class CheckIn(models.Model):
    """A calm "are you safe?" page the client sees on their next page view, until they answer it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(User, on_delete=models.CASCADE, related_name="check_ins")
    alert = models.ForeignKey(RiskAlert, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=16, blank=True, default="")
    # When the client was first shown it in full (the question with the crisis lines: the web's check-in page or the
    # command line); None until then, and again when its question changes. Only one shown in full may be recalled
    # in one line (`journal write` after a save): one raised out of their sight (the background analysis, a
    # recover or an import that failed before its display) is shown in full.
    shown_at = models.DateTimeField(null=True, blank=True)
    # Which question it asks (``QUESTIONS``), set from its alert when it is left and kept in step with the alert's
    # readings while it waits (:func:`reverie.care.services.alerts.question_kind`); once answered, never changed.
    question_kind = models.CharField(
        max_length=16, choices=[(kind, kind) for kind in QUESTIONS], default=EXPLICIT
    )

    @property
    def question(self) -> str:
        """The question this check-in asked (or asks, while it waits): gentler when its alert rested on the sentence
        model alone, and saying nothing of what was written when the screen could not read it."""
        return QUESTIONS.get(self.question_kind, CHECK_IN_QUESTION)

    class Meta:
        ordering = ["created_at"]
