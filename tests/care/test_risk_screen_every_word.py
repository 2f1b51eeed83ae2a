"""Issue 12, review r17: every word a client saves is risk-screened before the save returns.

The entry's free-text fields beyond title, body and the mindful-choice fields (feeling names, tags, people labels,
the place and the other context fields), the whole of a long entry (past the sentence model's ``MAX_SENTENCES``),
a client's note when cancelling a session and a goal a client proposes: each is screened at save and raises the
alert and the check-in as an entry's body would.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import EntryScreen
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling
from risk_model import sentence_model

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _alert_of(view: Any) -> RiskAlert | None:
    return RiskAlert.objects.filter(record_id=alerts.revision_record(view.id, view.revision)).first()


def _screen_level(view: Any) -> str:
    return str(EntryScreen.objects.get(entry_id=view.id, revision=view.revision).level)


def _course_for(client: Any, therapist: Any) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from reverie.care.services.course import CourseDraft, create_course

    start = (timezone.now() + timedelta(days=1)).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def test_feeling_only_entry_naming_suicide_is_screened(paired: tuple[Any, Any]) -> None:
    """A feeling-only entry (no words, which the journal accepts) whose feeling reads 'want to kill myself' is screened
    as risk at save and raises the alert and check-in."""
    client, _ = paired
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body="", feelings=(Feeling("want to kill myself", 5),))
    )
    assert _screen_level(view) in alerts.RISKY_LEVELS
    assert _alert_of(view) is not None and alerts.pending_check_in(client) is not None


def test_web_feelings_only_want_to_die_raises_the_check_in(paired: tuple[Any, Any], web_as: Any) -> None:
    """On the web write form, a client who types no words and only 'want to die 5' under 'Other feelings' (an entry
    the form accepts) gets the check-in and the linked therapist an alert."""
    from reverie.clinic.models import Entry

    client, therapist = paired
    page = web_as(client).post(
        "/write/", {"kind": "reflection", "body": "", "other_feelings": "want to die 5"}
    )
    assert page.status_code in (200, 302) and Entry.objects.filter(client=client).count() == 1
    assert alerts.pending_check_in(client) is not None
    assert len(alerts.open_alerts(therapist)) == 1


def test_tags_and_people_naming_a_suicide_plan_are_screened(paired: tuple[Any, Any]) -> None:
    """Tags and people labels are free text the client writes (60 characters each, 40 of each): a tag saying
    'going to kill myself tonight' on a one-word entry is screened as risk at save."""
    client, _ = paired
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body="Tired.", tags=("going to kill myself tonight",))
    )
    assert _screen_level(view) in alerts.RISKY_LEVELS
    assert _alert_of(view) is not None
    person = journal.create_entry(
        client, EntryDraft(kind="reflection", body="Tired.", people=("I want to kill myself",))
    )
    assert _screen_level(person) in alerts.RISKY_LEVELS


def test_place_field_text_is_screened(paired: tuple[Any, Any]) -> None:
    """The 'place' context field holds up to 20,000 characters of free text (imports carry it): risk words there are
    screened at save like the body's."""
    client, _ = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body="Tired.", extra={"place": RISKY}))
    assert _screen_level(view) in alerts.RISKY_LEVELS


def test_every_free_text_field_of_an_entry_is_screened(paired: tuple[Any, Any]) -> None:
    """Walks the entry draft's fields: every field but the kind and the date is the person's words, and risk words
    in any one of them alone (every extra field the journal keeps, too) are screened at save. A field added later
    fails here until :func:`journal.persons_words` reads it."""
    client, _ = paired
    assert {"kind", "happened_at"} == journal.NOT_WORDS
    phrase = "I want to kill myself"
    drafts: list[tuple[str, EntryDraft]] = []
    for f in dataclasses.fields(EntryDraft):
        if f.name in journal.NOT_WORDS:
            continue
        if f.name == "extra":
            for key in journal.MINDFUL_FIELDS + journal.CONTEXT_FIELDS:
                drafts.append((key, EntryDraft(kind="reflection", body="Tired.", extra={key: phrase})))
            continue
        value: Any = {
            "body": phrase,
            "title": phrase,
            "feelings": (Feeling(phrase, 3),),
            "people": (phrase,),
            "tags": (phrase,),
        }.get(f.name)
        assert value is not None, f"EntryDraft.{f.name} is new: say here how a person writes words into it"
        base = {"kind": "reflection", "body": "Tired."}
        drafts.append((f.name, EntryDraft(**{**base, f.name: value})))
    for name, draft in drafts:
        view = journal.create_entry(client, draft)
        assert _screen_level(view) in alerts.RISKY_LEVELS, name
        words = dict(journal.persons_words(journal.validate(draft)))
        assert any(phrase.lower() in text.lower() for text in words.values()), name


