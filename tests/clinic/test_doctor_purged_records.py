"""h105 (after review r90): a damaged record of what was deleted for good refuses every save under an id the client
chose, and its refusal names no server file (it is told to the client). ``reverie doctor`` is where whoever runs
this Reverie learns which file to repair."""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["purged-entries.json", "purged-files.json"])
def test_doctor_names_a_damaged_purged_record_and_exits_as_an_unreadable_record(cli: Any, name: str) -> None:
    cli("user", "create", "ola")
    code, out, _ = cli("doctor")
    assert code == 0
    damaged = cli.data_dir / name
    damaged.write_text('{"format": "reverie.purged-')
    code, out, err = cli("doctor", check=False)
    assert code == 8, (out, err)  # KeyUnavailable, E510: as the save it refuses
    assert str(damaged) in out and "cannot be read" in out
    assert "[E510]" in err
    damaged.write_text(json.dumps({"format": "reverie.purged-unknown/9", "files": {}}))
    code, out, _ = cli("doctor", check=False)
    assert code == 8 and str(damaged) in out and "not in a format this Reverie knows" in out
    damaged.unlink()
    code, out, _ = cli("doctor")
    assert code == 0 and name not in out
