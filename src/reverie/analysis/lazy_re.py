"""The :mod:`re` module's API, but :func:`compile` compiles each pattern on first use (h181).

A module that compiles many patterns at import (the risk lexicon) imports this as ``re``: every other name is the
standard library's own, and ``compile`` is :func:`reverie.analysis.regex_gate.compile`, which returns the pattern
compiled the first time it may match (its gates are read from a stored file, so a text that lacks a pattern's
necessary literals never compiles it). Every match is the same as ``re.compile``'s (see :mod:`regex_gate`).
"""

from __future__ import annotations

from re import ASCII as ASCII
from re import DOTALL as DOTALL
from re import IGNORECASE as IGNORECASE
from re import MULTILINE as MULTILINE
from re import UNICODE as UNICODE
from re import VERBOSE as VERBOSE
from re import A as A
from re import I as I
from re import M as M
from re import Match as Match
from re import Pattern as Pattern
from re import S as S
from re import X as X
from re import error as error
from re import escape as escape
from re import findall as findall
from re import finditer as finditer
from re import fullmatch as fullmatch
from re import match as match
from re import search as search
from re import split as split
from re import sub as sub
from re import subn as subn

from reverie.analysis.regex_gate import compile as compile
