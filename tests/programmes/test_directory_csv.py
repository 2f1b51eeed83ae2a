"""Directory CSV import (all or nothing, errors name line and column) and the search filter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.directory import (
    COLUMNS,
    Availability,
    DirectoryQuery,
    Modality,
    matches,
    parse_directory_csv,
    query_from_prefill,
    search,
)

HEADER = ",".join(COLUMNS)
ROWS = [
    "t1,Dr Ada Example,psychodynamic;DIT,dit;brief_psychodynamic,en;de,yes,yes,London,GB,80,120,GBP,open",
    "t2,Ben Sample,CBT,cbt,en,no,yes,,GB,60,60,GBP,waitlist",
    't3,"Cleo Placeholder, MA",art;psychodynamic,art_therapy,fr;en,yes,no,Lyon,FR,70.50,90,EUR,full',
]


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def test_parse_directory_csv_reads_every_field() -> None:
    profiles = parse_directory_csv(csv_bytes(*ROWS))
    assert [p.id for p in profiles] == ["t1", "t2", "t3"]
    ada = profiles[0]
    assert ada.modalities == (Modality.PSYCHODYNAMIC, Modality.DIT)
    assert ada.formats == ("dit", "brief_psychodynamic")
    assert ada.languages == ("en", "de")
    assert (ada.in_person, ada.online, ada.location, ada.country) == (True, True, "London", "GB")
    assert (ada.fee_min, ada.fee_max, ada.currency) == (Decimal(80), Decimal(120), "GBP")
    assert profiles[2].name == "Cleo Placeholder, MA"
    assert profiles[2].fee_min == Decimal("70.50") and profiles[2].availability is Availability.FULL


def test_parse_directory_csv_accepts_bom_and_column_order() -> None:
    reordered = ",".join(["name", "id", *COLUMNS[2:], "notes"])
    data = b"\xef\xbb\xbf" + csv_bytes(
        "Dee,t9,Psychoanalytic,,EN,no,true,,us,100,150,usd,OPEN,ignored", header=reordered
    )
    (profile,) = parse_directory_csv(data)
    assert (profile.id, profile.modalities, profile.languages) == ("t9", (Modality.PSYCHOANALYTIC,), ("en",))
    assert (profile.country, profile.currency, profile.availability) == ("US", "USD", Availability.OPEN)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (csv_bytes(*ROWS, header=HEADER.replace(",fee_max", "")), "Line 1: missing column\\(s\\): fee_max"),
        (csv_bytes(ROWS[0], ROWS[1].replace(",60,60,", ",sixty,60,")), "Line 3, column 'fee_min'"),
        (csv_bytes(ROWS[0].replace(",80,120,", ",80,12.345,")), "Line 2, column 'fee_max'"),
        (csv_bytes(ROWS[0].replace(",80,120,", ",-5,120,")), "Line 2, column 'fee_min'"),
        (csv_bytes(ROWS[0].replace(",80,120,", ",130,120,")), "Line 2, column 'fee_max': must not be below"),
        (csv_bytes(ROWS[0].replace("psychodynamic;DIT", "psychodynamic;gestalt")), "column 'modalities'"),
        (csv_bytes(ROWS[0].replace("en;de", "english")), "column 'languages'"),
        (csv_bytes(ROWS[0].replace(",yes,yes,", ",maybe,yes,")), "column 'in_person'"),
        (csv_bytes(ROWS[0].replace(",yes,yes,", ",no,no,")), "column 'online'"),
        (csv_bytes(ROWS[0].replace("London", "")), "column 'location'"),
        (csv_bytes(ROWS[0].replace(",GBP,", ",POUNDS,")), "column 'currency'"),
        (csv_bytes(ROWS[0].replace(",open", ",closed")), "column 'availability'"),
        (csv_bytes(ROWS[0], ROWS[0]), "Line 3, column 'id': the same id"),
        (csv_bytes(ROWS[0] + ",extra"), "Line 2: expected 13 fields"),
        (csv_bytes("t5,Short"), "Line 2: expected 13 fields"),
        (
            csv_bytes(ROWS[0], ROWS[1]).replace(b"Ben", b"B\x81n"),
            "Line 3 is not valid UTF-8, UTF-16 or Windows",
        ),
        (csv_bytes(ROWS[0], 't4,"unterminated'), "malformed"),
    ],
)
def test_parse_directory_csv_rejects_malformed_files(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_directory_csv(data)


def test_parse_directory_csv_error_never_echoes_the_cell() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_directory_csv(csv_bytes(ROWS[0].replace(",80,120,", ",secret-fee,120,")))
    assert "secret-fee" not in str(caught.value)


def test_matches_filters() -> None:
    ada, ben, cleo = parse_directory_csv(csv_bytes(*ROWS))
    psychodynamic = DirectoryQuery(modalities=frozenset({Modality.PSYCHODYNAMIC}))
    assert [matches(p, psychodynamic) for p in (ada, ben, cleo)] == [True, False, False]  # cleo is full
    assert matches(cleo, DirectoryQuery(modalities=frozenset({Modality.ART}), include_full=True))
    assert not matches(ada, DirectoryQuery(language="fr"))
    assert matches(ben, DirectoryQuery(max_fee=Decimal(60))) and not matches(
        ada, DirectoryQuery(max_fee=Decimal(79))
    )
    assert not matches(ben, DirectoryQuery(mode="in_person"))
    assert matches(ben, DirectoryQuery(mode="either", location="Leeds"))  # online works anywhere
    assert not matches(ada, DirectoryQuery(mode="in_person", location="Leeds"))
    assert matches(ada, DirectoryQuery(mode="in_person", location="london"))
    assert not matches(ada, DirectoryQuery(country="FR"))
    with pytest.raises(InvalidInput):
        matches(ada, DirectoryQuery(mode="phone"))


def test_query_from_prefill_uses_fit_result_and_overrides() -> None:
    profiles = parse_directory_csv(csv_bytes(*ROWS))
    query = query_from_prefill({"modalities": ["psychodynamic", "psychoanalytic", "DIT"]}, language="de")
    assert query.modalities == {Modality.PSYCHODYNAMIC, Modality.PSYCHOANALYTIC, Modality.DIT}
    assert [p.id for p in search(profiles, query)] == ["t1"]
    assert [p.id for p in search(profiles, query_from_prefill({"modalities": ["CBT"]}))] == ["t2"]
    with pytest.raises(InvalidInput, match="unknown modality"):
        query_from_prefill({"modalities": ["astrology"]})
    with pytest.raises(InvalidInput, match="does not know"):
        query_from_prefill({}, colour="blue")


def test_search_orders_open_first_then_fee() -> None:
    rows = [
        "a,Alpha,psychodynamic,,en,no,yes,,GB,90,90,GBP,waitlist",
        "b,Beta,psychodynamic,,en,no,yes,,GB,95,95,GBP,open",
        "c,Gamma,psychodynamic,,en,no,yes,,GB,50,50,GBP,open",
    ]
    found = search(parse_directory_csv(csv_bytes(*rows)), DirectoryQuery())
    assert [p.id for p in found] == ["c", "b", "a"]
