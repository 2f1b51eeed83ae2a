"""Turning on a test account's authenticator with the previous time step's code (so the current step's code is still
free for the sign-in that follows). The password is checked first; on a loaded machine a step boundary can pass during
that check, making the code two steps old and refused: the code is then made again, once, at the new step."""

from __future__ import annotations

import time
from typing import Any

import pyotp

from reverie.clinic.services import signin
from reverie.errors import InvalidInput


def enable_with_previous_code(user: Any, secret: str, password: str) -> list[str]:
    try:
        return signin.enable_totp(user, secret, pyotp.TOTP(secret).at(time.time() - 30), password=password)
    except InvalidInput:  # a step boundary passed while the password was checked
        return signin.enable_totp(user, secret, pyotp.TOTP(secret).at(time.time() - 30), password=password)