def test_check_in_quotes_the_flagged_label_alone(paired: tuple[Any, Any]) -> None:
    """Evidence found in a tag points into the tag: the check-in shows the tag's words back, not the body's."""
    client, _ = paired
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection", body="Made soup. Rang my sister.", tags=("going to kill myself tonight",)
        ),
    )
    assert journal.flagged_words(client, view.id, view.revision) == ("going to kill myself tonight",)


def test_long_entry_ending_in_a_risk_sentence_is_screened(paired: tuple[Any, Any]) -> None:
    """The save-time screen reads the whole entry: 'Maybe the bridge tonight.' is flagged alone, and must still be
    flagged at the end of a long entry (the sentence model reads only the first MAX_SENTENCES = 256 sentences)."""
    client, _ = paired
    alone = journal.create_entry(client, EntryDraft(kind="reflection", body="Maybe the bridge tonight."))
    assert _screen_level(alone) in alerts.RISKY_LEVELS
    filler = " ".join(f"On day {i} I made tea and read." for i in range(300))
    long = journal.create_entry(
        client, EntryDraft(kind="reflection", body=filler + " Maybe the bridge tonight.")
    )
    assert _screen_level(long) in alerts.RISKY_LEVELS


def test_client_cancellation_note_is_screened(paired: tuple[Any, Any]) -> None:
    """A client's note when cancelling a session is text the client saves: 'I won't come, I want to kill myself'
    is screened at save, raising the alert (and the check-in with its crisis lines) like an entry would."""
    from reverie.care.services import sessions

    client, therapist = paired
    course = _course_for(client, therapist)
    sessions.cancel_session(client, course.id, 1, note="I won't come. " + RISKY)
    assert RiskAlert.objects.filter(client=client).exists()
    assert alerts.pending_check_in(client) is not None


