from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def reverie_context(request: HttpRequest) -> dict[str, Any]:
    from reverie import __version__

    return {"reverie_version": __version__}
