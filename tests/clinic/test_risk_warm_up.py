"""r128 fault 5: the save-time risk screen is loaded once per web process, in the background as ``reverie serve``
starts (``risk_screen.warm_up``), never twice when saves race the warm-up, and the warm-up steps aside while a page
is being answered. The time it saves is measured by ``bench/first_save_bench.py``, not here."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.signals import request_finished, request_started

from reverie.analysis import onnx_encoder, risk
from reverie.clinic.services import risk_screen

RISKY = "Some nights I wish I could go to sleep and never wake up."


@pytest.fixture
def cold(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process as a fresh one: nothing of the screen loaded, the warm-up starting at once."""
    monkeypatch.setattr(risk_screen, "WARM_DELAY", 0.0)
    monkeypatch.setattr(risk_screen, "_loaded", threading.Event())
    risk.load_model.cache_clear()
    onnx_encoder.load_encoder.cache_clear()
    yield
    request_started.disconnect(dispatch_uid="reverie-risk-warm-up-started")
    request_finished.disconnect(dispatch_uid="reverie-risk-warm-up-finished")


def test_saves_racing_the_warm_up_load_the_model_once(cold: Any) -> None:
    results: list[str] = []
    warming = risk_screen.warm_up()
    saves = [
        threading.Thread(
            target=lambda: results.append(risk_screen.screen_text(RISKY, "free_association").level)
        )
        for _ in range(2)
    ]
    for save in saves:
        save.start()
    for thread in (*saves, warming):
        thread.join(timeout=300)
    assert results == ["ideation", "ideation"]
    assert risk_screen._loaded.is_set()
    assert risk.load_model.cache_info().misses == 1  # one sentence model and one encoder in the process
    assert onnx_encoder.load_encoder.cache_info().misses == 1


@pytest.mark.django_db  # the finished page's signal also closes old database connections (Django's own receiver)
def test_the_warm_up_waits_while_a_page_is_answered(cold: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(risk_screen, "WARM_DELAY", 0.5)  # the page begins well before the first step would
    warming = risk_screen.warm_up()
    request_started.send(sender=None)  # a page under way
    try:
        warming.join(timeout=2.0)
        assert warming.is_alive() and not risk_screen._loaded.is_set()
        assert onnx_encoder.load_encoder.cache_info().misses == 0  # nothing loaded while the page is answered
    finally:
        request_finished.send(sender=None)
    warming.join(timeout=300)
    assert risk_screen._loaded.is_set()
    assert onnx_encoder.load_encoder.cache_info().misses == 1
    assert risk_screen.screen_text(RISKY, "free_association").level == "ideation"
