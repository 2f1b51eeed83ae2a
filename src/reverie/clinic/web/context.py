from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def reverie_context(request: HttpRequest) -> dict[str, Any]:
    from reverie import __version__
    from reverie.clinic.web.drafts import writer_context

    return {"reverie_version": __version__, **writer_context(request)}
