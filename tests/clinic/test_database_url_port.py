"""r130 fault 6: a port out of range (or not a number) in REVERIE_DATABASE_URL was "unexpected ValueError", exit 70
(Python's ``urlparse(...).port`` raises it). It is a settings error naming the variable (E600, exit 9), never
quoting the URL, which may hold the password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reverie.errors import ConfigurationError
from reverie.settings import parse_database_url


@pytest.mark.parametrize("port", ["99999", "54x32", "-1"])
def test_a_port_that_is_not_one_is_a_settings_error(port: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as refused:
        parse_database_url(f"postgresql://reverie:S3cretPW@127.0.0.1:{port}/reverie", tmp_path)
    said = refused.value.message
    assert "REVERIE_DATABASE_URL" in said and "port" in said and "S3cretPW" not in said


def test_doctor_with_a_port_out_of_range_says_which_setting(cli: Any) -> None:
    url = "postgresql://reverie:S3cretPW@127.0.0.1:99999/reverie"
    code, out, err = cli("doctor", check=False, REVERIE_DATABASE_URL=url)
    said = out + err
    assert code == ConfigurationError.exit_code and "[E600]" in said, (code, said)
    assert "REVERIE_DATABASE_URL" in said and "unexpected" not in said and "S3cretPW" not in said
