"""The shared encoder's threads wait without spinning: on a busy machine shared by many processes a spinning
onnxruntime thread burns the CPU the other thread needs (measured: half the wall time and 40% less CPU for small
batches at load average 14 on 2 cores; docs/evaluation.md, the demo row)."""

from __future__ import annotations

from reverie.analysis import onnx_encoder


def test_the_encoder_session_does_not_spin() -> None:
    manifest = onnx_encoder.read_manifest()
    session = onnx_encoder._session(onnx_encoder.MODEL_DIR / manifest.artefact, threads=2)
    options = session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.intra_op_num_threads == 2
