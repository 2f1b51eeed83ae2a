"""The two template ends of ``clinic.web.form_focus``'s one decision: crisis content marks its page
(``{% crisis_first %}``), and a refused box takes focus only where none is there (``{% refused_focus %}``)."""

from __future__ import annotations

from django import template

from reverie.clinic.web import form_focus

register = template.Library()


@register.simple_tag
def crisis_first() -> str:
    """Mark this page as carrying crisis content above its forms: their refused boxes take no focus."""
    form_focus.crisis_on_page()
    return ""


@register.simple_tag
def refused_focus() -> str:
    """`` autofocus`` on the refused box, unless the page carries crisis content above it."""
    return " autofocus" if form_focus.refused_box_takes_focus() else ""
