"""Brief h45: the directory's results come in pages (20 a page, one stable order, the search kept across pages, a bad
page number answered plainly), and a highest fee is compared only with fees in its own currency (listings in another
currency are counted and reachable, never converted)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from reverie.care.services import directory
from reverie.errors import InvalidInput
from reverie.programmes import directory as rules
from reverie.programmes.directory import COLUMNS, DirectoryQuery

pytestmark = pytest.mark.django_db
HEADER = ",".join(COLUMNS)


def _row(n: int, fee: int = 60, currency: str = "GBP", name: str = "") -> str:
    return f"t{n},{name or f'Therapist {n:02d}'},psychodynamic,,en,no,yes,,GB,{fee},{fee},{currency},open"


def _import(*rows: str) -> None:
    directory.import_csv(None, ("\n".join([HEADER, *rows]) + "\n").encode())


def _names(html: str) -> list[str]:
    return re.findall(r"<strong>(Therapist \d+|[^<]+)</strong>", html)


def test_results_come_twenty_a_page_with_previous_and_next_keeping_the_search() -> None:
    """Every matching listing was on one page: 45 listings scrolled forever on a phone."""
    _import(*(_row(n) for n in range(1, 46)))
    first = Client().get("/directory/?language=en&mode=online").content.decode()
    assert "45 found" in first and "Page 1 of 3" in first and len(_names(first)) == 20
    assert 'rel="prev"' not in first
    (next_url,) = re.findall(r'href="([^"]+)" rel="next"', first)
    next_url = next_url.replace("&amp;", "&")
    assert "language=en" in next_url and "mode=online" in next_url and "page=2" in next_url
    second = Client().get(next_url).content.decode()
    assert "Page 2 of 3" in second and 'rel="prev"' in second and 'rel="next"' in second
    third = Client().get(next_url.replace("page=2", "page=3")).content.decode()
    assert len(_names(third)) == 5 and 'rel="next"' not in third
    seen = _names(first) + _names(second) + _names(third)
    assert seen == sorted(seen) and len(set(seen)) == 45  # one stable order: none twice, none missing


@pytest.mark.parametrize("page", ["0", "-1", "two", "1.5", "99999999999"])
def test_a_page_number_that_is_no_page_is_refused_plainly(page: str) -> None:
    _import(*(_row(n) for n in range(1, 4)))
    response = Client().get(f"/directory/?language=en&page={page}")
    text = response.content.decode()
    assert response.status_code == 400 and "Page: a whole number from 1, such as 2." in text
    assert "found</h2>" not in text and 'href="/directory/?language=en"' in text


def test_a_page_past_the_last_says_how_many_pages_there_are() -> None:
    _import(*(_row(n) for n in range(1, 4)))
    response = Client().get("/directory/?language=en&page=7")
    text = response.content.decode()
    assert response.status_code == 400 and "There is no page 7: this search has 1 page." in text
    assert 'href="/directory/?language=en">Go to the first page' in text and "found</h2>" not in text


def test_a_highest_fee_is_compared_only_within_its_currency() -> None:
    """80 GBP vs 80 JPY: a highest fee of 100 found the 8,000 JPY listing's rival at 80 JPY as "cheaper" than a
    90 GBP one. Fees are compared in the currency chosen only; the others are counted, and a link shows them."""
    _import(
        _row(1, 90, "GBP", "Pounds Ninety"),
        _row(2, 120, "GBP", "Pounds Dear"),
        _row(3, 80, "JPY", "Yen Eighty"),
        _row(4, 50, "EUR", "Euro Fifty"),
        _row(5, 70, "GBP", "Pounds Seventy"),
    )
    html = (
        Client().get("/directory/?max_fee=100").content.decode()
    )  # no currency: the one most listings are in
    assert "Pounds Ninety" in html and "Pounds Seventy" in html and "Pounds Dear" not in html
    assert "Yen Eighty" not in html and "Euro Fifty" not in html and "2 found" in html
    assert "2 listings in other currencies (EUR, JPY) are not compared with a highest fee in GBP" in html
    assert '<option value="GBP" selected>' in html and '<option value="JPY">' in html
    (shown,) = re.findall(r'<a href="([^"]*)">Show them', html)
    assert "max_fee" not in shown and "Yen Eighty" in Client().get(shown).content.decode()
    yen = Client().get("/directory/?max_fee=100&currency=jpy").content.decode()
    assert "Yen Eighty" in yen and "Pounds Ninety" not in yen and "1 found" in yen
    # each listing in another currency is counted, however dear: its fee cannot be compared with 100 JPY
    assert "4 listings in other currencies (EUR, GBP) are not compared with a highest fee in JPY" in yen


def test_without_a_highest_fee_every_currency_is_listed_and_a_currency_is_offered() -> None:
    """No highest fee: nothing is compared, so every currency is listed; the fee's Currency select sits next to it,
    the currency most listings are in chosen."""
    _import(_row(1, 90, "GBP"), _row(2, 80, "JPY"), _row(3, 70, "JPY"))
    html = Client().get("/directory/").content.decode()
    assert "3 found" in html and "not compared" not in html
    assert '<label for="currency">Currency of the fee</label><select id="currency" name="currency">' in html
    assert '<option value="GBP">GBP</option><option value="JPY" selected>JPY</option>' in html


def test_a_currency_that_is_no_code_is_refused_plainly() -> None:
    _import(_row(1))
    response = Client().get("/directory/?max_fee=50&currency=pounds")
    assert response.status_code == 400
    assert "Currency: three letters, such as GBP or EUR." in response.content.decode()


def test_the_pure_core_pages_and_counts_other_currencies() -> None:
    profiles = rules.parse_directory_csv(
        ("\n".join([HEADER, _row(1, 80, "GBP"), _row(2, 80, "JPY"), _row(3, 80, "jpy")]) + "\n").encode()
    )
    found = rules.search_in_currency(profiles, DirectoryQuery(max_fee=Decimal(100), currency="GBP"))
    assert [p.id for p in found.profiles] == ["t1"] and found.other_currencies == {"JPY": 2}
    assert rules.main_currency(["GBP", "JPY", "jpy"]) == "JPY" and rules.main_currency([]) is None
    page = rules.page_of(list(profiles), 2, size=2)
    assert (page.number, page.pages, page.total, [p.id for p in page.profiles]) == (2, 2, 3, ["t3"])
    assert rules.page_of([], 1).pages == 1


def test_a_referral_with_a_highest_fee_carries_its_currency() -> None:
    """A referral's max_fee lost its currency on the way, to be compared in whatever currency most listings use."""
    from reverie.care.services import fit

    referral = fit.read_referral(fit.make_referral({"max_fee": "8000", "currency": "JPY"}))
    assert referral is not None and "currency=JPY" in fit.directory_query_from(referral)
    with pytest.raises(InvalidInput, match="Currency: three letters"):
        fit.make_referral({"max_fee": "80", "currency": "yen!"})
