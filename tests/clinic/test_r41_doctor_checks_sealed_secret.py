"""r41: h35 made ``User.totp_secret`` a sealed record (under the person's data key); ``reverie doctor``, which
opens every sealed record, must check it too: one that no longer opens locks its owner out at the second step."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest

from reverie.clinic.models import User
from reverie.clinic.services import doctor, signin
from reverie.errors import IntegrityError
from totp_enable import enable_with_previous_code

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def test_doctor_reports_an_authenticator_secret_that_does_not_open(make_user: Any) -> None:
    """An altered sealed secret is a doctor failure, as any other sealed record that does not open."""
    therapist = make_user("dr-doc", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    stored = User.objects.get(pk=therapist.pk).totp_secret
    altered = stored[:-8] + ("A" if stored[-8] != "A" else "B") + stored[-7:]
    User.objects.filter(pk=therapist.pk).update(totp_secret=altered)
    with pytest.raises(IntegrityError):  # it no longer opens: the person cannot pass the second step
        signin.totp_secret_of(User.objects.get(pk=therapist.pk))
    report = doctor.check()
    assert not report.ok, "doctor says every sealed record opens, yet the authenticator secret does not"


def test_doctor_opens_a_good_secret_and_never_quarantines_an_account(make_user: Any) -> None:
    """A secret that opens is counted and passes; one that does not is 'secret_lost' (reset-two-step clears it),
    and --quarantine leaves the account where it is."""
    therapist = make_user("dr-ok", role="therapist")
    secret = pyotp.random_base32()
    enable_with_previous_code(therapist, secret, PASSWORD)
    report = doctor.check()
    assert report.ok and report.per_person[therapist.pk][doctor.SECRET_COLUMN] == 1
    User.objects.filter(pk=therapist.pk).update(totp_secret=signin.SEALED_MARK + "AAAA")
    report = doctor.check()
    assert [f.reason for f in report.failures] == [doctor.SECRET_LOST]
    assert doctor.quarantine(report) == 0 and User.objects.filter(pk=therapist.pk).exists()
