"""``{% erasure_notices user %}``: the caseload's notices of clients who erased their accounts."""

from __future__ import annotations

from typing import Any

from django import template

from reverie.care.services import erasure

register = template.Library()


@register.inclusion_tag("care/_erasure_notices.html")
def erasure_notices(user: Any) -> dict[str, Any]:
    rows = [(n, erasure.describe(n.removed)) for n in erasure.notices_for(user)]
    return {"notices": rows}
