"""An entry's fields in a person's words on a page: the one table the write form's labels read too
(``journal.kinds.FIELD_WORDS``), never the stored key ("urge", "time_zone")."""

from __future__ import annotations

import unicodedata

from django import template
from django.template.defaultfilters import stringfilter, truncatechars
from django.utils.text import add_truncation_text, calculate_truncate_chars_length

from reverie.journal.kinds import field_words as _field_words

register = template.Library()


@register.filter
def field_words(key: str) -> str:
    """``{{ k|field_words }}``: "urge" → "The reflexive urge", "time_zone" → "Time zone"."""
    return _field_words(str(key))


@register.filter(is_safe=True)
@stringfilter
def excerpt(value: str, arg: int | str) -> str:
    """``{{ e.body|excerpt:160 }}``: exactly Django's ``truncatechars`` (the same characters, the same "…"), without
    its walk over every character (``unicodedata.combining``, one call a character) where nothing needs it: a text
    no longer than ``length`` comes back whole, and a plain ASCII text has no combining character, so every
    character counts. The journal's 20 excerpts cost about a tenth of its page's CPU (issue 16); anything else is
    Django's own."""
    try:
        length = int(arg)
    except ValueError:  # as Django's: the value itself
        return value
    if length > 0:
        text = unicodedata.normalize("NFC", value)
        if len(text) <= length:  # whatever combines, no more than ``length`` characters count
            return text
        if text.isascii():
            return add_truncation_text(text[: calculate_truncate_chars_length(length, None)])
    return str(truncatechars(value, length))