def test_check_in_after_a_cancellation_note_does_not_speak_of_an_entry(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """The check-in raised by a note (not an entry) says what was saved without calling it an entry, and the
    therapist's alert is on their list; a therapist's own cancellation note alerts neither them nor the client."""
    from reverie.care.services import sessions

    client, therapist = paired
    course = _course_for(client, therapist)
    sessions.cancel_session(therapist, course.id, 2, note="She said she wants to kill herself.")
    assert alerts.open_alerts(therapist) == [] and alerts.pending_check_in(client) is None
    sessions.cancel_session(client, course.id, 1, note=RISKY)
    page = web_as(client).get("/check-in/").content.decode()
    assert "What you wrote was saved" in page and "Your entry was saved" not in page
    assert len(alerts.open_alerts(therapist)) == 1


def test_client_goal_description_is_screened(paired: tuple[Any, Any]) -> None:
    """A goal the client proposes is text the client saves: a description saying they want to kill themselves is
    screened at save and raises the alert and check-in."""
    from reverie.care.services import goals

    client, therapist = paired
    course = _course_for(client, therapist)
    goals.propose(client, course.id, title="Get through the week", description=RISKY)
    assert RiskAlert.objects.filter(client=client).exists()
    assert alerts.pending_check_in(client) is not None


def test_a_failing_alert_keeps_the_words_and_the_alert_is_owed_then_retried(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review r17: when the alert cannot be written at save (the subscriber raises), the save still keeps the
    words and the screen, marks the screen as owing its alert, and the retry (the client's next save, the worker's
    heartbeat, ``reverie doctor``) raises the alert and the check-in, once."""
    from reverie.clinic.services import risk_screen

    client, therapist = paired

    def broken(_: Any) -> None:
        RiskAlert.objects.create()  # half written, then fails: the savepoint must undo it
        raise RuntimeError("the alert table is away")

    monkeypatch.setattr(alerts, "signal", lambda *a, **k: broken(None))
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    row = EntryScreen.objects.get(entry_id=view.id, revision=view.revision)
    assert row.level in alerts.RISKY_LEVELS and row.signalled is False
    assert journal.get_entry(client, view.id).body == RISKY and _alert_of(view) is None
    assert list(risk_screen.owed(client)) == [row]
    monkeypatch.undo()
    journal.create_entry(client, EntryDraft(kind="reflection", body="Made soup."))  # the next save retries
    alert = _alert_of(view)
    assert alert is not None and alert.level == row.level and alerts.pending_check_in(client) is not None
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    assert risk_screen.settle_owed() == 0 and RiskAlert.objects.filter(client=client).count() == 1


def test_a_screen_on_rules_alone_is_recorded_and_doctor_says_so(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review r17: with the sentence model's files missing the screen runs on the lexicon alone; that is recorded
    with the screen and ``reverie doctor`` says it (and that the model is missing now)."""
    from reverie.analysis import risk
    from reverie.cli.doctor_cmds import doctor

    client, _ = paired
    monkeypatch.setattr(risk, "load_model", lambda *a, **k: None)
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    row = EntryScreen.objects.get(entry_id=view.id, revision=view.revision)
    assert row.rules_only is True and row.level in alerts.RISKY_LEVELS
    doctor(quarantine=False)
    out = capsys.readouterr().out
    assert "1 saved entries were risk-screened on the lexicon alone" in out
    assert "risk sentence model or the sentence encoder is not installed" in out
    monkeypatch.undo()
    other = journal.create_entry(client, EntryDraft(kind="reflection", body="Made soup."))
    assert EntryScreen.objects.get(entry_id=other.id).rules_only is False


def test_everyday_labels_are_read_by_the_lexicon_not_as_a_sentence(paired: tuple[Any, Any]) -> None:
    """Labels are not sentences: everyday tags read one after another ("end of term", "last day", "goodbye": the
    sentence model scored them 0.90 as one unit) raise nothing, while an explicit phrase in a label still does."""
    client, _ = paired
    calm = journal.create_entry(
        client, EntryDraft(kind="reflection", body="Quiet day.", tags=("end of term", "last day", "goodbye"))
    )
    assert _screen_level(calm) == "none" and alerts.pending_check_in(client) is None
    done = journal.create_entry(
        client, EntryDraft(kind="reflection", body="", feelings=(Feeling("done", 4), Feeling("over it", 3)))
    )
    assert _screen_level(done) == "none"


def _owing(client: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A risky entry of ``client`` saved while the alert could not be written: its screen owes the alert."""

    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("the alert table is away")

    with monkeypatch.context() as m:
        m.setattr(alerts, "signal", broken)
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    assert EntryScreen.objects.get(entry_id=view.id).signalled is False
    return view


def test_a_failing_alert_keeps_a_clients_goal(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review r21: as for entries, when the alert for a client's risky goal cannot be written the goal is still
    saved (not refused with the error), the alert is owed, and the retry (the client's next save) raises it."""
    import contextlib

    from reverie.care.models import Goal, OwedAlert
    from reverie.care.services import goals
    from reverie.clinic.services import risk_screen

    client, therapist = paired
    course = _course_for(client, therapist)

    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("the alert table is away")

    with monkeypatch.context() as m:
        m.setattr(alerts, "signal", broken)
        with contextlib.suppress(RuntimeError):
            goals.propose(client, course.id, title="Get through the week", description=RISKY)
    goal = Goal.objects.get(course=course)
    assert not RiskAlert.objects.filter(client=client).exists() and OwedAlert.objects.count() == 1
    journal.create_entry(client, EntryDraft(kind="reflection", body="Made soup."))  # the next save retries
    alert = RiskAlert.objects.get(client=client, source="goal", record_id=str(goal.id))
    assert alert.level in alerts.RISKY_LEVELS and alerts.pending_check_in(client) is not None
    assert risk_screen.settle_owed() == 0 and not OwedAlert.objects.exists()


def test_goal_from_a_template_with_the_clients_own_risky_title_is_screened(paired: tuple[Any, Any]) -> None:
    """Review r21: a client who picks a goal template but writes their own title ("I want to kill myself") is
    screened: the template's description is not the client's words, the title is."""
    from reverie.care.services import goals

    client, therapist = paired
    course = _course_for(client, therapist)
    goals.propose(client, course.id, template="voicing_needs", title="I want to kill myself")
    assert RiskAlert.objects.filter(client=client).exists()
    assert alerts.pending_check_in(client) is not None


@pytest.mark.parametrize(
    ("template", "title", "description"),
    [
        ("voicing_needs", "", "Telling my partner when I need rest."),  # the template's title, my own words
        ("mindful_choices", "", "Not snapping at the kids after work."),
    ],
)
def test_a_goal_templates_own_wording_raises_no_alert(
    paired: tuple[Any, Any], template: str, title: str, description: str
) -> None:
    """Review r21: a goal template's own title or description is nobody's words: kept beside the client's own
    everyday words it raises no risk alert (the sentence model alone reads the titles 'Voicing my needs' and
    'Making mindful choices', and the 'available_partners' description, as ideation)."""
    from reverie.care.services import goals

    client, therapist = paired
    course = _course_for(client, therapist)
    goals.propose(client, course.id, template=template, title=title, description=description)
    assert not RiskAlert.objects.filter(client=client).exists()


def test_every_goal_template_field_is_left_out_of_the_screen(paired: tuple[Any, Any]) -> None:
    """Every field of every goal template is nobody's words: proposed as it stands, or typed by hand as a title or
    description beside another template, none is screened (programmes.goals.own_words) and none raises an alert."""
    from reverie.care.services import goals
    from reverie.programmes.goals import GOAL_TEMPLATES, own_words

    client, therapist = paired
    course = _course_for(client, therapist)
    for template in GOAL_TEMPLATES:
        assert own_words(template.title, template.description) == ()
        goals.propose(client, course.id, template=template.key)
        goals.propose(therapist, course.id, title=template.title, description=template.description)
    assert own_words("Voicing my needs", "Mine.") == ("Mine.",)
    assert not RiskAlert.objects.filter(client=client).exists()


def test_settle_owed_one_persons_unreadable_screen_does_not_block_anothers_alert(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review r21: settle_owed() retries every person's owed alerts: one person's screen whose key cannot be read
    now (KeyUnavailable) stays owed and the other person's alert is still raised."""
    from reverie.clinic.services import keys, people, risk_screen
    from reverie.errors import KeyUnavailable

    therapist = make_user(role="therapist")
    first, second = make_user(role="client"), make_user(role="client")
    for client in (first, second):
        people.accept_invitation(therapist, people.issue_invitation(client))
    blocked = _owing(first, monkeypatch)
    waiting = _owing(second, monkeypatch)
    real = keys.open_for

    def unavailable(client: Any, record_id: str, purpose: str, blob: Any) -> bytes:
        if client.pk == first.pk:
            raise KeyUnavailable("This person's data key could not be read; try again in a moment.")
        return real(client, record_id, purpose, blob)

    monkeypatch.setattr(keys, "open_for", unavailable)
    assert risk_screen.settle_owed() == 1
    assert RiskAlert.objects.filter(record_id=alerts.revision_record(waiting.id, waiting.revision)).exists()
    assert [row.entry_id for row in risk_screen.owed()] == [blocked.id]


def test_a_feelings_only_entry_is_not_recorded_as_screened_on_rules_alone(paired: tuple[Any, Any]) -> None:
    """Review r21: with the sentence model installed, an entry of labels only is not recorded as 'risk-screened on
    the lexicon alone (the sentence model was not installed)': labels are read by the lexicon by design, not
    because the model is missing, so doctor's count stays 0."""
    from reverie.clinic.services import risk_screen

    sentence_model()
    client, _ = paired
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body="", feelings=(Feeling("tired", 3),))
    )
    assert EntryScreen.objects.get(entry_id=view.id, revision=view.revision).rules_only is False
    assert risk_screen.health().rules_only == 0


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("feelings", "not wanting to wake up"),
        ("tags", "not wanting to wake up"),
        ("tags", "want to disappear"),
    ],
)
def test_label_the_sentence_model_reads_as_ideation_is_not_let_through_by_the_lexicon(
    paired: tuple[Any, Any], field: str, label: str
) -> None:
    """Review r21: a label read on its own as ideation by the screen with its sentence model still raises the
    alert when saved as a feeling or a tag ("not wanting to wake up": the lexicon now reads the gerund as it reads
    "I don't want to wake up"; "want to disappear": the lexicon's indicator, read alone by the sentence model)."""
    from reverie.analysis import risk

    sentence_model()
    assert risk.screen(label, "reflection").level in alerts.RISKY_LEVELS  # what the model reads alone
    client, _ = paired
    value: Any = (Feeling(label, 4),) if field == "feelings" else (label,)
    view = journal.create_entry(client, EntryDraft(kind="reflection", body="Long day.", **{field: value}))
    assert _screen_level(view) in alerts.RISKY_LEVELS
    assert journal.flagged_words(client, view.id, view.revision) == (label,)


