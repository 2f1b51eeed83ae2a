"""The formulation in words and shared with care (brief q3, QA qa33 points 9 and 13): field keys never reach a
page or an error; an empty formulation cannot be shared; the client sees the version current when it was shared
and the versions saved while shared, never the drafts before."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import formulation
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


def test_formulation_change_list_names_fields_in_words(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "small"})
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "smaller", "ccrt_w": "5", "ccrt_ro": "3"}
    )
    formulation.share(therapist, course.id, True)
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "smaller", "ccrt_w": "5", "ccrt_ro": "4", "past": "father"}
    )
    for who, words in (
        (client, "How others respond, In the past"),
        (therapist, "How others respond (RO), In the past"),
    ):
        page = _as(who).get(f"/courses/{course.id}/formulation/").content.decode()
        changed = [line for line in page.splitlines() if "Changed:" in line]
        assert changed and all("ccrt_" not in line and "ipaf_" not in line for line in changed)
        assert words in page  # the client reads the labels without the CCRT's letters
    assert [v.changed_labels for v in formulation.versions(therapist, course.id)][1] == (
        "How the person sees themselves",
        "Wishes in relationships (W)",
        "How others respond (RO)",
    )


def test_formulation_too_long_field_is_named_in_words(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    response = _as(therapist).post(f"/courses/{course.id}/formulation/", {"ipaf_self": "x" * 2001})
    text = response.content.decode()
    assert response.status_code == 400
    assert "How the person sees themselves" in text and "ipaf self" not in text and "(E100)" not in text
    with pytest.raises(InvalidInput, match="How the person sees themselves"):
        formulation.save_formulation(therapist, course.id, {"ipaf_self": "x" * 2001})
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "x" * 2000}
    )  # the near miss: at the limit


def test_formulation_empty_cannot_be_shared(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    response = _as(therapist).post(f"/courses/{course.id}/formulation/share/", {"shared": "1"})
    assert response.status_code == 400 and b"before sharing it" in response.content
    course.refresh_from_db()
    assert not course.formulation_shared
    assert _as(client).get(f"/courses/{course.id}/formulation/").status_code == 404
    formulation.save_formulation(therapist, course.id, {"past": "father"})
    assert formulation.share(therapist, course.id, True).formulation_shared  # once written, it can be shared


def test_formulation_client_sees_the_shared_version_and_later_ones_only(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "first draft"})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "second draft"})
    formulation.share(therapist, course.id, True)

    def seen() -> list[tuple[int, str]]:  # the client numbers the versions they see among themselves (r80)
        return [(v.version, v.values["ipaf_self"]) for v in formulation.versions(client, course.id)]

    assert seen() == [(1, "second draft")]
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "third, while shared"})
    assert seen() == [(1, "second draft"), (2, "third, while shared")]
    formulation.share(therapist, course.id, False)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "fourth, a draft"})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "fifth, a draft"})
    formulation.share(therapist, course.id, True)
    assert seen() == [(1, "second draft"), (2, "third, while shared"), (3, "fifth, a draft")]
    assert [v.version for v in formulation.versions(therapist, course.id)] == [1, 2, 3, 4, 5]
    page = _as(client).get(f"/courses/{course.id}/formulation/").content.decode()
    assert "first draft" not in page and "fourth, a draft" not in page and "fifth, a draft" in page


def test_prep_shows_the_formulation_in_words(dit: tuple[Any, Any, Any]) -> None:
    """The prep page's "Current formulation" names each field as the form does and a CCRT choice by its
    cluster's label: no ``ipaf_self`` or ``ccrt_w`` key, no bare cluster number (walk x3)."""
    _, therapist, course = dit
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "too much", "ccrt_w": "5", "ccrt_note": "withdraws"}
    )
    page = _as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    current = page.split('id="prep-formulation"')[1]
    assert "ipaf_" not in current and "ccrt_" not in current
    assert "<dt>How the person sees themselves</dt><dd>too much</dd>" in current
    assert "<dt>Notes on the theme</dt><dd>withdraws</dd>" in current
    label = dict(formulation.cluster_choices("w"))[5]
    assert f"<dt>Wishes in relationships (W)</dt><dd>{label}</dd>" in current
