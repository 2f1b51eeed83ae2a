"""Stand-ins for the analysis tests: what ``pipeline.analyse`` returns (``FakeAnalysis``), a risk finding
(``IDEATION``), and the risk alert's hook failing its first tries with the database busy (``risk_signal_busy``).

Shared by the clinic's inline and worker retry tests; the ``inline`` fixture is in tests/clinic/conftest.py."""

from __future__ import annotations

from typing import Any

import pytest

IDEATION = {"kind": "risk", "label": "ideation", "confidence": 0.9, "spans": [], "data": {}}


class FakeAnalysis:
    """What pipeline.analyse returns, as far as the stored-entry path reads it."""

    def __init__(self, findings: list[dict[str, Any]], version: str = "9.9:fake") -> None:
        self.findings = findings
        self.analyzers = {"risk": version}

    def to_json(self) -> dict[str, Any]:
        return {"findings": list(self.findings), "analyzers": dict(self.analyzers), "notes": []}


def risk_signal_busy(monkeypatch: pytest.MonkeyPatch, times: int = 1) -> None:
    """The risk alert cannot be written (``alerts.signal`` raises "database is locked") the first ``times`` tries."""
    from django.db.utils import OperationalError

    from reverie.care.services import alerts

    real_signal = alerts.signal
    calls = {"n": 0}

    def busy(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= times:
            raise OperationalError("database is locked")
        return real_signal(*args, **kwargs)

    monkeypatch.setattr(alerts, "signal", busy)
