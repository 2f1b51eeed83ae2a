"""Shared fixtures: the real encoder, loaded once per test module."""

from __future__ import annotations

import pytest

from reverie.analysis.onnx_encoder import OnnxEncoder, load_encoder


@pytest.fixture(scope="module")
def encoder() -> OnnxEncoder:
    return load_encoder()
