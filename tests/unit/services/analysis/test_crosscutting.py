from __future__ import annotations

from pathlib import Path

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis.crosscutting import crosscutting_themes, recurring_terms
from facilitator_app.storage.database import EventStore
from tests.helpers.analysis_posts import NOW, post


def table(key: str, position: int, zones: tuple[int, ...] = ()) -> Table:
    return Table(
        id=key,
        event_id="e",
        venue_id="v",
        key=key,
        name=key.title(),
        created_at=NOW,
        updated_at=NOW,
        zones=zones,
        position=position,
    )


BUS = (
    "Più corse di autobus nelle valli la sera",
    "Autobus per le valli troppo rari",
    "Corse degli autobus coordinate con i treni",
)
LOCAL = {
    "scuola": (
        "Le scuole di montagna perdono alunni",
        "Accorpare le scuole allunga i viaggi degli alunni",
        "Docenti di sostegno nelle scuole",
    ),
    "sanita": (
        "Mancano medici di famiglia nei paesi",
        "Medici di famiglia con troppi pazienti",
        "Telemedicina per i pazienti lontani dai medici",
    ),
    "energia": (
        "Pannelli solari sugli edifici pubblici",
        "Risparmio energetico negli edifici pubblici",
        "Pannelli solari e risparmio energetico",
    ),
}


def three_tables() -> tuple[list[Contribution], list[Table]]:
    """Three tables, each with its own topic and the same worry about buses."""
    posts: list[Contribution] = []
    tables = []
    for position, (key, texts) in enumerate(LOCAL.items()):
        tables.append(table(key, position))
        for text in (*texts, BUS[position]):
            posts.append(post(text, len(posts), table=key))
    return posts, tables


def test_a_topic_raised_at_every_table_is_found_with_its_origins() -> None:
    posts, tables = three_tables()
    found = crosscutting_themes(posts, tables)
    bus_ids = {p.id for p in posts if "utobus" in p.text}
    bus = [theme for theme in found if bus_ids <= set(theme.contribution_ids)]
    assert bus, [t.title for t in found]
    theme = bus[0]
    assert theme.tables == ("scuola", "sanita", "energia")  # in table order
    assert "autobus" in theme.title.lower()
    assert {cid for o in theme.origins for cid in o.contribution_ids} == set(theme.contribution_ids)
    # Topics of a single table are not cross-cutting.
    for found_theme in found:
        assert len(found_theme.tables) >= 2


def test_human_themes_are_the_units_and_are_named_in_the_origins() -> None:
    posts, tables = three_tables()
    themes = [
        Theme(id=f"t-{key}", table_id=key, title="Trasporti", created_at=NOW, updated_at=NOW)
        for key in LOCAL
    ]
    themed = [
        post(p.text, i, table=p.table_id, theme=f"t-{p.table_id}" if "utobus" in p.text else None)
        for i, p in enumerate(posts)
    ]
    found = crosscutting_themes(themed, tables, themes)
    bus = next(t for t in found if len(t.tables) == 3)
    assert [(o.source, o.title) for o in bus.origins] == [("tema", "Trasporti")] * 3


def test_zones_count_as_places_too() -> None:
    tables = [table("asse-5", 0)]
    posts = [
        post(
            "Accesso ai servizi sociali difficile per i trasporti",
            1,
            table="asse-5",
            session=1,
            zones=(8,),
        ),
        post(
            "Servizi sociali lontani e trasporti scarsi", 2, table="asse-5", session=1, zones=(8,)
        ),
        post(
            "Accesso ai servizi sociali e trasporti nei paesi",
            3,
            table="asse-5",
            session=2,
            zones=(9,),
        ),
        post(
            "Trasporti per raggiungere i servizi sociali", 4, table="asse-5", session=2, zones=(9,)
        ),
    ]
    themes = [
        Theme(
            id="a",
            table_id="asse-5",
            title="Servizi in zona 8",
            created_at=NOW,
            updated_at=NOW,
            session=1,
        ),
        Theme(
            id="b",
            table_id="asse-5",
            title="Servizi in zona 9",
            created_at=NOW,
            updated_at=NOW,
            session=2,
        ),
    ]
    themed = [
        post(
            p.text,
            i,
            table="asse-5",
            session=p.session,
            zones=p.zones,
            theme="a" if p.zones == (8,) else "b",
        )
        for i, p in enumerate(posts)
    ]
    found = crosscutting_themes(themed, tables, themes)
    assert len(found) == 1 and found[0].zones == (8, 9) and found[0].tables == ("asse-5",)
    assert crosscutting_themes(themed, tables, themes, min_zones=3) == []


def test_nothing_recurs_in_an_empty_event() -> None:
    assert crosscutting_themes([], []) == []
    assert recurring_terms([], []) == []


def test_demo_cross_cutting_themes(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        posts, tables, themes = store.contributions(), store.all(Table), store.all(Theme)
    found = crosscutting_themes(posts, tables, themes)
    assert found == crosscutting_themes(posts, tables, themes)  # deterministic
    assert found and all(len(t.tables) >= 2 for t in found)
    titles = {t.id: t.title for t in themes}
    by_title = {t.title: t for t in themes}
    grouped = [{o.title for o in t.origins} for t in found]
    # Transport came up at the axis 3, 4 and 6 tables (the report's "collegamenti").
    assert any({"Mobilità dolce e multimodale", "Salute e trasporti"} <= g for g in grouped)
    # Every origin is a real theme of that table.
    for theme in found:
        for origin in theme.origins:
            assert origin.source == "tema" and origin.title in by_title
            assert all(
                titles[p.theme_id or ""] == origin.title
                for p in posts
                if p.id in origin.contribution_ids
            )


def test_demo_recurring_terms_include_demography(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        posts, tables, themes = store.contributions(), store.all(Table), store.all(Theme)
    terms = recurring_terms(posts, tables, themes)
    assert 0 < len(terms) <= 20
    assert all(len(term.tables) >= 3 for term in terms)
    demography = [term for term in terms if term.word.startswith("demograf")]
    assert demography and len(demography[0].tables) >= 4