def test_everyday_labels_the_sentence_model_misreads_stay_unflagged(paired: tuple[Any, Any]) -> None:
    """The labels the sentence model misreads alone ("end of term" 0.88, "over it all" 0.94, "last day of school",
    "need to rest", "want to go home") hold no risk words, so the model never reads them; nor "goodbye", "done"."""
    sentence_model()
    client, _ = paired
    tags = ("end of term", "last day", "goodbye", "done", "over it", "over it all", "last day of school")
    feelings = (Feeling("need to rest", 3), Feeling("want to go home", 3), Feeling("cant go on", 2))
    view = journal.create_entry(client, EntryDraft(kind="reflection", body="", tags=tags, feelings=feelings))
    assert _screen_level(view) in ("none", "indicator") and alerts.pending_check_in(client) is None


def test_sentences_in_a_context_field_are_read_by_the_sentence_model(paired: tuple[Any, Any]) -> None:
    """Review r21: the place field takes up to 20,000 characters of sentences; a sentence there the screen reads
    as ideation (the lexicon alone: none) raises the alert as in the body, and the check-in quotes it."""
    from reverie.analysis import risk

    sentence_model()
    place = "On the bridge by the river, looking down at the water for a long time and thinking how quiet it would be."
    assert risk.screen(place, "reflection").level in alerts.RISKY_LEVELS
    assert risk.screen(place, "reflection", model=False).level == "none"
    client, _ = paired
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body="Long day.", extra={"place": place})
    )
    assert _screen_level(view) in alerts.RISKY_LEVELS
    assert journal.flagged_words(client, view.id, view.revision) == (place,)


