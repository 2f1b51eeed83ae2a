"""A flag that rests on the sentence model alone asks gently and says so to the therapist.

On the seen challenge batches a model-alone flag is right 72 % of the time against 92 % for a flag with explicit
words, and on everyday diary text most of the model's lone alarms are false ("Where are my keys?").
Such a save still raises the same alert, with the same urgency, and a check-in; but the check-in does not tell the
person "it sounds like things are very hard right now", and the therapist's alert line says there were no explicit
words. A later reading with explicit words clears that for good; a later model-alone reading never sets it again.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from reverie.analysis import risk
from reverie.analysis.findings import Span
from reverie.care.models import CheckIn, RiskAlert
from reverie.care.models.safety import CHECK_IN_QUESTION, UNREAD_QUESTION, UNSURE_QUESTION
from reverie.care.services import alerts
from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in as _as

QUIET = "Tidied the shed and found my old bike."
WORDS = "I keep thinking I want to kill myself. Nobody would miss me."
NO_WORDS = (
    "note for the therapist: " + "x" * 8
)  # flagged below only through a stand-in for the model's reading


def _model_reading(text: str, kind: str = "free_association", **_: Any) -> risk.RiskScreen:
    """What the screen returns when only the sentence model raised the text (the lexicon found nothing)."""
    return risk.RiskScreen(
        level="ideation",
        score=0.8,
        threshold=0.7,
        triggers=(risk.Trigger(Span(0, len(text)), "model", "ideation"),),
        suppressed=(),
        model_score=0.93,
    )


# --- the core: which flags rest on the model alone ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("triggers", "expected"),
    [
        ([("model", "ideation")], True),
        ([("model", "ideation"), (risk.LEVEL_RULE, "behavior")], True),
        (
            [("hopeless_future", "indicator"), ("model", "ideation")],
            True,
        ),  # an indicator phrase is not explicit
        ([("kill_self", "ideation")], False),
        ([("kill_self", "ideation"), ("model", "ideation")], False),
        ([("preparation_means", "behavior")], False),
    ],
)
def test_model_alone_reads_the_triggers(triggers: list[tuple[str, str]], expected: bool) -> None:
    assert risk.model_alone(triggers) is expected
    data = {"level": "ideation", "triggers": [{"span": [0, 1], "rule": r, "level": lv} for r, lv in triggers]}
    assert risk.data_model_alone(data) is expected


@pytest.mark.parametrize(
    "data",
    [
        {"level": "none", "triggers": [{"rule": "model", "level": "ideation"}]},
        {"level": "indicator", "triggers": []},
        {"level": "unscreened", "error": "RuntimeError"},
        {"level": "ideation"},  # no trigger list
        {"level": "ideation", "triggers": ["model"]},  # not a trigger object
    ],
)
def test_a_document_that_is_not_a_model_alone_flag_says_so(data: dict[str, Any]) -> None:
    assert risk.data_model_alone(data) is False


def test_the_real_screen_tells_explicit_words_from_the_model_alone() -> None:
    words = risk.screen(WORDS)
    assert words.flagged and not words.model_alone
    quiet = risk.screen(QUIET)
    assert not quiet.flagged and not quiet.model_alone


# --- the flow ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_model_alone_save_asks_gently_on_every_surface(paired: tuple[Any, Any], monkeypatch: Any) -> None:
    client, therapist = paired
    monkeypatch.setattr(risk, "screen", _model_reading)
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=NO_WORDS))
    alert = RiskAlert.objects.get(client=client)
    assert alert.model_alone and alert.level == "ideation"
    assert alert.urgency == alerts.urgency_for(
        "ideation"
    )  # the same urgency: the therapist is told all the same
    assert CheckIn.objects.get(client=client).question == UNSURE_QUESTION

    web = _as(client)
    banner = web.get("/journal/").content.decode()
    assert UNSURE_QUESTION in banner and CHECK_IN_QUESTION not in banner
    page = web.get("/check-in/").content.decode()
    assert f"<h1>{UNSURE_QUESTION}</h1>" in page
    from django.test import Client

    from reverie.api import tokens

    api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'tests').secret}"})
    assert api.get("/api/v1/check-in").json()["pending"]["question"] == UNSURE_QUESTION

    line = _as(therapist).get("/alerts/").content.decode()
    assert "no explicit words" in line
    check_in = CheckIn.objects.get(client=client)
    answered = web.post("/check-in/", {"check_in": str(check_in.id), "answer": "misunderstood"})
    # the answered page names the question that was asked (headed by the answer since r132)
    assert f"Reverie asked “{UNSURE_QUESTION}”" in answered.content.decode()
    assert Entry.objects.filter(pk=view.id).exists()


@pytest.mark.django_db
def test_explicit_words_ask_as_before_and_say_nothing_of_the_model(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=WORDS))
    alert = RiskAlert.objects.get(client=client)
    assert not alert.model_alone
    assert CheckIn.objects.get(client=client).question == CHECK_IN_QUESTION
    assert f"<h1>{CHECK_IN_QUESTION}</h1>" in _as(client).get("/check-in/").content.decode()
    assert "no explicit words" not in _as(therapist).get("/alerts/").content.decode()


def _analysis(entry: Entry, triggers: list[tuple[str, str]]) -> tuple[StoredAnalysis, dict[str, Any]]:
    stored = StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, risk_level="ideation", payload=b"x"
    )
    data = {"level": "ideation", "triggers": [{"span": [0, 4], "rule": r, "level": lv} for r, lv in triggers]}
    return stored, {"findings": [{"kind": "risk", "label": "ideation", "data": data}], "notes": []}


@pytest.mark.django_db
def test_a_later_reading_with_words_clears_it_and_a_model_reading_never_sets_it_again(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    client, _ = paired
    with monkeypatch.context() as patch:
        patch.setattr(risk, "screen", _model_reading)
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=NO_WORDS))
    entry = Entry.objects.get(pk=view.id)
    stored, result = _analysis(entry, [("model", "ideation")])
    alerts.on_analysis(entry, stored, result)
    assert RiskAlert.objects.get(client=client).model_alone  # the full analysis read it the same way
    StoredAnalysis.objects.filter(pk=stored.pk).delete()
    stored, result = _analysis(entry, [("kill_self", "ideation")])
    alerts.on_analysis(entry, stored, result)
    alert = RiskAlert.objects.get(client=client)
    assert not alert.model_alone and alert.level == "ideation"
    assert CheckIn.objects.get(client=client).question == CHECK_IN_QUESTION
    alerts.signal(
        client, "journal", "ideation", alert.record_id, written_at=alert.written_at, model_alone=True
    )
    assert not RiskAlert.objects.get(client=client).model_alone
    assert json.dumps(alerts.ANSWERS)  # the three answers are the same for both questions


@pytest.mark.django_db
def test_a_session_note_flagged_by_the_model_alone_says_so(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    from reverie.care.services import notes

    _client, therapist, course = dit
    session = course.sessions.order_by("slot").first()
    monkeypatch.setattr(risk, "screen", _model_reading)
    alert = notes.screen_session_text(course, session, "She talked about the weekend.", author=therapist)
    assert alert is not None and alert.model_alone


@pytest.mark.django_db
def test_an_unscreened_save_takes_its_first_reading_model_alone_or_not(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """r6: a save the screen could not read raises an ``unscreened`` alert (model_alone False); the full analysis's
    reading replaced its level but never set ``model_alone``, so a model-alone reading still asked "It sounds like
    things are very hard right now" and the therapist was not told there were no explicit words."""
    client, therapist = paired

    def broken(*_: Any, **__: Any) -> risk.RiskScreen:
        raise RuntimeError("model file missing")

    with monkeypatch.context() as patch:
        patch.setattr(risk, "screen", broken)
        worded = Entry.objects.get(
            pk=journal.create_entry(client, EntryDraft(kind="reflection", body=WORDS)).id
        )
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=NO_WORDS))
    assert [(a.level, a.model_alone) for a in RiskAlert.objects.filter(client=client)] == [
        (alerts.UNSCREENED, False)
    ] * 2
    stored, result = _analysis(worded, [("kill_self", "ideation")])
    alerts.on_analysis(worded, stored, result)  # explicit words: the direct question, as before
    assert not RiskAlert.objects.get(client=client, record_id__startswith=str(worded.id)).model_alone
    entry = Entry.objects.get(pk=view.id)
    stored, result = _analysis(entry, [("model", "ideation"), (risk.LEVEL_RULE, "behavior")])
    StoredAnalysis.objects.filter(pk=stored.pk).update(risk_level="behavior")
    stored.refresh_from_db()
    alerts.on_analysis(entry, stored, result)
    alert = RiskAlert.objects.get(client=client, record_id__startswith=str(entry.id))
    assert alert.level == "behavior" and alert.model_alone
    assert CheckIn.objects.get(alert=alert).question == UNSURE_QUESTION
    assert CheckIn.objects.get(alert__record_id__startswith=str(worded.id)).question == CHECK_IN_QUESTION
    assert "no explicit words" in _as(therapist).get("/alerts/").content.decode()


