from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from facilitator_app import cli
from facilitator_app.cli import themes as themes_cli
from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.analysis import embeddings, labelled_sets
from facilitator_app.services.analysis.encoder import EncoderUnavailable
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest

DEV_SET = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "themes_dev.json"


def test_suggest_one_board_prints_every_post_it_once(demo_path: Path) -> None:
    code, text = run("themes", "suggest", str(demo_path), "--table", "asse-3", "--session", "2")
    assert code == 0
    assert "Asse 3" in text and "sessione 2: 15 post-it" in text
    assert "gruppi suggeriti" in text and "parole chiave:" in text
    with EventStore.open(demo_path, read_only=True) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-3")
        posts = store.contributions(table.id, 2)
    lines = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]
    assert len(lines) == len(posts) == 15
    for p in posts:
        start = " ".join(p.text.split())[:60]
        assert sum(line.startswith(start) for line in lines) == 1


def test_suggest_every_board_and_cap_groups(demo_path: Path) -> None:
    code, text = run("themes", "suggest", str(demo_path), "--max-groups", "2")
    assert code == 0
    headers = re.findall(r"(\d+) gruppi suggeriti", text)
    assert len(headers) == 14 and all(int(n) <= 2 for n in headers)


def test_suggest_usage_errors(demo_path: Path) -> None:
    assert run("themes", "suggest", str(demo_path), "--table", "nope")[0] == cli.EXIT_USAGE
    assert run("themes", "suggest", str(demo_path), "--max-groups", "0")[0] == cli.EXIT_USAGE
    assert run("themes")[0] == cli.EXIT_USAGE
    assert run("themes", "suggest", "/nonexistent/file.sqlite")[0] == cli.EXIT_REFUSED


def test_crosscutting_lists_themes_with_their_tables(demo_path: Path) -> None:
    code, text = run("themes", "crosscutting", str(demo_path))
    assert code == 0
    assert text.startswith("Temi trasversali suggeriti:")
    assert re.search(r"^1\. .+ — \d+ tavoli \(asse-", text, re.MULTILINE)
    count = int(re.findall(r"Temi trasversali suggeriti: (\d+)", text)[0])
    assert 1 <= count <= 6
    assert "Parole ricorrenti" in text
    assert re.search(r"^   demograf\w+: 4 tavoli", text, re.MULTILINE)


def test_evaluate_prints_method_and_baselines(demo_path: Path) -> None:
    code, text = run("themes", "evaluate", str(demo_path))
    assert code == 0
    assert len(re.findall(r"^  asse-\S+\s+[12]\s", text, re.MULTILINE)) == 14
    for label in (
        "media",
        "baseline: per asse",
        "baseline: per tipo",
        "Intero evento (189 post-it, 54 temi)",
    ):
        assert label in text
    values = [float(v) for v in re.findall(r"-?\d\.\d{3}", text)]
    assert values and all(-1.0 <= v <= 1.0 for v in values)


def test_evaluate_refuses_a_file_without_themes(tmp_path: Path) -> None:
    path = tmp_path / "vuoto.sqlite"
    assert run("new", str(path))[0] == 0
    assert run("themes", "evaluate", str(path))[0] == cli.EXIT_REFUSED


@pytest.mark.parametrize("action", ["suggest", "crosscutting", "evaluate"])
def test_themes_commands_never_change_the_file(demo_path: Path, action: str) -> None:
    before = digest(demo_path)
    assert run("themes", action, str(demo_path))[0] == 0
    assert digest(demo_path) == before


def test_suggest_json_gives_every_board_with_titles_confidence_and_ids(demo_path: Path) -> None:
    code, text = run("themes", "suggest", str(demo_path), "--json")
    assert code == 0
    data = json.loads(text)
    assert data["method"] == "meaning" and data["file"] == demo_path.name
    assert len(data["boards"]) == 14
    with EventStore.open(demo_path, read_only=True) as store:
        live = {p.id for p in store.contributions()}
    placed: list[str] = []
    for board in data["boards"]:
        assert set(board) == {"table", "table_name", "session", "posts", "groups", "ungrouped"}
        for group in board["groups"]:
            assert set(group) == {
                "title", "confidence", "level", "score", "keywords", "contribution_ids",
            }  # fmt: skip
            assert group["title"] and len(group["title"]) <= 60
            assert not re.fullmatch(r"\w+(, \w+)+", group["title"])  # not a list of words
            assert 0.0 <= group["confidence"] <= 1.0
            assert group["level"] in {"alta", "media", "bassa"}
            assert len(group["contribution_ids"]) >= 2
            placed.extend(group["contribution_ids"])
        placed.extend(board["ungrouped"])
        assert (
            sum(len(g["contribution_ids"]) for g in board["groups"]) + len(board["ungrouped"])
            == board["posts"]
        )
    assert sorted(placed) == sorted(live)


