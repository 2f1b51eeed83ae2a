"""What a screen reader gets of a refused form field, read from a page's HTML: whether the field is marked
``aria-invalid`` and the text of the elements its ``aria-describedby`` names (h75, h78)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, dict[str, str]] = {}
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if "id" in named:
            self.attrs[named["id"]] = named
            self.text.setdefault(named["id"], "")
        if tag not in ("input", "br", "meta", "link", "img", "hr"):
            self._open.append(named.get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("input", "br", "meta", "link", "img", "hr") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for opened in self._open:
            if opened is not None:
                self.text[opened] += data


def field_error(html: str, field_id: str) -> tuple[bool, str]:
    """(whether the element ``field_id`` is ``aria-invalid="true"``, the words of what it is described by)."""
    page = _Page()
    page.feed(html)
    attrs = page.attrs.get(field_id)
    assert attrs is not None, f"no element with id {field_id}"
    ids = attrs.get("aria-describedby", "").split()
    return attrs.get("aria-invalid") == "true", " ".join(" ".join(page.text.get(i, "").split()) for i in ids)
