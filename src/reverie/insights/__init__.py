"""Patterns over time: a pure, incremental aggregation of findings across entries and sessions.

Nothing here imports a web framework or touches a database. The edges hand in :class:`Item` objects (an entry
or session with its stored findings) and read back an :class:`InsightView` of plain, descriptive statements,
each with evidence item ids and a strength ("seen in 6 of 9 episodes"). Entry points:

- :class:`InsightState` — ``add(item)``, ``remove(item_id)``, ``view(audience, include_process_notes=...)``
- :func:`build_view` — a one-shot build from a list of items
- :func:`timeline_svg`, :func:`relationship_map_svg`, :func:`triangles_svg` — pictures as SVG text
- :func:`render_pdf` — the report as PDF bytes
- :func:`synthetic_history`, :func:`synthetic_texts` — deterministic demo material
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reverie.insights.items import Item
    from reverie.insights.pictures import relationship_map_svg, timeline_svg, triangles_svg
    from reverie.insights.report import render_pdf
    from reverie.insights.state import InsightState, build_view
    from reverie.insights.statements import Statement
    from reverie.insights.synthetic import SyntheticText, synthetic_history, synthetic_texts
    from reverie.insights.view import InsightView

# Each name from the module that defines it, imported when first asked for (PEP 562): importing one part of the
# package (``reverie.insights.observations``, read by every journal command) does not import the PDF report and
# its font and image stack (fpdf, numpy: about 0.35 s of a command's start on a quiet core).
_HOMES = {
    "InsightState": "state",
    "InsightView": "view",
    "Item": "items",
    "Statement": "statements",
    "SyntheticText": "synthetic",
    "build_view": "state",
    "relationship_map_svg": "pictures",
    "render_pdf": "report",
    "synthetic_history": "synthetic",
    "synthetic_texts": "synthetic",
    "timeline_svg": "pictures",
    "triangles_svg": "pictures",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "InsightState",
    "InsightView",
    "Item",
    "Statement",
    "SyntheticText",
    "build_view",
    "relationship_map_svg",
    "render_pdf",
    "synthetic_history",
    "synthetic_texts",
    "timeline_svg",
    "triangles_svg",
]
