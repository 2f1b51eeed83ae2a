"""The risk screen at the moment of saving: every saved text is screened before the save returns.

The journal's save paths (write, edit, import — and so the web, the API, the CLI and CLI recovery, which all call
them) screen the text with :func:`reverie.analysis.risk.screen` and store the result sealed with the client's key
(``EntryScreen``, one per entry revision, format ``reverie.screen/1``) in the save's own transaction. Subscribers
(the care app's alerts) then raise the alert and leave the check-in in that same transaction. None of this depends
on ``REVERIE_ANALYSIS``, the worker, its backlog or the language check; the full analysis still runs afterwards
and may only upgrade the alert (``care.services.alerts.on_analysis``).

If the screen itself fails, the entry is still saved and the level is ``unscreened`` (the risk flow answers that
with the safety resources, as for a positive screen). Logs name the error type only, never the text.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from reverie.clinic.models import Entry, EntryScreen, User
from reverie.clinic.services import keys

log = logging.getLogger("reverie.risk_screen")
SCREEN_FORMAT = "reverie.screen/1"
SCREEN_PURPOSE = "entry.screen"
UNSCREENED = "unscreened"
MINDFUL_FIELDS = ("situation", "urge", "choice")


@dataclass(frozen=True, slots=True)
class Screened:
    """One text's screen, made before the save's transaction: the level and the JSON-safe data (no words)."""

    level: str
    data: Mapping[str, Any]
    seconds: float
    model_alone: bool = False  # flagged on the sentence model's reading alone, no explicit words


@dataclass(frozen=True, slots=True)
class ScreenSignal:
    """What subscribers receive inside the save's transaction (content-free)."""

    client: User
    entry_id: uuid.UUID
    revision: int
    level: str
    written_at: datetime
    model_alone: bool = False
    # the earlier revision whose words this one keeps (an edit that changed no words); None: new words
    words_revision: int | None = None
    # the entry of that revision when it is another one ("save again" copies the words); None: this entry
    words_entry: uuid.UUID | None = None


# Called inside the save's transaction after the screen is stored; the care app's risk flow subscribes.
after_screen_hooks: list[Callable[[ScreenSignal], None]] = []


def screened_text(title: str, body: str, extra: Mapping[str, str]) -> str:
    """What the screen reads: the title, the body and the mindful-choice fields (a title alone can carry risk)."""
    parts = [title, body, *(str(extra[k]) for k in MINDFUL_FIELDS if k in extra)]
    return "\n\n".join(p for p in parts if p and p.strip())


def screen_text(text: str, kind: str) -> Screened:
    """Screen one text now. Never raises: a failing screen reads ``unscreened``."""
    start = time.perf_counter()
    if not text.strip():
        return Screened("none", {"level": "none"}, time.perf_counter() - start)
    try:
        from reverie.analysis.risk import screen

        result = screen(text, kind)
        return Screened(result.level, result.to_data(), time.perf_counter() - start, result.model_alone)
    except Exception as exc:
        log.error("risk screen at save failed: %s", type(exc).__name__)
        return Screened(
            UNSCREENED, {"level": UNSCREENED, "error": type(exc).__name__}, time.perf_counter() - start
        )


def _record_id(entry_id: uuid.UUID, revision: int) -> str:
    return f"{entry_id}#s{revision}"


def store(
    entry: Entry,
    screened: Screened,
    *,
    written_at: datetime,
    words_revision: int | None = None,
    words_entry: uuid.UUID | None = None,
) -> EntryScreen:
    """Store the screen of the entry's current revision sealed and tell the subscribers. Call inside the save's
    transaction; storing the same revision twice keeps the first. ``words_revision``: the earlier revision whose
    words this one keeps unchanged (the risk flow alerts once per words, not per revision)."""
    existing = EntryScreen.objects.filter(entry=entry, revision=entry.revision).first()
    if existing is not None:
        return existing
    doc = {"format": SCREEN_FORMAT, "revision": entry.revision, **screened.data, "level": screened.level}
    row = EntryScreen(
        entry=entry,
        revision=entry.revision,
        level=screened.level,
        screened_at=timezone.now(),
        words_revision=words_revision,
        words_entry=words_entry,
    )
    row.payload = keys.seal_for(
        entry.client,
        _record_id(entry.id, entry.revision),
        SCREEN_PURPOSE,
        json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(),
    )
    row.save(force_insert=True)
    signal = ScreenSignal(
        entry.client,
        entry.id,
        entry.revision,
        screened.level,
        written_at,
        screened.model_alone,
        words_revision,
        words_entry,
    )
    for hook in after_screen_hooks:
        hook(signal)
    return row


def open_screen(entry: Entry, row: EntryScreen) -> dict[str, Any]:
    """The decrypted ``reverie.screen/1`` document of one stored screen. Callers apply the policy."""
    raw = keys.open_for(entry.client, _record_id(entry.id, row.revision), SCREEN_PURPOSE, row.payload)
    doc: dict[str, Any] = json.loads(raw)
    return doc
