from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.services.common.tabular import write_table
from facilitator_app.services.setup import cards
from tests.helpers.files import public_facts


def test_bundled_sets_hold_every_known_public_card() -> None:
    sets = cards.bundled_card_sets()
    assert set(sets) == {"2021-2023", "2024-2026"}
    facts = public_facts()
    for edition, key in (("2021-2023", "psm_2021_2023"), ("2024-2026", "psm_2024_2026")):
        by_code = sets[edition].by_code()
        for item in facts[key]["items"]:
            assert (
                by_code[item["code"]].title == item["title"].rstrip(".")
                or by_code[item["code"]].title == item["title"]
            )
            assert by_code[item["code"]].source
        axes = [card for card in sets[edition].cards if card.level == "asse"]
        assert [card.code for card in axes] == ["1", "2", "3", "4", "5", "6"]
    for axis in facts["axes_psm_2021_2023"]:
        assert sets["2021-2023"].by_code()[str(axis["axis"])].title == axis["title"]
    for item in facts["codes_mentioned_in_seed_report"]:
        assert item["code"] in sets["2021-2023"].by_code()


def test_bundled_sets_say_they_are_incomplete() -> None:
    card_set = cards.bundled_card_sets()["2021-2023"]
    assert card_set.complete is False
    assert card_set.expected == {"assi": 6, "strategie": 24, "azioni": 111}


GOOD = """edition: "x"
title: "t"
axes:
  - axis: 2
    title: "Asse due"
    strategies:
      - code: "2.1"
        title: "Strategia"
        actions:
          - code: "2.1.1"
            title: "Azione"
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            GOOD.replace('        title: "Strategia"', '        title: "S"\n        colour: red'),
            9,
            "chiave sconosciuta «colour»",
        ),
        (GOOD.replace('"2.1.1"', '"2.1"'), 10, "non ha la forma"),
        (GOOD + '          - code: "2.1.1"\n            title: "Bis"\n', 12, "duplicato"),
        (GOOD.replace('"2.1.1"', '"3.1.1"'), 10, "non appartiene a «2.1»"),
        (GOOD.replace('code: "2.1"', 'code: "3.1"'), 7, "non appartiene a «2»"),
        (GOOD.replace('            title: "Azione"', '            title: ""'), 11, "manca «title»"),
        (GOOD.replace("  - axis: 2", "  - axis: 7"), 4, "inesistente"),
        (GOOD.replace('title: "t"', 'title: "t"\ntitle: "u"'), 3, "ripetuta"),
        ("edition: [", 1, "YAML non valido"),
    ],
)
def test_card_file_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "set.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputRefusedError) as caught:
        cards.load_card_set(path)
    problem = caught.value.problems[0]
    assert problem.file == "set.yml"
    assert message in problem.translated()
    assert problem.row == line


def test_good_card_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(GOOD, encoding="utf-8")
    loaded = cards.load_card_set(path)
    assert [card.code for card in loaded.cards] == ["2", "2.1", "2.1.1"]
    assert loaded.cards[2].parent_code == "2.1"
    assert loaded.counts() == {"asse": 1, "strategia": 1, "azione": 1}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_round_trips_through_import(tmp_path: Path, suffix: str) -> None:
    known = cards.bundled_card_sets()["2021-2023"]
    header, rows = cards.template_rows(known)
    path = tmp_path / f"schede{suffix}"
    write_table(path, "schede", header, rows)
    imported = cards.import_card_file(path, "2021-2023")
    assert imported.cards == known.cards


@pytest.mark.parametrize(
    ("rows", "row", "column", "message"),
    [
        (
            [["1", "asse", "Asse 1", "", ""], ["1.x", "", "Strategia", "", ""]],
            3,
            "codice",
            "non valido",
        ),
        ([["1", "asse", "Asse 1", "", ""], ["1", "", "Doppio", "", ""]], 3, "codice", "duplicato"),
        ([["1", "asse", "", "", ""]], 2, "titolo", "manca il titolo"),
        (
            [["1", "asse", "A", "", ""], ["1.1", "azione", "S", "", ""]],
            3,
            "livello",
            "non corrisponde",
        ),
        ([["1.1", "", "Strategia orfana", "", ""]], 2, "codice", "manca l'asse 1"),
    ],
)
def test_card_import_errors_name_row_and_column(
    tmp_path: Path, rows: list[list[str]], row: int, column: str, message: str
) -> None:
    path = tmp_path / "schede.csv"
    write_table(path, "schede", list(cards.CARD_COLUMNS), rows)
    with pytest.raises(InputRefusedError) as caught:
        cards.import_card_file(path, "2021-2023")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (row, column)
    assert message in problem.translated()


@pytest.mark.parametrize(
    ("source", "readable"),
    [
        ("", ""),
        ("Restituzione del Forum Metropolitano del 10 novembre 2023", None),
        ("psm_public_facts.json (assi PSM 2021-2023)", "assi PSM 2021-2023"),
        (
            "http://www.cittametropolitana.torino.it/cms/sviluppo-economico/piano-strategico/"
            "psm-asse2 (2021-23 snapshot)",
            "Città metropolitana di Torino, pagina del PSM «Asse 2» (2021-23)",
        ),
        (
            "https://www.torinometropoli.it/cms/sviluppo-economico/piano-strategico/psm-asse3",
            "Città metropolitana di Torino, pagina del PSM «Asse 3»",
        ),
        ("Scheda da https://example.org/a/b?c=1", "Scheda da example.org"),
    ],
)
def test_readable_source_names_the_page_not_the_address_or_file(
    source: str, readable: str | None
) -> None:
    assert cards.readable_source(source) == (source if readable is None else readable)


def test_bundled_card_texts_name_their_sources_for_people() -> None:
    for card_set in cards.bundled_card_sets().values():
        for card in card_set.cards:
            text = f"{card.title} {card.description} {card.source}"
            assert "http" not in text and ".json" not in text and "snapshot" not in text
            assert card.source, card.code