@pytest.mark.django_db
def test_explicit_words_pending_are_asked_first_and_a_model_alone_read_back_says_they_are_not_outright(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """r6: with two check-ins pending, the newest was shown: a model-alone one asked "Reverie may have misread
    something you wrote" and its "I'm safe for now" also answered an older entry's explicit words, never asked about
    directly. The one on explicit words is now asked first. And a model-alone read-back no longer says the person's
    words "can be about not wanting to live"."""
    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=WORDS))
    with monkeypatch.context() as patch:
        patch.setattr(risk, "screen", _model_reading)
        journal.create_entry(client, EntryDraft(kind="reflection", body="Where are my keys?"))
    web = _as(client)
    assert (
        f'id="check-in-heading" role="alert"><strong>{CHECK_IN_QUESTION}</strong>'
        in web.get("/journal/").content.decode()
    )
    page = web.get("/check-in/").content.decode()
    assert (
        f"<h1>{CHECK_IN_QUESTION}</h1>" in page and "kill myself" in page and "Where are my keys?" not in page
    )
    pending = alerts.pending_check_in(client)
    assert pending is not None and not pending.alert.model_alone
    after = web.post("/check-in/", {"check_in": str(pending.id), "answer": "misunderstood"}).content.decode()
    assert f"<h1>{UNSURE_QUESTION}</h1>" in after and "Where are my keys?" in after  # the gentle one, next
    assert "They do not say it outright, but they can sound like not wanting to live" in after
    # r132: a person whose wish only the model read is not told that no such words are there
    assert "no explicit words" not in after
    assert "can be about not wanting to live" not in after


