"""Evaluation of analyzers against public, labelled data read in place (never shipped, never quoted)."""
