"""A person's words in the Markdown export read as written in any CommonMark reader (review r127, point 4: the text
was written as Markdown source unescaped, so "<I hate you>" was an HTML tag and vanished from the page). One
escaping, ``interchange.markdown_text``, for every piece of their text: titles, labels, fields, text, the record.
Checked with a real CommonMark renderer (markdown-it-py, installed with rich)."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from markdown_it import MarkdownIt

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableFeeling,
    PortableJournal,
    PortableRevision,
    dump_markdown,
    markdown_text,
)


class _Text(HTMLParser):
    """The text a reader sees of an HTML page (its tags are not text; a line break is one)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "br":
            self.parts.append("\n")


def _page(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def _seen(markdown: str) -> str:
    page = _Text()
    page.feed(_page(markdown))
    return " ".join(" ".join(page.parts).split())


@pytest.mark.django_db
@pytest.mark.db
def test_words_between_angle_brackets_are_in_the_markdown_a_person_reads(make_user: Any) -> None:
    """A client writes what they could not say aloud: "I wanted to shout <I hate you> and said nothing." They
    export as Markdown and open the file in a Markdown reader (any CommonMark one: an editor's preview, a notes app).
    "<I hate you>" was an HTML tag there (a tag ``I`` with two attributes), so the page showed "I wanted to shout and
    said nothing.": the words that mattered were not on it."""
    client = make_user()
    words = "I wanted to shout <I hate you> and said nothing."
    journal.create_entry(client, EntryDraft(kind="free_association", body=words))
    seen = _seen(dump_markdown(portability.export_journal(client)))
    assert words in seen, seen


# Each thing Markdown would read as other than the words: one line each, written so that it would change the page.
WORDS = {
    "tag": "I wanted to shout <I hate you> and said nothing.",
    "html block": "<div>not a box</div>",
    "comment": "<!-- hidden --> words",
    "autolink": "<https://example.org> is where",
    "asterisks": "It was *so* loud, **so** loud.",
    "underscores": "It was _so_ loud, __so__ loud.",
    "backticks": "He said `never` again.",
    "heading": "# Not a heading",
    "heading underline": "Not a heading either\n===",
    "dash underline": "Nor this\n---",
    "quote": "> not a quote",
    "bullet": "- not a list",
    "plus bullet": "+ not a list",
    "star bullet": "* not a list",
    "numbered": "1. not a list",
    "numbered paren": "2) not a list",
    "rule": "***",
    "link": "[a link](https://example.org) and [ref]",
    "image": "![a picture](pic.png)",
    "reference": "[ref]: https://example.org",
    "entity": "Tom &amp; Jerry &lt;3 &#65; &copy;",
    "backslash": "a \\* b \\ c\\",
    "fence": "```\ncode\n```",
    "tilde fence": "~~~\ncode\n~~~",
    "indented": "    four spaces in",
    "tab": "\tone tab in",
    "strikethrough": "~~not struck~~",
    "table": "| a | b |",
    "hard break": "two spaces at the end  ",
}


@pytest.mark.parametrize("name", list(WORDS))
def test_every_kind_of_markdown_in_a_persons_text_reads_as_written(name: str) -> None:
    words = WORDS[name]
    expected = " ".join(words.split())
    assert _seen(markdown_text(words)) == expected, markdown_text(words)
    assert _seen("# " + markdown_text(words, inline=True)) == expected  # a title in a heading
    assert _seen("- **Tags:** " + markdown_text(words, inline=True)) == "Tags: " + expected  # a label


def test_lines_of_a_text_stay_lines_and_paragraphs_stay_paragraphs() -> None:
    """A reader joins a paragraph's lines into one: each line break the person made is kept as a break."""
    words = "First line\nsecond line\r\nthird\n\nA new paragraph\n    indented on"
    page = _page(markdown_text(words))
    assert page.count("<p>") == 2 and page.count("<br />") == 3, page
    seen = _Text()
    seen.feed(page)
    assert "".join(seen.parts).replace("\n\n", "\n").split("\n")[:4] == [
        "First line",
        "second line",
        "third",
        "A new paragraph",
    ]


def test_titles_labels_fields_and_file_names_of_an_entry_read_as_written() -> None:
    """Every piece of an entry's text in the Markdown goes through the one escaping, not only its body."""
    tricky = "<b>*_x_*<b> [y]"
    entry = PortableEntry(
        id="e-1",
        kind="mindful_choice",
        body="body",
        happened_at=datetime(2026, 1, 1, 21, tzinfo=UTC),
        written_at=datetime(2026, 1, 1, 21, tzinfo=UTC),
        feelings=(PortableFeeling(tricky, 3),),
        people=(tricky,),
        tags=(tricky,),
        title=tricky,
        extra={"situation": tricky},
        attachments=(PortableAttachment(tricky + ".png", "image/png", b"\x89PNG"),),
        revisions=(  # an earlier version whole (h156): its words escaped as the entry's are
            PortableRevision(
                tricky,
                datetime(2026, 1, 1, 20, tzinfo=UTC),
                only_text=False,
                title=tricky,
                feelings=(PortableFeeling(tricky, 2),),
                people=(tricky,),
                tags=(tricky,),
                extra={"situation": tricky},
            ),
        ),
    )
    journal = PortableJournal(schema=SCHEMA, exported_at=entry.written_at, entries=(entry,))
    seen = _seen(dump_markdown(journal))
    # the entry's title, feeling, person, tag, situation, file name; its earlier version's text, title, feeling,
    # person, tag, situation
    assert seen.count(tricky) == 12, seen
