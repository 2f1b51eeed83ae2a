"""What other parts of Reverie add to the export and the erasure (``portability``), registered when Django starts
(``AppConfig.ready``). Kept apart from ``portability`` so that registering imports nothing: ``portability`` brings the
import and export machinery and, through the observations, the analysis lexicons (about 0.8 s of every ``reverie``
command's start on a quiet core, paid by commands that never export or erase). ``portability`` reads these lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reverie.clinic.models import User
    from reverie.clinic.services.portability import LeftOut

# Each returns part of the export's ``record`` for a client (care: the course of therapy as the client reads it).
# A hook names a part it could not open (a damaged safety plan, a progress note) through the second argument and
# leaves it out of what it returns: one record never blocks the export (r18).
export_record_hooks: list[Callable[[User, Callable[[LeftOut], None]], dict[str, Any]]] = []

# Called with the client inside the erasure's transaction, before anything is deleted (care: tell the therapists).
before_erase_hooks: list[Callable[[User], object]] = []