@pytest.mark.django_db
def test_a_save_the_screen_could_not_read_says_nothing_of_what_was_written(
    paired: tuple[Any, Any], monkeypatch: Any
) -> None:
    """An ``unscreened`` check-in asked "It sounds like things are very hard right now" of a text nothing had read. It
    now says the check could not run; once a reading replaces the level, that reading's question is asked. With an
    entry's explicit words pending too, those are asked first, before the unread one."""
    client, _ = paired

    def broken(*_: Any, **__: Any) -> risk.RiskScreen:
        raise RuntimeError("model file missing")

    with monkeypatch.context() as patch:
        patch.setattr(risk, "screen", broken)
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=QUIET))
    pending = alerts.pending_check_in(client)
    assert pending is not None and pending.question == UNREAD_QUESTION
    assert f"<h1>{UNREAD_QUESTION}</h1>" in _as(client).get("/check-in/").content.decode()
    journal.create_entry(client, EntryDraft(kind="reflection", body=WORDS))  # older unread, newer explicit
    first = alerts.pending_check_in(client)
    assert first is not None and first.question == CHECK_IN_QUESTION
    entry = Entry.objects.get(pk=view.id)
    stored, result = _analysis(entry, [("kill_self", "ideation")])
    alerts.on_analysis(entry, stored, result)
    unread = CheckIn.objects.get(alert__record_id__startswith=str(view.id))
    assert unread.question == CHECK_IN_QUESTION  # read now, with explicit words


def test_a_stale_change_says_nothing_of_an_edit() -> None:
    """The 409 of a stale trash, share or purge said "your edit was based on version 3": the message now fits every
    change to one record."""
    from reverie.errors import StaleEdit

    with pytest.raises(StaleEdit) as raised:
        StaleEdit.check(4, 3, "entry")
    assert raised.value.message == (
        "This entry was changed somewhere else since you opened it: it is now at version 4, you had version 3."
        " Nothing was changed."
    )


