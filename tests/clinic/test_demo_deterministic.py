"""The demo never fails by chance: its made-up password always meets the password validators (issue 11.11)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from reverie.errors import ConfigurationError

pytestmark = pytest.mark.django_db

# Drawn once by the old generator ("demo-" + token_urlsafe(9)) and refused: about 1.5% of its draws were.
REFUSED = "demo-XlZ0nhBeLToI"


def _valid_for(password: str, *names: str) -> bool:
    from reverie.clinic.models import User

    try:
        for name in names:
            validate_password(password, User(username=name))
    except ValidationError:
        return False
    return True


def test_demo_old_generator_could_draw_a_refused_password() -> None:
    assert not _valid_for(REFUSED, "demo-client")


def test_demo_generated_password_skips_refused_candidates() -> None:
    from reverie.clinic.services.generated_password import generate_password

    candidates = iter([REFUSED, "demo-quietharbourlanterns"])
    assert generate_password("demo-client", "demo-therapist", candidate=lambda: next(candidates)) == (
        "demo-quietharbourlanterns"
    )


def test_demo_generated_passwords_always_valid_over_many_draws() -> None:
    from reverie.clinic.services.generated_password import generate_password

    rng = random.Random(1111)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
    drawn: list[str] = []

    def candidate() -> str:  # the old generator's shape, seeded
        drawn.append("demo-" + "".join(rng.choice(alphabet) for _ in range(12)))
        return drawn[-1]

    passwords = [generate_password("demo-client", "demo-therapist", candidate=candidate) for _ in range(300)]
    assert all(_valid_for(p, "demo-client", "demo-therapist") for p in passwords)
    assert len(drawn) > len(passwords), (
        "the seed should include refused candidates, so the retry is exercised"
    )


def test_demo_generated_password_refuses_impossible_validators() -> None:
    from reverie.clinic.services.generated_password import generate_password

    with pytest.raises(ConfigurationError):
        generate_password("demo-client", candidate=lambda: "short")


def test_demo_loads_with_the_generated_password(make_user: Any) -> None:
    from reverie.clinic.services import people
    from reverie.clinic.services.demo import load_demo

    accounts = load_demo(n_entries=2)
    assert people.authenticate("demo-client", accounts.password).username == "demo-client"


def test_hypothesis_is_derandomized() -> None:
    from hypothesis import settings

    assert settings.default.derandomize is True
