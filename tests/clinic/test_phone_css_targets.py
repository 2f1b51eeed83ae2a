"""phone.css gives every tappable form control a 44-px touch target (review r58: the attachment picker,
``input[type=file]``, was styled as a control but left out of the min-height rule, 42.8 px tall). A fast check of the
stylesheet itself; the real height is measured in Chromium by tests/browser/test_attachment_picker_phone.py."""

from __future__ import annotations

import re
from pathlib import Path

import reverie.clinic

PHONE_CSS = Path(reverie.clinic.__file__).parent / "static" / "reverie" / "phone.css"
# Radios and checkboxes are tapped through their whole label (44 px, its own rule); hidden inputs are never seen.
THROUGH_LABEL = {"radio", "checkbox", "hidden"}


def _rules(css: str) -> list[tuple[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(m.group(1), m.group(2)) for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", css)]


def test_every_input_type_styled_on_a_phone_has_a_44px_min_height() -> None:
    rules = _rules(PHONE_CSS.read_text(encoding="utf-8"))
    styled = {t for selectors, _ in rules for t in re.findall(r"input\[type=([a-z-]+)\]", selectors)}
    tall = {
        t
        for selectors, body in rules
        if re.search(r"min-height:\s*44px", body)
        for t in re.findall(r"input\[type=([a-z-]+)\]", selectors)
    }
    assert "file" in styled
    assert styled - THROUGH_LABEL - tall == set()
