"""The analysis engine: pure functions from text to findings with evidence.

Nothing in this package imports a web framework or touches a database. Entry points:
``analyse(text, kind=...)`` and ``analyse_many(texts)`` in :mod:`reverie.analysis.pipeline`.
"""
