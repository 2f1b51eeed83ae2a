"""The kind of a text to analyse, read one way on every door: ``reverie analyse --kind`` and a ``--jsonl`` line's
``"kind"`` alike. Pure: no Django, no model."""

from __future__ import annotations

from reverie.errors import InvalidInput
from reverie.journal.kinds import kind_from, kinds_in_words

# Besides the journal's kinds, the analyzers read a therapy session's notes or transcript as a conversation.
SESSION_KINDS = ("session", "session_note")


def analysis_kind(raw: str) -> str:
    """The kind's code for what a person typed: a journal kind in its words or code (any case), or session;
    anything else is :class:`InvalidInput` naming the choices."""
    said = "_".join(raw.strip().lower().replace("-", " ").replace("_", " ").split())
    if said in SESSION_KINDS:
        return said
    try:
        return kind_from(raw)
    except InvalidInput:
        raise InvalidInput(
            f"Unknown kind of text. Choose one of: {kinds_in_words()}, or session (a therapy session)."
        ) from None
