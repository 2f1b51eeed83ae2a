"""The input of the insight engine: one entry or session with the findings stored for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reverie.analysis.findings import Finding
from reverie.errors import InvalidInput

SOURCES = frozenset({"entry", "session"})
ENTRY_KINDS = frozenset(
    {"free_association", "dream", "daydream", "reflection", "mindful_choice", "art", "music", "session"}
)


@dataclass(frozen=True, slots=True)
class Item:
    """An entry or a session as the insight engine sees it: metadata and findings, never text."""

    id: str
    source: str
    kind: str
    happened_at: datetime
    shared_with_therapist: bool
    is_process_note: bool
    findings: tuple[Finding, ...] = ()
    shared_at: datetime | None = None  # when the client shared it (a share reaches only the links open then)

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidInput("An insight item needs a non-empty id.")
        if self.source not in SOURCES:
            raise InvalidInput(f"Unknown item source; expected one of {sorted(SOURCES)}.")
        if self.kind not in ENTRY_KINDS:
            raise InvalidInput(f"Unknown entry kind; expected one of {sorted(ENTRY_KINDS)}.")
        if self.happened_at.tzinfo is None or self.happened_at.utcoffset() is None:
            raise InvalidInput("An insight item needs a timezone-aware happened_at.")

    def sort_key(self) -> tuple[datetime, str]:
        return (self.happened_at, self.id)
