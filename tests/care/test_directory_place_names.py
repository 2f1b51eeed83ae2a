"""Review r27: the directory's place search reads a town the way a person sees it, whatever the keyboard sent
(moved from tests/review_r27)."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client

from reverie.care.services import directory
from reverie.programmes import directory as rules
from reverie.programmes.directory import COLUMNS

pytestmark = pytest.mark.django_db
ROW = "t1,Dr Ada Example,psychoanalytic,long_term,en;de,yes,no,Zürich,CH,80,120,CHF,open"


def test_a_town_typed_with_a_combining_accent_finds_the_same_town() -> None:
    """ "Zürich" sent decomposed (u + U+0308, as macOS copy-paste gives it) finds the listing in Zürich."""
    directory.import_csv(None, ("\n".join([",".join(COLUMNS), ROW]) + "\n").encode())
    decomposed = unicodedata.normalize("NFD", "Zürich")
    assert decomposed != "Zürich"  # looks the same on screen
    html = Client().get("/directory/", {"location": decomposed, "mode": "in_person"}).content.decode()
    assert "Dr Ada Example" in html


@pytest.mark.parametrize("typed", ["zurich", "ZURICH", "Zu\u0308rich", "ｚｕｒｉｃｈ"])
def test_a_town_typed_without_accents_or_in_another_case_finds_the_same_town(typed: str) -> None:
    """One normalising function reads both sides: Unicode forms, case and accents do not part a town from itself."""
    directory.import_csv(None, ("\n".join([",".join(COLUMNS), ROW]) + "\n").encode())
    html = Client().get("/directory/", {"location": typed, "mode": "in_person"}).content.decode()
    assert "Dr Ada Example" in html


@pytest.mark.parametrize(
    ("listed", "typed"),
    [("Tromsø", "tromso"), ("Straße", "STRASSE"), ("São  Paulo", "sao paulo"), ("Łódź", "lodz")],
)
def test_place_key_reads_a_town_as_a_person_does(listed: str, typed: str) -> None:
    assert rules.place_key(listed) == rules.place_key(typed)


def test_place_key_keeps_different_towns_apart() -> None:
    assert rules.place_key("Basel") != rules.place_key("Bern")
    assert rules.place_key("Москва") == rules.place_key("москва") != rules.place_key("Moskva")
