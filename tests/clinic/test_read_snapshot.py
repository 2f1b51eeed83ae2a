"""``clinic.snapshot.read_snapshot`` (review r124): one transaction that reads one moment and lets other
connections save meanwhile. On SQLite the connections begin every transaction IMMEDIATE (the write lock at its
start), so a ``transaction.atomic()`` that only read (``reverie backup``) held off every save for as long as it
read; a save waiting past the busy wait failed (E540). Real connections: the save is made on another thread's."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from reverie.clinic.snapshot import read_snapshot

pytestmark = pytest.mark.db


@pytest.mark.django_db(transaction=True)
def test_another_connection_saves_during_a_snapshot_which_keeps_its_moment(make_user: Any) -> None:
    from reverie.clinic.models import User

    make_user("ann")
    failed: list[BaseException] = []

    def save_elsewhere() -> None:
        try:
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA busy_timeout=3000")  # 30 s configured: a lock held fails in 3 here
            make_user("bo")
        except BaseException as exc:  # handed to the test's thread
            failed.append(exc)
        finally:
            connections.close_all()

    with read_snapshot(repeatable=True):
        before = sorted(
            User.objects.values_list("username", flat=True)
        )  # the first read: the snapshot's moment
        saver = threading.Thread(target=save_elsewhere)
        saver.start()
        saver.join(60)
        assert not saver.is_alive()
        assert not failed, f"the save beside the snapshot failed: {failed[0]!r}"
        assert sorted(User.objects.values_list("username", flat=True)) == before == ["ann"]
    assert sorted(User.objects.values_list("username", flat=True)) == ["ann", "bo"]
    connections.close_all()
