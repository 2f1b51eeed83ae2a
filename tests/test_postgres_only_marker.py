"""h148: every PostgreSQL-only test says so through the one marker (``tests/postgres_only.py``).

Four test modules each spelled the same stack (the ``postgres`` mark and a ``skipif`` reading
``REVERIE_DATABASE_URL`` for "postgresql"), one of them without the ``postgres`` mark: a copy that drifts (another
spelling of the URL check, a mark left out) skips a race test on PostgreSQL too, or runs it on SQLite, unnoticed."""

from __future__ import annotations

import ast
from pathlib import Path

from postgres_only import on_postgres, postgres_only

TESTS = Path(__file__).resolve().parent
HELPER = TESTS / "postgres_only.py"


def _reads_the_database_url_for_postgres(node: ast.AST) -> bool:
    """``"postgresql" in/not in os.environ.get("REVERIE_DATABASE_URL", …)``, the check the marker makes."""
    if not isinstance(node, ast.Compare) or not isinstance(node.left, ast.Constant):
        return False
    if node.left.value != "postgresql" or not isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return False
    return "REVERIE_DATABASE_URL" in ast.unparse(node.comparators[0])


def test_no_test_module_spells_the_postgres_only_skip_itself() -> None:
    """Each test skipped unless the URL names PostgreSQL takes the shared marker, not its own copy of the check."""
    copies = sorted(
        f"{path.relative_to(TESTS)}:{node.lineno}"
        for path in TESTS.rglob("*.py")
        if path != HELPER
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _reads_the_database_url_for_postgres(node)
    )
    assert copies == [], copies


def test_the_marker_marks_db_and_postgres_and_skips_exactly_off_postgres() -> None:
    """The marks the PostgreSQL run selects by (``db``) and documents (``postgres``), and a skip that holds exactly
    when the URL does not name PostgreSQL, with the reason given."""
    marks = [m.mark for m in postgres_only("a race between two transactions")]
    assert [m.name for m in marks] == ["db", "postgres", "skipif"], marks
    assert marks[2].args == (not on_postgres(),), marks[2]
    assert marks[2].kwargs["reason"] == "PostgreSQL only: a race between two transactions"


@postgres_only("the marker as a decorator")
def test_a_test_under_the_marker_runs_only_on_postgres() -> None:
    """Collected and run only where the URL names PostgreSQL: reaching here anywhere else is the skip failing."""
    assert on_postgres()
