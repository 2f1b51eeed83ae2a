"""The trash asks before deleting for good, without JavaScript, and says what each step did (qa34 point 10)."""

from __future__ import annotations

from typing import Any

from reverie.clinic.models import Entry


def _trashed(web: Any) -> str:
    made = web.post("/write/", {"kind": "reflection", "body": "a pebble in my shoe"})
    web.post(made["Location"] + "trash/")
    return str(Entry.objects.get().id)


def test_trash_delete_for_good_asks_first_and_keeps_the_entry(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    entry_id = _trashed(web)
    page = web.post(f"/trash/{entry_id}/purge/")
    assert page.status_code == 200 and "Delete this entry for good?" in page.content.decode()
    assert 'name="confirm" value="yes"' in page.content.decode() and "onclick" not in page.content.decode()
    assert Entry.objects.filter(id=entry_id).exists()


def test_trash_delete_for_good_once_confirmed_says_so(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    entry_id = _trashed(web)
    page = web.post(f"/trash/{entry_id}/purge/", {"confirm": "yes"}, follow=True)
    assert "The entry is deleted for good." in page.content.decode()
    assert not Entry.objects.filter(id=entry_id).exists()


def test_trash_and_restore_each_say_what_happened(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    made = web.post("/write/", {"kind": "reflection", "body": "a pebble in my shoe"})
    trashed = web.post(made["Location"] + "trash/", follow=True).content.decode()
    assert "The entry is in the trash." in trashed
    entry_id = str(Entry.objects.get().id)
    restored = web.post(f"/trash/{entry_id}/restore/", follow=True).content.decode()
    assert "The entry is restored" in restored and "The entry is in the trash." not in restored


def test_trash_confirm_page_for_someone_elses_entry_is_404(make_user: Any, web_as: Any) -> None:
    entry_id = _trashed(web_as(make_user("ada")))
    assert web_as(make_user("bo")).post(f"/trash/{entry_id}/purge/").status_code == 404
    assert Entry.objects.filter(id=entry_id).exists()


def test_trash_buttons_name_their_entry_with_the_same_visible_words(make_user: Any, web_as: Any) -> None:
    """Each "Restore" and "Delete for good…" names its entry for a screen reader (kind, date and time, then the
    title or first words, unseen on the page), so two untitled entries of one kind written in the same minute are
    told apart too; the visible words stay the same (review r126)."""
    import html
    import re

    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    person = make_user()
    for body in ("a pebble in my shoe", "the bus was late again"):
        journal.trash_entry(person, journal.create_entry(person, EntryDraft(kind="reflection", body=body)).id)
    page = web_as(person).get("/trash/").content.decode()
    buttons = re.findall(r"<li class=\"entry-row\">.*?</li>", page, re.S)
    names = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", b)).split())
        for row in buttons
        for b in re.findall(r"<button[^>]*>(.*?)</button>", row, re.S)
    ]
    assert len(names) == 4 and len(set(names)) == 4, names
    visible = sorted(n.split(" reflection of ")[0] for n in names)
    assert visible == ["Delete for good…", "Delete for good…", "Restore", "Restore"], names
    assert any(n.endswith(": the bus was late again") for n in names), names
    seen = re.findall(r"<button[^>]*>([^<]*)<span class=\"sr-only\">", page)
    assert sorted(seen) == ["Delete for good…", "Delete for good…", "Restore", "Restore"], seen
