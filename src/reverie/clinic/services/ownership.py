"""Who owns a row: the one rule that finds the client whose record a row of any model is.

Backup (which people's records a restore would take with an erased person) and doctor (whose key opens a sealed
column) both ask here, so a model added later is found the same way by both, however deep its owner sits:
``client`` on the row, else ``entry__client``, ``course__client``, ``goal__client``, ``pair__client``, … .
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# How many keys a walk follows at most (a row → its goal → its course → the client is three).
MAX_DEPTH = 3
OWNER_FIELD = "client"


def _keys(model: Any) -> list[Any]:
    """The row's own foreign and one-to-one keys, in declaration order (never the reverse relations)."""
    return [
        f
        for f in model._meta.concrete_fields
        if (f.many_to_one or f.one_to_one) and f.related_model is not None
    ]


def owner_path(model: Any, user_model: Any, depth: int = 0) -> str | None:
    """The lookup from a row of ``model`` to its client's id (``client``, ``course__client``, …), or None.

    A key named ``client`` to ``user_model`` is the owner; else the first key to another model (never one to a
    user: an actor or a therapist is not the owner) whose rows have an owner, at most :data:`MAX_DEPTH` keys away.
    ``user_model`` is the user model of the app registry asked (a backup's historical models, or the live ones).
    """
    keys = _keys(model)
    for field in keys:
        if field.name == OWNER_FIELD and field.related_model is user_model:
            return OWNER_FIELD
    if depth >= MAX_DEPTH:
        return None
    for field in keys:
        if field.related_model is not user_model and field.related_model is not model:
            below = owner_path(field.related_model, user_model, depth + 1)
            if below is not None:
                return f"{field.name}__{below}"
    return None


def owner_in_rows(
    model: Any,
    fields: Mapping[str, Any],
    path: str,
    rows_of: Callable[[str], Mapping[Any, Mapping[str, Any]]],
) -> Any:
    """The owner's id of one serialized row (a backup's ``fields``) along ``path`` (from :func:`owner_path`),
    following each key through ``rows_of(label)`` (that model's rows by primary key); None where a link is missing."""
    *links, last = path.split("__")
    current_model, current = model, fields
    for name in links:
        current_model = current_model._meta.get_field(name).related_model
        key = current.get(name)
        if not isinstance(key, (int, str)):  # no link, or a damaged one (the restore's load then refuses it)
            return None
        found = rows_of(current_model._meta.label_lower).get(key)
        if found is None:
            return None
        current = found
    return current.get(last)