@pytest.mark.django_db
def test_the_check_in_page_asks_first_and_keeps_the_plan_and_lines_below(paired: tuple[Any, Any]) -> None:
    """x7: on a phone the three answers sat about 1,900 px down, below the whole plan and every crisis line. What
    Reverie read and the answers now come first; the plan and the lines follow, before and after an answer."""
    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=WORDS))
    web = _as(client)
    page = web.get("/check-in/").content.decode()
    asked, read, lines = (
        page.index('name="answer"'),
        page.index('id="read-back-heading"'),
        page.index('href="tel:'),
    )
    assert asked < read < lines  # u5: the answers right under the question, then what Reverie read
    pending = alerts.pending_check_in(client)
    assert pending is not None
    after = web.post("/check-in/", {"check_in": str(pending.id), "answer": "need_help"}).content.decode()
    assert after.index('role="alert"') < after.index(
        'href="tel:'
    )  # "call one of the lines below": they follow


@pytest.mark.django_db
def test_an_answered_check_in_keeps_the_question_it_asked(paired: tuple[Any, Any], monkeypatch: Any) -> None:
    """x2: the question was derived from the alert each time it was shown, so a model-alone check-in answered "I'm
    safe", whose alert a later reading with explicit words then confirmed, showed in the page, the export and the API
    "It sounds like things are very hard right now": a question never asked. The question's kind is stored when
    the check-in is left; once answered it stays, even when its alert changes or is deleted."""
    from django.test import Client

    from reverie.api import tokens
    from reverie.clinic.services import portability

    client, _ = paired
    with monkeypatch.context() as patch:
        patch.setattr(risk, "screen", _model_reading)
        view = journal.create_entry(client, EntryDraft(kind="reflection", body=NO_WORDS))
    check_in = CheckIn.objects.get(client=client)
    web = _as(client)
    web.post("/check-in/", {"check_in": str(check_in.id), "answer": "safe"})
    entry = Entry.objects.get(pk=view.id)
    stored, result = _analysis(entry, [("kill_self", "ideation")])
    alerts.on_analysis(entry, stored, result)  # explicit words now: model_alone is cleared for good
    assert not RiskAlert.objects.get(client=client).model_alone

    def asked() -> list[str]:
        page = web.post("/check-in/", {"check_in": str(check_in.id), "answer": "safe"}).content.decode()
        api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'tests').secret}"})
        answer = api.post(
            "/api/v1/check-in", {"id": str(check_in.id), "answer": "safe"}, content_type="application/json"
        )
        (exported,) = portability.export_journal(client).record["check_ins"]
        return [
            UNSURE_QUESTION if f"Reverie asked “{UNSURE_QUESTION}”" in page else page,  # r132: named, not h1
            answer.json()["question"],
            exported["question"],
        ]

    assert CheckIn.objects.get(pk=check_in.pk).question == UNSURE_QUESTION
    assert asked() == [UNSURE_QUESTION] * 3
    RiskAlert.objects.filter(client=client).delete()  # the alert gone: the question asked stays
    assert asked() == [UNSURE_QUESTION] * 3


@pytest.mark.django_db
def test_the_migration_fills_in_the_question_each_check_in_asked_until_now(make_user: Any) -> None:
    """Migration 0011 gives existing check-ins the question the alert gave them so far (one without an alert, or
    whose alert was deleted, asked the direct one)."""
    import importlib

    from django.apps import apps
    from django.utils import timezone

    step = importlib.import_module("reverie.care.migrations.0011_check_in_question_kind")
    client, now = make_user(), timezone.now()
    kinds = {}
    for n, (level, alone, expected) in enumerate(
        [("unscreened", False, "unread"), ("ideation", True, "unsure"), ("ideation", False, "explicit")]
    ):
        alert = RiskAlert.objects.create(
            client=client, source="journal", level=level, record_id=f"r{n}", created_at=now, model_alone=alone
        )
        kinds[CheckIn.objects.create(client=client, alert=alert, created_at=now).pk] = expected
    kinds[CheckIn.objects.create(client=client, created_at=now).pk] = "explicit"
    step.fill(apps, None)
    assert {row.pk: row.question_kind for row in CheckIn.objects.filter(client=client)} == kinds
