"""Review r85: the clinic app's migrations form one line after h97's 0018 and h95's renumbered 0019."""

from __future__ import annotations

from django.db.migrations.loader import MigrationLoader


def test_clinic_migrations_have_one_leaf() -> None:
    """The h95 merge renumbered its migration 0019 but left it depending on 0017, beside h97's 0018: two leaves.
    An admin upgrading sees `migrate` stop with "Conflicting migrations detected" (and every database test errors),
    so no server can start on main. They should see the upgrade apply 0018 then 0019, one line of migrations."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert loader.detect_conflicts() == {}
    leaves = loader.graph.leaf_nodes("clinic")
    assert len(leaves) == 1, leaves
