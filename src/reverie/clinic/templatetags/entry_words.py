"""An entry's fields in a person's words on a page: the one table the write form's labels read too
(``journal.kinds.FIELD_WORDS``), never the stored key ("urge", "time_zone")."""

from __future__ import annotations

from django import template

from reverie.journal.kinds import field_words as _field_words

register = template.Library()


@register.filter
def field_words(key: str) -> str:
    """``{{ k|field_words }}``: "urge" → "The reflexive urge", "time_zone" → "Time zone"."""
    return _field_words(str(key))
