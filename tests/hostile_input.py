"""Shared by the hostile-input tests of the API (tests/api) and the web forms (tests/clinic): the malformed
multipart Content-Types, and ``state_of(user)``, what a refused request must leave as it was."""

from __future__ import annotations

from typing import Any

# a Content-Type of multipart/form-data with no usable boundary
MALFORMED_MULTIPART = ("multipart/form-data", "multipart/form-data; boundary=")


def state_of(user: Any) -> tuple[int, int, int, str]:
    """The entries, attachments and open pairs counted, and ``user``'s password hash; the audit chain checked."""
    from reverie.clinic.models import Attachment, Entry, Pair
    from reverie.clinic.services import audit

    assert audit.verify().ok
    return (
        Entry.objects.count(),
        Attachment.objects.count(),
        Pair.objects.filter(ended_at__isnull=True).count(),
        type(user).objects.get(pk=user.pk).password,
    )
