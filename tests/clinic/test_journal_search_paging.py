"""Finding one's own words again in the journal (search, the list's pages, the kind filter): the faults review r68
found, each failing before its fix (h79).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _listed(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(rf'href="/journal/({UUID})/"', html)))


@pytest.mark.parametrize(
    "between",
    ["\n", "\r\n", "  "],
    ids=["line-break", "line-break-from-a-browser-textarea", "two-spaces"],
)
def test_two_words_split_over_a_line_break_are_found(make_user: Any, web_as: Any, between: str) -> None:
    """A client wrote on their phone "I walked" and, on the next line, "home alone through the park" (the write
    page's text box sends the line break as CR LF). Weeks later they search the journal for "walked home": "No
    entries match.", though the words stand one after the other on the entry's page (a line break or a second
    space shows as one gap). They should find the entry: a line break or a run of spaces between the words of a
    search is the same gap as one space."""
    alice = make_user()
    body = f"I walked{between}home alone through the park."
    made = journal.create_entry(alice, EntryDraft(kind="reflection", body=body))
    journal.create_entry(alice, EntryDraft(kind="reflection", body="I stayed home and walked later."))
    page = web_as(alice).get("/journal/", {"q": "walked home"})
    assert page.status_code == 200
    assert _listed(page.content.decode()) == [str(made.id)]


def _older(web: Any, html: str) -> str:
    """The page "Older entries" opens: a link's address (a list), or a form sent with its hidden fields (a search,
    whose words stay out of every address)."""
    link = re.search(r'<a href="(\?[^"]*)">Older entries</a>', html)
    if link is not None:
        return str(web.get("/journal/" + link.group(1).replace("&amp;", "&")).content.decode())
    forms = re.findall(r"<form[^>]*>.*?</form>", html, flags=re.S)
    form = next((f for f in forms if "Older entries" in f), None)
    assert form is not None, "no Older entries on the page"
    assert 'method="post"' in form
    fields = dict(re.findall(r'<input type="hidden" name="([a-z]+)" value="([^"]*)"', form))
    return str(web.post("/journal/", fields).content.decode())


def _journal_of(alice: Any, count: int, body: str) -> list[str]:
    """``count`` entries a day apart, newest last in the list returned (oldest first)."""
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    made = []
    for day in range(count):
        draft = EntryDraft(kind="reflection", body=f"{body} {day}", happened_at=start + timedelta(days=day))
        made.append(str(journal.create_entry(alice, draft).id))
    return made


@pytest.mark.parametrize("search", ["", "rain"], ids=["journal", "search"])
def test_an_entry_written_between_two_pages_shows_no_entry_twice(
    make_user: Any, web_as: Any, search: str
) -> None:
    """A client reads page 1 of their journal (or of a search) on the laptop, writes a new entry about the rain on
    the phone, then taps "Older entries": page 2 starts with the entry that was already the last of page 1, shown
    twice. (The API has had a cursor for this since review r64, ``after``; the web's pages still count from the
    newest entry at each request.) They should see each entry once as they page on."""
    alice = make_user()
    _journal_of(alice, 25, "It was rain again, day")
    web = web_as(alice)
    first_html = web.get("/journal/", {"q": search}).content.decode()
    first = _listed(first_html)
    assert len(first) == 20
    journal.create_entry(alice, EntryDraft(kind="reflection", body="More rain today."))
    second = _listed(_older(web, first_html))
    assert second
    shown_twice = set(first) & set(second)
    assert not shown_twice, f"{len(shown_twice)} entry shown again on page 2"


def test_an_entry_trashed_between_two_pages_hides_no_other_entry(make_user: Any, web_as: Any) -> None:
    """A client reads page 1 of their journal on the phone, moves its newest entry to the trash on the laptop, then
    taps "Older entries" on the phone (its link was made with page 1): page 2 starts one entry too late, so the
    entry that was the first of page 2 is never shown on either page. They should see every entry still in the
    journal as they page on."""
    alice = make_user()
    made = _journal_of(alice, 25, "A plain day")
    web = web_as(alice)
    first_html = web.get("/journal/").content.decode()
    first = _listed(first_html)
    journal.trash_entry(alice, first[0])
    second = _listed(_older(web, first_html))
    missing = set(made) - {first[0]} - set(first) - set(second)
    assert not missing, f"{len(missing)} entry still in the journal never shown"


def test_the_words_searched_for_are_not_put_in_the_address(make_user: Any, web_as: Any) -> None:
    """A client searches their journal for "overdose" at 2 a.m. The search form is sent as a GET, so the words go
    into the page's address, /journal/?q=overdose: the TLS proxy in front of Reverie (nginx, Caddy, docs/deploy.md)
    writes every address to its access log by default, and the browser keeps it in its history and suggests it in
    the address bar to the next person who types on that device; the "Older entries" links carry it too. The words
    they searched for should stay out of every address (as the words they write do: the write form is a POST)."""
    alice = make_user()
    _journal_of(alice, 25, "I thought about an overdose on day")
    web = web_as(alice)
    html = web.get("/journal/").content.decode()
    form = re.search(r'<form[^>]*role="search"[^>]*>', html)
    assert form is not None, "no search form on the journal page"
    method = re.search(r'method="([a-z]+)"', form.group(0))
    sent_as = (method.group(1) if method else "get").lower()
    if sent_as == "get":
        address = "/journal/?q=overdose"  # where the browser goes when the form is sent
        page = web.get(address)
    else:
        address = "/journal/"
        page = web.post(address, {"q": "overdose"}, follow=True)
        assert page.redirect_chain and "overdose" not in page.redirect_chain[-1][0]
    assert "overdose" not in address, "the search words are in the page's address"
    links = re.findall(r'href="([^"]*)"', page.content.decode())
    unsealed = [re.sub(r"s=[^&]*", "", link) for link in links]  # a sealed search is ciphertext
    assert not [link for link in unsealed if "overdose" in link], (
        "a link on the results page carries the words"
    )


def test_an_unknown_kind_in_the_address_is_told_in_plain_words(make_user: Any, web_as: Any) -> None:
    """A client opens a journal link saved from an older Reverie or mistyped, /journal/?kind=dreams. The page says
    "Unknown entry kind. Choose one of: free_association, dream, daydream, reflection, mindful_choice, art,
    music." - the program's codes, with underscores, that no page shows them anywhere else. They should read the
    kinds as the Kind list names them ("Free association", "Mindful choice"), or simply see the journal."""
    alice = make_user()
    page = web_as(alice).get("/journal/", {"kind": "dreams"})
    text = re.sub(r"<[^>]+>", " ", page.content.decode())
    assert "free_association" not in text and "mindful_choice" not in text


def test_a_therapists_search_names_the_client_who_wrote_each_entry(make_user: Any, web_as: Any) -> None:
    """A therapist with two linked clients, Ana and Ben, each of whom shared a dream about their mother, opens
    Journal from the menu and searches "mother". Two cards come back, "Dream, 3 Jan" and "Dream, 4 Jan", and
    neither the cards nor the entry page they open say whose dream it is (the home page's list of shared entries
    does name the client). The therapist may take Ben's dream into Ana's session. Each result should name the
    client who wrote it."""
    from reverie.clinic.services import people

    therapist = make_user("dr-ruiz", role="therapist")
    start = datetime(2026, 1, 3, 8, 0, tzinfo=UTC)
    for day, name in enumerate(["ana-client", "ben-client"]):
        client = make_user(name)
        people.accept_invitation(therapist, people.issue_invitation(client))
        draft = EntryDraft(
            kind="dream", body="My mother was at the door.", happened_at=start + timedelta(days=day)
        )
        journal.set_shared(client, journal.create_entry(client, draft).id, True)
    page = web_as(therapist).get("/journal/", {"q": "mother"})
    assert page.status_code == 200
    cards = re.findall(r'<li class="entry-row">.*?</li>', page.content.decode(), flags=re.S)
    assert len(cards) == 2
    named = [card for card in cards if "ana-client" in card or "ben-client" in card]
    assert len(named) == 2, "a result does not say which client wrote it"


def test_a_therapists_search_of_shared_entries_is_in_the_clients_privacy_log(
    make_user: Any, web_as: Any
) -> None:
    """A client shared a dream with their therapist. The therapist opens Journal and searches "mother": the
    results page shows the first lines of the client's dream. The client's Privacy log ("Every read and change of
    your records is logged here") shows nothing of it: the search is recorded with no one as its subject, so the
    log's own line for it, "... searched your journal.", is never shown to anyone. The client should see that their
    therapist searched (and listed) their shared entries."""
    from reverie.clinic.services import people

    client, therapist = make_user("ana-client"), make_user("dr-ruiz", role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    made = journal.create_entry(client, EntryDraft(kind="dream", body="My mother was at the door."))
    journal.set_shared(client, made.id, True)
    found = web_as(therapist).get("/journal/", {"q": "mother"})
    assert f"/journal/{made.id}/" in found.content.decode()  # the therapist read the dream's first lines
    log = web_as(client).get("/account/audit/").content.decode()
    assert "searched your journal" in log


def test_a_search_folds_white_space_and_emoji_look_on_every_door(make_user: Any) -> None:
    """The API's and the command line's search read white space and an emoji's look as the web's does (one
    folding, ``reverie.text.folded``): a tab, a line break and a run of spaces are one gap, "❤️" (with its emoji
    selector, U+FE0F) is "❤", and words typed with spaces around them are found."""
    from reverie.text import folded

    assert folded("  I walked\r\n\thome  ") == folded("i WALKED home") == "i walked home"
    assert folded("\u2764\ufe0f you") == folded("\u2764 you")
    alice = make_user()
    made = journal.create_entry(
        alice, EntryDraft(kind="reflection", body="Sent \u2764\ufe0f to\tmum\r\ntoday.")
    )
    for query in ("\u2764 to mum", " to  mum today ", "TO MUM\nTODAY"):
        assert [v.id for v in journal.list_entries(alice, query=query)] == [made.id], query


def test_a_search_reads_typographic_apostrophes_quotes_and_dashes_as_plain_ones(make_user: Any) -> None:
    """A phone types ’ where a laptop types ' (review r126), and a word processor's pasted text “ ” and – or —:
    one folding makes each the plain one, on both sides, so an entry saved before is found too (nothing folded is
    stored: entries are opened and folded at each search)."""
    from reverie.text import folded

    assert folded("didn\u2019t \u2018so\u2019 \u02bcbout 5\u2032") == "didn't 'so' 'bout 5'"
    assert folded("\u201cfine\u201d \u201equite\u201f") == '"fine" "quite"'
    assert folded("2019\u20132020 \u2014 then\u2011on") == "2019-2020 - then-on"
    alice = make_user()
    made = journal.create_entry(
        alice, EntryDraft(kind="reflection", body="She said \u201cfine\u201d \u2013 it wasn\u2019t.")
    )
    for query in ('said "fine" - it', "WASN'T", "\u201cfine\u201d \u2014 it wasn\u2018t"):
        assert [v.id for v in journal.list_entries(alice, query=query)] == [made.id], query


def test_the_command_lines_search_finds_words_split_over_a_line(cli: Any) -> None:
    """``reverie journal search`` reads the words as the web does: a line break in the entry, spaces around the
    words typed are no part of the search."""
    import json

    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", "--kind", "reflection", input="I walked\r\nhome alone.")
    _, found, _ = cli("journal", "search", "  walked   home ", "-u", "erin", "--json")
    assert len(json.loads(found)) == 1


def test_an_unknown_kind_is_a_plain_400_page(make_user: Any, web_as: Any) -> None:
    """The unknown kind's page is a refusal (400) in the usual layout, naming the kinds as the Kind list does."""
    page = web_as(make_user()).get("/journal/", {"kind": "dreams"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "Free association" in text and "Mindful choice" in text and "<main" in text


def test_a_search_sent_as_a_form_pages_on_with_its_words_in_the_body(make_user: Any, web_as: Any) -> None:
    """The search form is a POST with its CSRF token, answered by a redirect (POST/redirect/GET, review r75) to
    ``?s=``, the words sealed (never in the clear); its results page on by plain links carrying the seal, and every
    entry matching is reached once; a form sent without words is the plain list's address."""
    alice = make_user()
    made = _journal_of(alice, 45, "Rain on day")
    _journal_of(alice, 3, "Sun on day")
    web = web_as(alice)
    sent = web.post("/journal/", {"q": "rain"})
    assert sent.status_code == 303 and sent["Location"].startswith("/journal/?s=")
    assert "rain" not in sent["Location"].lower()
    html = web.get(sent["Location"]).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    seen: list[str] = []
    for _ in range(5):
        seen += _listed(html)
        if "Older entries" not in html:
            break
        assert not re.search(r'href="[^"]*rain', re.sub(r"s=[^&\"]*", "", html))
        html = _older(web, html)
    assert seen == list(reversed(made))
    plain = web.post("/journal/", {"q": "  ", "kind": "dream"})
    assert plain.status_code == 302 and plain["Location"] == "/journal/?kind=dream"


def test_a_therapists_search_is_one_event_per_client_it_read(make_user: Any, web_as: Any) -> None:
    """Two clients' shared entries searched at once: one "searched" event for each, with that client as subject
    (never one per entry); a client with nothing shared is not told of a search that read nothing of theirs."""
    from reverie.clinic.models import AuditEvent
    from reverie.clinic.services import people

    therapist = make_user("dr-ruiz", role="therapist")
    clients = []
    for name in ("ana-client", "ben-client", "cy-client"):
        client = make_user(name)
        people.accept_invitation(therapist, people.issue_invitation(client))
        clients.append(client)
    for client in clients[:2]:
        for n in range(3):
            made = journal.create_entry(client, EntryDraft(kind="dream", body=f"My mother, night {n}."))
            journal.set_shared(client, made.id, True)
    web = web_as(therapist)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    web.post("/journal/", {"q": "mother"}, follow=True)
    searched = AuditEvent.objects.filter(pk__gt=last, action__startswith="journal.")
    assert sorted((e.action, e.actor_id, e.subject_id) for e in searched) == [
        ("journal.search", therapist.pk, c.pk) for c in clients[:2]
    ]


def test_the_entry_page_names_the_client_for_the_therapist(make_user: Any, web_as: Any) -> None:
    """A shared entry's own page says whose it is to the therapist (the journal's cards and home page do)."""
    from reverie.clinic.services import people

    therapist, client = make_user("dr-ruiz", role="therapist"), make_user("ana-client")
    people.accept_invitation(therapist, people.issue_invitation(client))
    made = journal.create_entry(client, EntryDraft(kind="dream", body="My mother was at the door."))
    journal.set_shared(client, made.id, True)
    page = web_as(therapist).get(f"/journal/{made.id}/").content.decode()
    assert "Written by <strong>ana-client</strong>" in page
    assert "Written by" not in web_as(client).get(f"/journal/{made.id}/").content.decode()


def test_older_entries_after_an_entry_deleted_for_good_says_so_plainly(make_user: Any, web_as: Any) -> None:
    """The entry "Older entries" pages after was deleted for good meanwhile (trash, then delete): the page says so
    in plain words, with a way back to the newest entries, never an error code or the word "after"."""
    alice = make_user()
    _journal_of(alice, 25, "A plain day")
    web = web_as(alice)
    first_html = web.get("/journal/").content.decode()
    last = _listed(first_html)[-1]
    journal.trash_entry(alice, last)
    journal.purge_entry(alice, last)
    page = web.get(f"/journal/?after={last}&kind=")
    text = re.sub(r"<[^>]+>", " ", page.content.decode())
    assert page.status_code == 400
    assert "no longer in the journal" in text and "Start again from the newest entries" in text
    assert "named by after" not in text
