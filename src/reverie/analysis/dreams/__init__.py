"""Dreams in Hall–Van de Castle terms: coding, indicators, norms, profiles and continuity with waking life.

Pure functions over plain data (no web framework, no database). See docs/dreams.md.
"""

from __future__ import annotations

from reverie.analysis.dreams.chart import h_profile_svg
from reverie.analysis.dreams.coder import code_dream, code_dreams, coding_findings, coding_from_findings
from reverie.analysis.dreams.codes import DreamCoding, coding_from_records
from reverie.analysis.dreams.continuity import Continuity, ContinuityLink, WakingFinding, find_continuity
from reverie.analysis.dreams.indicators import Indicator, compute_indicators
from reverie.analysis.dreams.norms import PUBLISHED_NORMS, compute_norms
from reverie.analysis.dreams.profile import Profile, compare_with_norms
from reverie.analysis.dreams.recurring import RecurringElement, recurring_elements

__all__ = [
    "PUBLISHED_NORMS",
    "Continuity",
    "ContinuityLink",
    "DreamCoding",
    "Indicator",
    "Profile",
    "RecurringElement",
    "WakingFinding",
    "code_dream",
    "code_dreams",
    "coding_findings",
    "coding_from_findings",
    "coding_from_records",
    "compare_with_norms",
    "compute_indicators",
    "compute_norms",
    "find_continuity",
    "h_profile_svg",
    "recurring_elements",
]