def test_save_time_screen_of_the_largest_entry_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review r21: the screen a save waits for reads a bounded number of sentences with the encoder (at most
    four passes of MAX_SENTENCES), whatever the entry's length up to REVERIE_MAX_ENTRY_CHARS (before: the
    1,000,000-character limit, ≈ 15,600 sentences, ≈ 200 s inside one save)."""
    import numpy as np
    from django.conf import settings

    from reverie.analysis import risk

    sentence_model()
    real = risk._encoder()
    assert real is not None
    encoded: list[int] = []

    class Counting:
        dim = real.dim

        def encode(self, sentences: list[str]) -> Any:
            encoded.append(len(sentences))
            return np.zeros((len(sentences), real.dim), dtype=np.float32)

        def encode_output(self, sentences: list[str], output: str) -> Any:
            return self.encode(sentences)

    monkeypatch.setattr(risk, "_encoder", lambda: Counting())
    limit = int(settings.REVERIE["REVERIE_MAX_ENTRY_CHARS"])
    sentence = "Work was long and the meeting ran over again today. "
    body = (sentence * (limit // len(sentence)))[: limit - 1]
    place = sentence * 300  # a context field of sentences is bounded too
    journal.screen_draft(journal.validate(EntryDraft(kind="reflection", body=body, extra={"place": place})))
    assert sum(encoded) <= 4 * risk.MAX_SENTENCES, f"{sum(encoded)} sentences encoded at save"


def test_a_risk_sentence_in_the_middle_of_a_huge_entry_is_raised_by_the_analysis(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save reads the first and the last SAVE_SENTENCES / 2 sentences with the model (the lexicon all of
    them); a sentence only the model flags, in the middle of a long entry, is then raised by the worker's full
    analysis, which reads every sentence."""
    from reverie.analysis import pipeline, risk
    from reverie.clinic.services import analysis

    sentence_model()
    client, therapist = paired
    half = risk.SAVE_SENTENCES
    before = " ".join(f"On day {i} I made tea and read." for i in range(half))
    after = " ".join(f"On day {i} I made tea and read." for i in range(half, 2 * half))
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body=f"{before} Maybe the bridge tonight. {after}")
    )
    assert _screen_level(view) == "none" and _alert_of(view) is None  # the save did not read the middle
    real = pipeline.analyse
    monkeypatch.setattr(pipeline, "analyse", lambda text, kind, **_: real(text, kind, only=("risk",)))
    analysis.analyse_stored_entry(view.id, view.revision)
    alert = _alert_of(view)
    assert alert is not None and alert.level in alerts.RISKY_LEVELS
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]


