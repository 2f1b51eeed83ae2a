"""pytest plugin: report monkeypatched ``reverie`` callables that the test never called.

A test that patches ``journal.list_entries`` to raise, while the code under test has moved to another
function, still passes and tests nothing. This plugin wraps every callable that a test puts on a
``reverie.*`` module, class or object with ``monkeypatch.setattr`` so that calls are counted; after the
test it appends one line per replacement that was never called to the report file.

    CHECK_PATCHES_REPORT=/tmp/patches.tsv PYTHONPATH=scripts:src REVERIE_ANALYSIS=off \
        .venv/bin/pytest -p no:cacheprovider -p check_patches -n 2 -m "not browser" tests/clinic tests/api

Only the tests that ask for ``monkeypatch`` (themselves or through one of this project's fixtures) run, unless
CHECK_PATCHES_ALL is set. The report ($CHECK_PATCHES_REPORT, default check_patches.tsv here) has one line per
uncalled patch: outcome <TAB> test id <TAB> target <TAB> where it was patched (file:line). Patches of other
modules (os.fsync, django.utils.timezone.now) and of non-callables (constants) are not watched.

An uncalled patch is not always a fault: "the e-mail is not sent" patches are meant never to run.
Each line needs a look; the ones that were meant to make the path fail or return something are vacuous.
"""

from __future__ import annotations

import functools
import inspect
import os
import types
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

_NOTSET: Any = object()
_records: list[dict[str, Any]] = []
_outcomes: dict[str, str] = {}
_current: list[str | None] = [None]  # the test now running
_original_setattr = pytest.MonkeyPatch.setattr


def _owner_name(target: object) -> str | None:
    """The dotted name of a reverie module/class/object, or None for anything else."""
    if isinstance(target, types.ModuleType):
        name = target.__name__
    elif isinstance(target, type):
        name = f"{target.__module__}.{target.__qualname__}"
    else:
        cls = type(target)
        name = f"{cls.__module__}.{cls.__qualname__}()"
    return name if name == "reverie" or name.startswith("reverie.") else None


def _resolve(dotted: str) -> tuple[object, str]:
    from _pytest.monkeypatch import derive_importpath

    name, target = derive_importpath(dotted, True)
    return target, name


def _caller() -> str:
    for frame in inspect.stack()[2:]:
        path = frame.filename
        if "_pytest" not in path and "check_patches" not in path and "pluggy" not in path:
            return f"{os.path.relpath(path)}:{frame.lineno}"
    return "?"


def _counting_setattr(
    self: pytest.MonkeyPatch, target: object, name: object, value: object = _NOTSET, raising: bool = True
) -> None:
    if value is _NOTSET:  # setattr("reverie.x.y", value)
        value = name
        try:
            obj, attr = _resolve(str(target))
        except Exception:
            return _original_setattr(self, target, value, raising=raising)  # type: ignore[arg-type]
    else:
        obj, attr = target, str(name)
    owner = _owner_name(obj)
    original = getattr(obj, attr, None)
    wrapable = (
        owner is not None
        and (inspect.isroutine(value) or isinstance(value, functools.partial))  # not a Typer app or a class
        and (original is None or callable(original))
    )
    if wrapable:
        record = {"target": f"{owner}.{attr}", "calls": 0, "where": _caller(), "test": _current[0]}
        replacement = value

        @functools.wraps(replacement)  # type: ignore[arg-type]
        def counted(*args: Any, **kwargs: Any) -> Any:
            record["calls"] += 1
            return replacement(*args, **kwargs)  # type: ignore[operator]

        _records.append(record)
        value = counted
    return _original_setattr(self, obj, attr, value, raising=raising)  # type: ignore[call-overload]


def pytest_configure(config: pytest.Config) -> None:
    pytest.MonkeyPatch.setattr = _counting_setattr  # type: ignore[method-assign,assignment]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    _current[0] = item.nodeid
    _outcomes[item.nodeid] = "passed"
    yield
    uncalled = [r for r in _records if r["test"] == item.nodeid and r["calls"] == 0]
    _records[:] = [r for r in _records if r["test"] != item.nodeid]
    _current[0] = None
    if not uncalled:
        return
    report = Path(os.environ.get("CHECK_PATCHES_REPORT", "check_patches.tsv"))
    seen: set[tuple[str, str]] = set()
    with report.open("a", encoding="utf-8") as out:
        for r in uncalled:
            key = (r["target"], r["where"])
            if key in seen:
                continue
            seen.add(key)
            out.write(f"{_outcomes[item.nodeid]}\t{item.nodeid}\t{r['target']}\t{r['where']}\n")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    outcome = yield
    rep = outcome.get_result()
    if rep.failed:
        _outcomes[item.nodeid] = "failed"
    elif rep.skipped and rep.when == "setup":
        _outcomes[item.nodeid] = "skipped"


def _can_patch(item: pytest.Item) -> bool:
    """The test asks for ``monkeypatch``, itself or through a fixture of this project (not a plugin's)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return True
    if "monkeypatch" in info.argnames:
        return True
    for defs in info.name2fixturedefs.values():
        for fixturedef in defs:
            if "monkeypatch" not in fixturedef.argnames:
                continue
            try:
                source = inspect.getfile(fixturedef.func)
            except TypeError:
                continue
            if "site-packages" not in source and "_pytest" not in source:
                return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Only the tests that can patch anything, unless CHECK_PATCHES_ALL is set."""
    if os.environ.get("CHECK_PATCHES_ALL"):
        return
    kept = [item for item in items if _can_patch(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept
