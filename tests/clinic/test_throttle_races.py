"""Issue 11 item 9: attempt limits hold under concurrency (a limit of N lets at most N attempts through), on
SQLite and on the real PostgreSQL; invitation codes are long and their redemption is limited the same way.

The tests commit for real (``transaction=True``) and start every thread at one barrier, so the attempts overlap.
Before the fix (count the failures, then check, then insert one) 5–10 guesses got through a limit of 5.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pyotp
import pytest
from django.db import connection
from django.utils import timezone

from reverie.clinic.models import ThrottleCounter, User
from reverie.clinic.services import people, signin, throttle
from reverie.clinic.services.throttle import Limit
from reverie.errors import AuthenticationFailed, NotFound, ReverieError

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long test password"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # a fixed TOTP key: nothing random in tests


def _wrong_code(secret: str) -> str:
    """A 6-digit code that is none of the codes accepted now (previous, current, next step)."""
    totp, now = pyotp.TOTP(secret), time.time()
    accepted = {totp.at(now + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in (f"{n:06d}" for n in range(1000)) if c not in accepted)


def _race(count: int, attempt: Callable[[int], None]) -> list[str]:
    """Run ``attempt`` in ``count`` threads released together; the outcome of each (``ok`` or the error text)."""
    start = threading.Barrier(count)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(n: int) -> None:
        try:
            start.wait()
            attempt(n)
            result = "ok"
        except ReverieError as exc:
            result = exc.message
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == count
    return outcomes


def test_throttle_races_concurrent_wrong_passwords_get_exactly_the_limit(make_user: Any) -> None:
    make_user("nora")
    outcomes = _race(12, lambda n: signin.check_password("nora", f"wrong guess {n}", f"10.0.0.{n}"))
    checked = [o for o in outcomes if o == "Wrong user name or password."]
    refused = [o for o in outcomes if o == throttle.TOO_MANY]
    assert len(checked) == signin.MAX_PER_ACCOUNT and len(refused) == 12 - signin.MAX_PER_ACCOUNT
    with pytest.raises(AuthenticationFailed, match="Too many"):
        signin.check_password("nora", PASSWORD, "10.0.0.99")  # even the right password waits out the window


def test_throttle_races_concurrent_attempts_from_one_address_get_exactly_its_limit(make_user: Any) -> None:
    outcomes = _race(
        signin.MAX_PER_ADDRESS + 6, lambda n: signin.check_password(f"nobody-{n}", "wrong guess", "10.9.9.9")
    )
    assert outcomes.count("Wrong user name or password.") == signin.MAX_PER_ADDRESS


def test_throttle_races_concurrent_code_guesses_get_exactly_the_code_limit(make_user: Any) -> None:
    user = make_user("cody", role="therapist")
    user.totp_secret = SECRET
    user.save()
    wrong = _wrong_code(SECRET)
    outcomes = _race(10, lambda n: signin.check_second_factor(user, wrong, f"10.1.0.{n}"))
    assert outcomes.count("That code is not right (or it was already used).") == signin.MAX_CODES_PER_ACCOUNT
    assert outcomes.count(throttle.TOO_MANY) == 10 - signin.MAX_CODES_PER_ACCOUNT


def test_throttle_races_one_totp_code_sent_concurrently_signs_in_once(make_user: Any) -> None:
    user = make_user("twin", role="therapist")
    user.totp_secret = SECRET
    user.save()
    code = pyotp.TOTP(user.totp_secret).now()
    outcomes = _race(4, lambda n: signin.check_second_factor(user, code, f"10.2.0.{n}"))
    assert outcomes.count("ok") == 1


def test_throttle_races_invitation_guesses_are_limited_per_person(make_user: Any) -> None:
    therapist, client = make_user("dr-ivy", role="therapist"), make_user("ian")
    real = people.issue_invitation(therapist)
    guesses = [f"{n:05d}-AAAAA-BBBBB-CCCCC" for n in range(9)]
    outcomes = _race(9, lambda n: people.accept_invitation(client, guesses[n], f"10.3.0.{n}"))
    assert outcomes.count("That invitation code is not valid (it may be used or expired).") == 5
    assert outcomes.count(people.TOO_MANY_CODES) == 4
    with pytest.raises(AuthenticationFailed, match="Too many invitation codes"):
        people.accept_invitation(client, real, "10.3.1.1")  # even the right code waits out the window


def test_throttle_races_invitation_guesses_are_limited_per_address(make_user: Any) -> None:
    people.issue_invitation(make_user("dr-oak", role="therapist"))
    guessers = [User.objects.create(username=f"g{n}") for n in range(people.MAX_REDEEM_PER_ADDRESS + 3)]
    outcomes = _race(
        len(guessers), lambda n: people.accept_invitation(guessers[n], "AAAAA-BBBBB-CCCCC-DDDDD", "10.4.4.4")
    )
    assert outcomes.count(people.TOO_MANY_CODES) == 3


def test_throttle_races_invitation_codes_carry_100_bits_and_read_forgivingly(make_user: Any) -> None:
    therapist, client = make_user("dr-elm", role="therapist"), make_user("eve")
    code = people.issue_invitation(therapist)
    groups = code.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5]
    assert set("".join(groups)) <= set(people.INVITATION_ALPHABET)  # 20 × 5 bits
    pair = people.accept_invitation(client, f"  {code.lower().replace('-', ' ')} ", "10.5.0.1")
    assert pair.therapist_id == therapist.pk
    with pytest.raises(NotFound):
        people.accept_invitation(make_user("eli"), code, "10.5.0.2")  # used once


def test_throttle_a_right_attempt_gives_its_place_back_and_windows_end(make_user: Any) -> None:
    make_user("tam")
    limit = signin.password_limits("tam", "10.6.0.1")[0]
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong"):
            signin.check_password("tam", "wrong password", "10.6.0.1")
    for _ in range(3):
        signin.check_password("tam", PASSWORD, "10.6.0.1")  # right: counted, then given back
    assert throttle.remaining(limit) == 1
    ThrottleCounter.objects.filter(key=limit.key).update(window_start=timezone.now() - timedelta(minutes=16))
    assert throttle.remaining(limit) == signin.MAX_PER_ACCOUNT
    with pytest.raises(AuthenticationFailed, match="Wrong"):
        signin.check_password("tam", "wrong password", "10.6.0.1")  # a new window counts from 1
    assert throttle.remaining(limit) == signin.MAX_PER_ACCOUNT - 1


def test_throttle_keys_hold_no_user_name_or_address(make_user: Any) -> None:
    make_user("secretive")
    with pytest.raises(AuthenticationFailed):
        signin.check_password("secretive", "wrong password", "192.0.2.7")
    keys = list(ThrottleCounter.objects.values_list("key", flat=True))
    assert keys and not any("secretive" in k or "192.0.2.7" in k for k in keys)


def test_throttle_take_refuses_without_counting_when_one_limit_is_spent(db: Any) -> None:
    small, big = Limit("t-small", "x", 1), Limit("t-big", "x", 10)
    throttle.take(small, big)
    with pytest.raises(AuthenticationFailed):
        throttle.take(small, big)
    assert throttle.remaining(big) == 9  # the refused attempt gave back the place it had taken


def test_throttle_counters_long_over_are_pruned(make_user: Any) -> None:
    make_user("old-news")
    with pytest.raises(AuthenticationFailed):
        signin.check_password("old-news", "wrong password", "10.10.0.1")
    assert ThrottleCounter.objects.count() == 2  # the account's and the address's
    ThrottleCounter.objects.filter(key__startswith="address:").update(
        window_start=timezone.now() - timedelta(days=2)
    )
    assert throttle.prune() == 1
    assert list(ThrottleCounter.objects.values_list("key", flat=True)) == [
        signin.password_limits("old-news", "")[0].key
    ]
