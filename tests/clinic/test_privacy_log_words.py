"""Brief u32 point 5: the Privacy log (/account/audit/) speaks plain words, never event codes; it is paged, newest
first; one check-in answer is recorded once, and its two events (the check-in and the alert) say what each is."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.services import alerts
from reverie.clinic.models import AuditEvent
from reverie.clinic.services import audit, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I want to kill myself. Nobody would miss me."
CODES = ("risk.alert.answer", "check_in.request", "analysis.read", "risk_alert", "need_help", "entry.create")


def _items(page: str) -> list[str]:
    return re.findall(r"<li><time[^>]*>[^<]*</time> · ([^<]*)</li>", page)


def _answer(web: Any, client: Any, answer: str) -> None:
    pending = alerts.pending_check_in(client)
    assert pending is not None
    web.post("/check-in/", {"check_in": str(pending.id), "answer": answer})


def test_the_log_says_each_event_in_plain_words(make_user: Any, web_as: Any) -> None:
    client = make_user()
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    web = web_as(client)
    _answer(web, client, "need_help")
    page = web.get("/account/audit/").content.decode()
    items = _items(page)
    assert "You answered the check-in: you need help now." in items
    assert "You wrote a journal entry." in items
    assert any(i.startswith("Reverie asked how you are (a check-in)") for i in items)
    for code in CODES:
        assert code not in page, code
    assert "<td>ok</td>" not in page and RISKY not in page


def test_an_unknown_code_reads_as_a_generic_sentence(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.services.audit_words import sentence

    client = make_user()
    audit.record(client, "zz.brand_new.thing", "widget_box", "x1", subject=client)
    page = web_as(client).get("/account/audit/").content.decode()
    assert "You read or changed one of your records." in _items(page)
    assert "brand_new" not in page and "widget_box" not in page
    assert (
        sentence("entry.read", "bea") == "bea opened one of your journal entries."
    )  # a known one is specific
    assert sentence("entry.read", "bea", "refused").startswith("Refused, so it did not happen:")


def test_the_log_is_paged_newest_first(make_user: Any, web_as: Any) -> None:
    client = make_user()
    web = web_as(client)
    for n in range(
        30
    ):  # alternating: lines in a row that read alike are one line (test_privacy_log_grouping)
        action = "journal.list" if n % 2 else "entry.read"
        audit.record(client, action, "journal", client.pk, subject=client)
    audit.record(client, "journal.export", "journal", client.pk, subject=client)  # the newest
    total = AuditEvent.objects.filter(subject_id=client.pk).count()
    first = web.get("/account/audit/").content.decode()
    assert len(_items(first)) == 25 and _items(first)[0] == "You downloaded a copy of your journal."
    assert 'href="?page=2">Older events' in first and "Newer events" not in first
    second = web.get("/account/audit/?page=2").content.decode()
    assert len(_items(second)) == total - 25 and 'href="?page=1">Newer events' in second
    assert "Older events" not in second


def test_a_short_log_has_no_pager(make_user: Any, web_as: Any) -> None:
    client = make_user()
    audit.record(client, "journal.list", "journal", client.pk, subject=client)
    page = web_as(client).get("/account/audit/").content.decode()
    assert "Older events" not in page and "Newer events" not in page


def test_one_answer_is_recorded_once_and_its_two_events_say_what_each_is(make_user: Any, web_as: Any) -> None:
    client = make_user()
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    pending = alerts.pending_check_in(client)
    assert pending is not None
    web = web_as(client)
    for _ in range(2):  # the answer, then a reload that posts it again
        web.post("/check-in/", {"check_in": str(pending.id), "answer": "need_help"})
    actions = list(AuditEvent.objects.filter(subject_id=client.pk).values_list("action", flat=True))
    assert actions.count("check_in.need_help") == 1 and actions.count("risk.alert.answer.need_help") == 1
    items = _items(web.get("/account/audit/").content.decode())
    assert items.count("You answered the check-in: you need help now.") == 1
    assert (
        "The same answer (you need help now) was kept with the alert, which a therapist linked with you would see"
        " (a level and a date, never your words)." in items
    )
    # A different answer to the same check-in is a new answer: recorded.
    web.post("/check-in/", {"check_in": str(pending.id), "answer": "safe"})
    assert AuditEvent.objects.filter(subject_id=client.pk, action="check_in.safe").count() == 1
    assert audit.verify().ok  # the chain stays valid; no stored event was rewritten


def test_every_action_the_code_records_has_its_own_sentence() -> None:
    """A new audit action without words would read as the generic sentence: name it in audit_words."""
    import pathlib

    from reverie.clinic.services import audit_words

    src = pathlib.Path(audit_words.__file__).resolve().parents[2]
    found = set()
    for path in src.rglob("*.py"):
        for m in re.finditer(
            r'audit\.(?:record|refused)\(\s*[^,()]+(?:\([^)]*\))?,\s*"([a-z_.]+)"', path.read_text()
        ):
            found.add(m.group(1))
    assert len(found) > 50
    generic = audit_words.GENERIC.replace("{who}", "X")
    hidden = ("note.process", "note.transference", "note.countertransference")  # never on a client's page
    assert [
        a for a in sorted(found) if audit_words.sentence(a, "X") == generic and not a.startswith(hidden)
    ] == []
    assert (
        audit_words.sentence("read", "bea", "refused")
        == "bea tried to open one of your records, and was refused."
    )
    for answer in audit_words.ANSWERS:
        assert audit_words.sentence(f"check_in.{answer}", "You").startswith("You answered the check-in: ")
    assert (
        audit_words.sentence("session.did_not_attend", "bea") == "bea marked one of your sessions as missed."
    )


def test_the_check_in_line_never_says_how_the_entry_sounded(
    make_user: Any, web_as: Any, monkeypatch: Any
) -> None:
    """r6: the Privacy log said "because an entry sounded very hard" for every check-in, one a flag on the sentence
    model alone raised too (whose own question no longer tells the person how they feel), and a PHQ-9 answer's."""
    from reverie.analysis import risk
    from reverie.analysis.findings import Span

    def model_reading(text: str, kind: str = "free_association", **_: Any) -> risk.RiskScreen:
        trigger = risk.Trigger(Span(0, len(text)), "model", "ideation")
        return risk.RiskScreen("ideation", 0.8, 0.7, (trigger,), (), 0.93)

    client = make_user()
    monkeypatch.setattr(risk, "screen", model_reading)
    journal.create_entry(client, EntryDraft(kind="reflection", body="Where are my keys?"))
    assert alerts.pending_check_in(client) is not None and alerts.pending_check_in(client).alert.model_alone
    items = _items(web_as(client).get("/account/audit/").content.decode())
    line = [i for i in items if i.startswith("Reverie asked how you are (a check-in)")]
    assert line == ["Reverie asked how you are (a check-in), because of something you wrote or answered."]
    assert not any("hard" in i or "sounded" in i for i in items)