def test_crosscutting_json_lists_a_handful_with_tables_and_post_its(demo_path: Path) -> None:
    code, text = run("themes", "crosscutting", str(demo_path), "--json")
    assert code == 0
    data = json.loads(text)
    assert data["method"] == "meaning"
    assert 1 <= len(data["themes"]) <= 6
    total = 189
    for theme in data["themes"]:
        assert len(theme["tables"]) >= 2
        assert len(theme["contribution_ids"]) <= 0.15 * total
        assert theme["title"] and theme["keywords"] is not None
        assert {o["table"] for o in theme["origins"]} == set(theme["tables"])
    assert all(set(t) >= {"word", "tables", "contribution_ids"} for t in data["recurring_terms"])


def test_without_the_model_the_word_method_answers(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = embeddings.EncoderHolder(lambda: EncoderUnavailable("test: no model"))
    monkeypatch.setattr(embeddings, "SHARED_ENCODER", missing)
    code, text = run("themes", "suggest", str(demo_path), "--table", "asse-3", "--json")
    assert code == 0
    data = json.loads(text)
    assert data["method"] == "words"
    assert all(g["confidence"] == 0.0 for b in data["boards"] for g in b["groups"])


TINY_TEXTS = {
    "Autobus serali": (
        "Dopo le sette di sera non passa più nessun pullman in valle",
        "Corse serali dei bus inesistenti, i ragazzi restano a piedi",
        "Almeno un autobus la sera per tornare dal lavoro",
    ),
    "Medici di base": (
        "Nel mio paese il medico di famiglia viene solo il martedì",
        "Mancano medici di base, i giovani medici non vengono in montagna",
        "Incentivi ai dottori che scelgono i piccoli comuni",
    ),
    "Fibra e connessione": (
        "In frazione il cellulare non prende e internet va a singhiozzo",
        "La banda larga promessa non è mai arrivata",
        "Senza connessione veloce le aziende se ne vanno",
    ),
}


def tiny_set(path: Path) -> Path:
    boards = []
    for number in (1, 2):
        posts = []
        for theme, texts in TINY_TEXTS.items():
            for text in texts:
                posts.append(
                    {
                        "id": f"b{number}-{len(posts) + 1:02d}",
                        "text": f"{text} (tavolo {number})",
                        "kind": None,
                        "cards": [],
                        "zones": [],
                        "theme": theme,
                        "crosscutting": theme if theme == "Fibra e connessione" else None,
                    }
                )
        boards.append(
            {
                "id": f"b{number}",
                "table": f"Asse {number}",
                "axis": number,
                "zone": None,
                "session": 1,
                "posts": posts,
            }
        )
    path.write_text(
        json.dumps({"name": "minuscolo", "language": "it", "boards": boards}), encoding="utf-8"
    )
    return path


def test_evaluate_a_labelled_set_reports_ari_ami_baselines_and_crosscutting(
    tmp_path: Path,
) -> None:
    labelled = tiny_set(tmp_path / "minuscolo.json")
    code, text = run("themes", "evaluate", "--set", str(labelled), "--json")
    assert code == 0
    data = json.loads(text)
    assert data["set"] == "minuscolo" and data["posts"] == 18 and data["method"] == "meaning"
    assert list(data["partitions"]) == ["method", "words", "one_group", "kind", "tag"]
    assert [b["board"] for b in data["boards"]] == ["b1", "b2"]
    for board in data["boards"]:
        assert board["themes"] == 3 and board["posts"] == 9
        assert board["ari"]["one_group"] == 0.0 and board["ami"]["one_group"] == 0.0
        assert board["ari"]["method"] > 0.5, board
    assert data["mean"]["ari"]["method"] > data["mean"]["ari"]["one_group"]
    assert -1.0 <= data["pooled"]["ami"]["method"] <= 1.0
    cross = data["crosscutting"]
    assert cross["labelled"] == 6 and cross["labels"] == 1
    assert cross["base_rate"] == pytest.approx(6 / 18)
    assert 0.0 <= cross["precision"] <= 1.0 and 0.0 <= cross["coverage"] <= 1.0
    code, text = run("themes", "evaluate", "--set", str(labelled))
    assert code == 0
    assert "media ARI" in text and "riunito AMI" in text
    assert "Temi trasversali (etichette dell'insieme):" in text
    assert "etichette esaustive" not in text and data["crosscutting_exhaustive"] is None
    assert len(re.findall(r"^  b[12]\s+9\s+3\s", text, re.MULTILINE)) == 2


def exhaustive_labels(labelled: Path, labels: dict[str, str], **fields: object) -> Path:
    """Write exhaustive cross-cutting labels beside ``labelled`` (its companion file)."""
    names = sorted(set(labels.values()))
    record = {
        "set": "minuscolo",
        "written_by": "test",
        "definition": "test",
        "themes": [{"label": name, "description": name, "boards": ["b1", "b2"]} for name in names],
        "labels": labels,
        **fields,
    }
    path = labelled.with_name(labelled.name.removesuffix(".json") + ".crosscutting.json")
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def test_evaluate_scores_the_same_themes_against_exhaustive_labels_kept_beside_the_set(
    tmp_path: Path,
) -> None:
    labelled = tiny_set(tmp_path / "minuscolo.json")
    # Every post-it of both boards' first two themes, besides the set's own "Fibra" six.
    every = {f"b{board}-{n:02d}": "Servizi" for board in (1, 2) for n in range(1, 7)}
    companion = exhaustive_labels(labelled, every)
    code, text = run("themes", "evaluate", "--set", str(labelled), "--json")
    assert code == 0
    data = json.loads(text)
    own, exhaustive = data["crosscutting"], data["crosscutting_exhaustive"]
    assert own["labelled"] == 6 and exhaustive["labelled"] == 12
    assert exhaustive["base_rate"] == pytest.approx(12 / 18)
    # One set of suggested themes, scored twice.
    assert exhaustive["themes"] == own["themes"] and exhaustive["placed"] == own["placed"]
    code, text = run("themes", "evaluate", "--set", str(labelled))
    assert code == 0
    assert f"Temi trasversali (etichette esaustive, {companion.name}):" in text
    assert "12 post-it etichettati su 18, base 0.67" in text


def test_evaluate_gives_the_chance_precision_of_the_same_themes(tmp_path: Path) -> None:
    # The same themes with random post-its of their own tables: on this set every table's
    # post-its are one third "Fibra", so chance sits well below a method that finds them.
    labelled = tiny_set(tmp_path / "minuscolo.json")
    code, text = run("themes", "evaluate", "--set", str(labelled), "--json")
    assert code == 0
    cross = json.loads(text)["crosscutting"]
    assert cross["placed"] > 0
    assert 0.0 <= cross["chance"] < cross["precision"]
    again = json.loads(run("themes", "evaluate", "--set", str(labelled), "--json")[1])
    assert again["crosscutting"]["chance"] == cross["chance"]
    assert re.search(
        r"precisione \d\.\d\d \(a caso \d\.\d\d\)",
        run("themes", "evaluate", "--set", str(labelled))[1],
    )


def test_evaluate_refuses_exhaustive_labels_that_do_not_fit_the_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labelled = tiny_set(tmp_path / "minuscolo.json")
    cases = {
        "b9-01": ({"b9-01": "Servizi"}, {}),
        "«altro»": ({"b1-01": "Servizi"}, {"set": "altro"}),
        "«Servizi» non elencato": ({"b1-01": "Servizi"}, {"themes": [{"label": "Fantasma"}]}),
    }
    for named, (labels, fields) in cases.items():
        path = exhaustive_labels(labelled, labels, **fields)
        before = path.read_bytes()
        code, _text = run("themes", "evaluate", "--set", str(labelled))
        error = capsys.readouterr().err
        assert code == cli.EXIT_REFUSED, named
        assert path.name in error and named in error, error
        assert path.read_bytes() == before
    # Named on the command line, a file elsewhere is read the same way.
    elsewhere = tmp_path / "altrove.json"
    elsewhere.write_text("{non json", encoding="utf-8")
    code, _text = run(
        "themes", "evaluate", "--set", str(labelled), "--crosscutting-labels", str(elsewhere)
    )
    assert code == cli.EXIT_REFUSED
    assert "altrove.json: file illeggibile o non JSON" in capsys.readouterr().err


def test_evaluate_refuses_a_set_or_labels_nested_past_what_the_reader_can_follow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A crafted file of a few kilobytes, "[[[[...]]]]", exhausts the JSON reader's depth.
    deep = tmp_path / "profondo.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    assert run("themes", "evaluate", "--set", str(deep))[0] == cli.EXIT_REFUSED
    assert "profondo.json: file illeggibile o non JSON" in capsys.readouterr().err
    labelled = tiny_set(tmp_path / "minuscolo.json")
    code, _text = run(
        "themes", "evaluate", "--set", str(labelled), "--crosscutting-labels", str(deep)
    )
    assert code == cli.EXIT_REFUSED
    assert "profondo.json: file illeggibile o non JSON" in capsys.readouterr().err


def test_evaluate_refuses_crafted_files_by_name_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    labelled = tiny_set(tmp_path / "minuscolo.json")
    long_number = tmp_path / "numero.json"
    long_number.write_text('{"set": ' + "9" * 5000 + "}", encoding="utf-8")
    repeated = tmp_path / "ripetuto.json"
    repeated.write_text('{"set": "minuscolo", "set": "altro"}', encoding="utf-8")
    twice = exhaustive_labels(labelled, {"b1-01": "Servizi"})
    record = json.loads(twice.read_text(encoding="utf-8"))
    record["themes"] = record["themes"] * 2
    twice.write_text(json.dumps(record), encoding="utf-8")
    folder = tmp_path / "cartella.json"
    folder.mkdir()
    big = tmp_path / "enorme.json"
    big.write_text("{}", encoding="utf-8")
    cases = {
        long_number: "numero.json: file illeggibile o non JSON",
        repeated: "chiave ripetuta «set»",
        twice: "«Servizi» elencato due volte",
        folder: "cartella.json: non è un file",
        big: "enorme.json: troppo grande",
    }
    for path, said in cases.items():
        if path is big:  # a file over the limit is refused before it is read
            monkeypatch.setattr(labelled_sets, "MAX_JSON_BYTES", 1)
            code, _text = run("themes", "evaluate", "--set", str(path))
        else:
            code, _text = run(
                "themes", "evaluate", "--set", str(labelled), "--crosscutting-labels", str(path)
            )
        error = capsys.readouterr().err
        assert code == cli.EXIT_REFUSED, path.name
        assert said in error and "Traceback" not in error, error


def test_exhaustive_labels_need_a_labelled_set(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = tmp_path / "etichette.json"
    labels.write_text("{}", encoding="utf-8")
    code, _text = run("themes", "evaluate", str(demo_path), "--crosscutting-labels", str(labels))
    assert code == cli.EXIT_USAGE
    assert "--crosscutting-labels" in capsys.readouterr().err


def test_evaluate_refuses_a_bad_set_and_needs_a_source(tmp_path: Path) -> None:
    bad = tmp_path / "rotto.json"
    bad.write_text('{"name": "x", "boards": [{"id": "b1"}]}', encoding="utf-8")
    assert run("themes", "evaluate", "--set", str(bad))[0] == cli.EXIT_REFUSED
    assert run("themes", "evaluate")[0] == cli.EXIT_USAGE


def test_vectors_seam_gives_a_vector_per_live_post_it(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        posts: list[Contribution] = list(store.contributions())[:5]
    vectors = themes_cli._vectors_for(posts)
    assert vectors is not None and set(vectors) == {p.id for p in posts}


def test_with_no_theme_suggested_precision_is_undefined_not_zero(tmp_path: Path) -> None:
    # One board: no theme can span two tables, so nothing is placed and precision is
    # undefined (said as such), while coverage is a true 0.
    labelled = tiny_set(tmp_path / "minuscolo.json")
    data = json.loads(labelled.read_text(encoding="utf-8"))
    data["boards"] = data["boards"][:1]
    labelled.write_text(json.dumps(data), encoding="utf-8")
    code, text = run("themes", "evaluate", "--set", str(labelled), "--json")
    assert code == 0
    cross = json.loads(text)["crosscutting"]
    assert cross["themes"] == 0 and cross["placed"] == 0
    assert cross["precision"] is None and cross["coverage"] == 0.0
    assert cross["chance"] is None
    code, text = run("themes", "evaluate", "--set", str(labelled))
    assert code == 0
    assert "precisione non definita" in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_loading_the_model_says_so_on_a_terminal_and_erases_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Cold, the first load builds the encoder's cache: over a second with nothing to count.
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(embeddings, "shared_encoder_loaded", lambda: False)
    labelled = json.loads(DEV_SET.read_text(encoding="utf-8"))
    labelled["boards"] = labelled["boards"][:1]
    small = tmp_path / "piccolo.json"
    small.write_text(json.dumps(labelled, ensure_ascii=False), encoding="utf-8")
    code, _text = run("themes", "evaluate", "--set", str(small))
    assert code == 0
    written = terminal.getvalue()
    assert written.startswith(themes_cli.MODEL_NOTICE)
    erased = "\r" + " " * len(themes_cli.MODEL_NOTICE) + "\r"
    assert erased in written