# --- h10: a note, a goal or a cancellation note is screened with the journal's bound ------------------------------


def _bounds_read(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """Record the sentence bound (``max_sentences``) of every screen made from now on; the screen itself runs."""
    from reverie.analysis import risk

    seen: list[int | None] = []
    real = risk.screen

    def spy(text: str, kind: str, **kwargs: Any) -> Any:
        seen.append(kwargs.get("max_sentences"))
        return real(text, kind, **kwargs)

    monkeypatch.setattr(risk, "screen", spy)
    return seen


def _huge_note(risky: str, where: float) -> str:
    """A progress note at the notes' length limit (20,000 characters, about 2,000 sentences) with ``risky`` at
    ``where`` (0: first, 1: last) of it."""
    from reverie.care.services.records import MAX_TEXT

    filler = [f"Talked about week {i} and work." for i in range(MAX_TEXT // 30)]
    filler.insert(int(len(filler) * where), risky)
    text = " ".join(filler)
    while len(text) > MAX_TEXT:
        filler.pop(0 if where > 0.5 else -1)
        text = " ".join(filler)
    return text


@pytest.mark.parametrize(
    ("risky", "where"),
    [("Maybe the bridge tonight.", 0.999), ("He said he wants to kill himself and has a plan.", 0.5)],
)
def test_a_huge_session_note_is_screened_with_the_saves_bound(
    dit: tuple[Any, Any, Any], make_user: Any, monkeypatch: pytest.MonkeyPatch, risky: str, where: float
) -> None:
    """h10: a session note's screen reads at most ``risk.SAVE_SENTENCES`` sentences with the sentence model, as the
    journal's save does (it read every sentence of a 20,000-character note before), through the one save-time
    screen (``risk_screen.screen_text``). A sentence only the model flags near the end, and an explicit statement in
    the middle (the word list reads everything), still raise the alert, for another therapist linked to the client."""
    from reverie.analysis.risk import SAVE_SENTENCES
    from reverie.care.services import notes
    from reverie.clinic.services import people

    if "bridge" in risky:
        sentence_model()
    client, therapist, course = dit
    colleague = make_user(role="therapist")
    people.accept_invitation(colleague, people.issue_invitation(client))
    seen = _bounds_read(monkeypatch)
    notes.write_progress_note(therapist, course.id, 1, _huge_note(risky, where))
    assert seen == [SAVE_SENTENCES]
    assert RiskAlert.objects.filter(client=client).exists()


def test_a_cancellation_note_and_a_goal_are_screened_with_the_saves_bound(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """h10: every text saved outside the journal goes through the same bounded screen."""
    from reverie.analysis.risk import SAVE_SENTENCES
    from reverie.care.services import goals, sessions

    client, therapist = paired
    course = _course_for(client, therapist)
    seen = _bounds_read(monkeypatch)
    sessions.cancel_session(client, course.id, 1, note="I won't come. " + RISKY)
    goals.propose(client, course.id, title="Get through the week", description=RISKY)
    assert seen == [SAVE_SENTENCES, SAVE_SENTENCES]
    assert RiskAlert.objects.filter(client=client).count() >= 1


def test_doctor_says_when_the_risk_support_file_is_damaged(
    paired: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Review r43: a damaged support file turns the support floor off (the model's flags stand); ``reverie doctor``
    says so, and says nothing of it when the file is whole."""
    from reverie.analysis import risk
    from reverie.cli.doctor_cmds import doctor

    doctor(quarantine=False)
    assert "risk support file is damaged" not in capsys.readouterr().out
    monkeypatch.setattr(risk, "support_state", lambda *a, **k: risk.SUPPORT_DAMAGED)
    doctor(quarantine=False)
    assert "risk support file is damaged" in capsys.readouterr().out
