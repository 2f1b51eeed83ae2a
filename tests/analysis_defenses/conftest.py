"""The shared encoder and the defense prototypes, built once for this folder."""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import Prototypes, build_prototypes
from reverie.analysis.encoder import Encoder
from reverie.analysis.onnx_encoder import load_encoder


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    return load_encoder()


@pytest.fixture(scope="session")
def prototypes(encoder: Encoder) -> Prototypes:
    return build_prototypes(encoder)
