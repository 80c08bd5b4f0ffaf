"""Strategy card sets: bundled YAML files, strict validation, import and export template."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.counting import live
from facilitator_app.domain.errors import InputRefusedError, Problem, refuse
from facilitator_app.domain.model import Contribution, StrategyCard, TableCard
from facilitator_app.domain.rules import CARD_CODE, card_sort_key
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.resources import resource_path
from facilitator_app.services.common.tabular import Sheet, read_tabular
from facilitator_app.services.common.workspace import bump
from facilitator_app.services.common.yaml_lines import LinedDict, check_keys, load_yaml
from facilitator_app.services.setup.card_sources import readable_source as readable_source
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class CardSet:
    """The cards of one edition of the plan.

    Attributes:
        edition: e.g. "2021-2023".
        complete: False when the set holds only what public sources show.
        expected: how many axes/strategies/actions the real plan has, when known.
    """

    edition: str
    title: str
    cards: tuple[StrategyCard, ...]
    complete: bool = False
    expected: dict[str, int] = field(default_factory=dict)

    def by_code(self) -> dict[str, StrategyCard]:
        """Cards indexed by code."""
        return {card.code: card for card in self.cards}

    def counts(self) -> dict[str, int]:
        """How many axes, strategies and actions the set holds."""
        result = {"asse": 0, "strategia": 0, "azione": 0}
        for card in self.cards:
            result[card.level] += 1
        return result


class _Builder:
    def __init__(self, file: str, edition: str) -> None:
        self.file = file
        self.edition = edition
        self.cards: list[StrategyCard] = []
        self.lines: dict[str, int] = {}

    def add(self, item: LinedDict, code: str, parent: str) -> None:
        line = item.key_lines.get("code", item.line)
        if not CARD_CODE.match(code):
            raise refuse(
                self.file,
                QT_TRANSLATE_NOOP("Errors", "codice «{code}» non valido"),
                row=line,
                code=code,
            )
        if parent and not code.startswith(parent + "."):
            raise refuse(
                self.file,
                QT_TRANSLATE_NOOP(
                    "Errors", "il codice «{code}» non appartiene a «{parent}» sotto cui è scritto"
                ),
                row=line,
                code=code,
                parent=parent,
            )
        if code in self.lines:
            raise refuse(
                self.file,
                QT_TRANSLATE_NOOP("Errors", "codice «{code}» duplicato (già alla riga {first})"),
                row=line,
                code=code,
                first=self.lines[code],
            )
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            raise refuse(
                self.file,
                QT_TRANSLATE_NOOP("Errors", "manca il titolo della scheda «{code}»"),
                row=item.line,
                code=code,
            )
        self.lines[code] = line
        self.cards.append(
            StrategyCard(
                edition=self.edition,
                code=code,
                title=title.strip(),
                description=str(item.get("description") or "").strip(),
                source=str(item.get("source") or "").strip(),
            )
        )


_CARD_KEYS = {"code", "title", "description", "source"}
_ACTION = term(QT_TRANSLATE_NOOP("Terms", "azione"))


def load_card_set(path: Path) -> CardSet:
    """Load and strictly validate one card-set YAML file.

    Raises:
        InputRefusedError: unknown keys, duplicate codes, codes not matching their axis or
            strategy, missing titles; the message names the file and line.
    """
    file = path.name
    root = check_keys(
        load_yaml(path),
        file,
        required={"edition", "title", "axes"},
        optional={"complete", "expected"},
        what=term(QT_TRANSLATE_NOOP("Terms", "set di schede")),
    )
    edition = str(root["edition"])
    builder = _Builder(file, edition)
    axes = root["axes"]
    if not isinstance(axes, list):
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "«axes» deve essere un elenco"),
            row=root.key_lines["axes"],
        )
    for axis_item in axes:
        axis_map = check_keys(
            axis_item,
            file,
            required={"axis", "title"},
            optional={"description", "source", "strategies", "actions"},
            what=term(QT_TRANSLATE_NOOP("Terms", "asse")),
        )
        axis_code = str(axis_map["axis"])
        if axis_code not in {"1", "2", "3", "4", "5", "6"}:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "asse «{code}» inesistente (1-6)"),
                row=axis_map.line,
                code=axis_code,
            )
        builder.add(_with_code(axis_map, axis_code), axis_code, "")
        for strategy in axis_map.get("strategies") or []:
            strategy_map = check_keys(
                strategy,
                file,
                required={"code", "title"},
                optional=_CARD_KEYS | {"actions"},
                what=term(QT_TRANSLATE_NOOP("Terms", "strategia")),
            )
            code = str(strategy_map["code"])
            _expect_depth(file, strategy_map, code, 1)
            builder.add(strategy_map, code, axis_code)
            for action in strategy_map.get("actions") or []:
                action_map = check_keys(
                    action, file, required={"code", "title"}, optional=_CARD_KEYS, what=_ACTION
                )
                action_code = str(action_map["code"])
                _expect_depth(file, action_map, action_code, 2)
                builder.add(action_map, action_code, code)
        # Actions whose strategy is missing from the public sources sit under the axis.
        for action in axis_map.get("actions") or []:
            action_map = check_keys(
                action, file, required={"code", "title"}, optional=_CARD_KEYS, what=_ACTION
            )
            action_code = str(action_map["code"])
            _expect_depth(file, action_map, action_code, 2)
            builder.add(action_map, action_code, axis_code)
    expected = root.get("expected") or {}
    return CardSet(
        edition=edition,
        title=str(root["title"]),
        cards=tuple(builder.cards),
        complete=bool(root.get("complete", False)),
        expected={str(k): int(v) for k, v in dict(expected).items()},
    )


def _with_code(item: LinedDict, code: str) -> LinedDict:
    copy = LinedDict(item)
    copy.line = item.line
    copy.key_lines = {**item.key_lines, "code": item.key_lines.get("axis", item.line)}
    copy["code"] = code
    return copy


def _expect_depth(file: str, item: LinedDict, code: str, dots: int) -> None:
    if code.count(".") != dots:
        shape = (
            QT_TRANSLATE_NOOP(
                "Errors", "il codice «{code}» non ha la forma di una strategia (es. 2.1)"
            )
            if dots == 1
            else QT_TRANSLATE_NOOP(
                "Errors", "il codice «{code}» non ha la forma di una azione (es. 2.1.3)"
            )
        )
        raise refuse(file, shape, row=item.key_lines.get("code", item.line), code=code)


def bundled_card_set_files() -> list[Path]:
    """The card-set files shipped in ``resources/cards``."""
    return sorted(resource_path("cards").glob("*.yml"))


def bundled_card_sets() -> dict[str, CardSet]:
    """Every bundled card set, by edition."""
    sets = [load_card_set(path) for path in bundled_card_set_files()]
    return {card_set.edition: card_set for card_set in sets}


# -- import from spreadsheets ----------------------------------------------------------------

CARD_COLUMNS: dict[str, tuple[str, ...]] = {
    "codice": ("code", "codice scheda"),
    "livello": ("level", "tipo"),
    "titolo": ("title",),
    "descrizione": ("description",),
    "fonte": ("source",),
}
CARD_REQUIRED = ("codice", "titolo")


def card_set_from_sheet(sheet: Sheet, edition: str, title: str = "") -> CardSet:
    """Validate the rows of an imported card sheet and build the set (all or nothing).

    Raises:
        InputRefusedError: listing every problem with its row and column.
    """
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    cards: list[StrategyCard] = []

    def problem(row: int, column: str, message: str, **params: object) -> None:
        said = tuple(params.items())
        problems.append(
            Problem(sheet.file, message, row=row, column=column, sheet=sheet.sheet, params=said)
        )

    for row in sheet.rows:
        code = row.get("codice")
        if not CARD_CODE.match(code):
            bad_code = QT_TRANSLATE_NOOP(
                "Errors", "codice «{code}» non valido (forma: 2, 2.1 o 2.1.3)"
            )
            problem(row.number, "codice", bad_code, code=code)
            continue
        level = row.get("livello")
        expected_level = ("asse", "strategia", "azione")[code.count(".")]
        if level and level.lower() != expected_level:
            problem(
                row.number,
                "livello",
                QT_TRANSLATE_NOOP(
                    "Errors", "livello «{level}» non corrisponde al codice {code} ({expected})"
                ),
                level=level,
                code=code,
                expected=expected_level,
            )
        if code in seen:
            duplicate = QT_TRANSLATE_NOOP(
                "Errors", "codice «{code}» duplicato (già alla riga {first})"
            )
            problem(row.number, "codice", duplicate, code=code, first=seen[code])
            continue
        seen[code] = row.number
        text = row.get("titolo")
        if not text:
            untitled = QT_TRANSLATE_NOOP("Errors", "manca il titolo della scheda {code}")
            problem(row.number, "titolo", untitled, code=code)
            continue
        cards.append(StrategyCard(edition, code, text, row.get("descrizione"), row.get("fonte")))
    for card in cards:
        parent = card.parent_code
        if parent is not None and parent not in seen and card.level == "strategia":
            orphan = QT_TRANSLATE_NOOP("Errors", "manca l'asse {parent} della strategia {code}")
            problem(seen[card.code], "codice", orphan, parent=parent, code=card.code)
    if not cards and not problems:
        problem(1, "codice", QT_TRANSLATE_NOOP("Errors", "nessuna scheda nel file"))
    if problems:
        raise InputRefusedError(problems)
    return CardSet(edition=edition, title=title or f"Schede PSM {edition}", cards=tuple(cards))


def import_card_file(path: Path, edition: str) -> CardSet:
    """Read and validate a card set typed into the documented template."""
    return card_set_from_sheet(read_tabular(path, CARD_COLUMNS, CARD_REQUIRED), edition)


def template_rows(card_set: CardSet | None = None) -> tuple[list[str], list[list[Any]]]:
    """Header and example rows of the card import template."""
    header = list(CARD_COLUMNS)
    cards = card_set.cards if card_set else ()
    rows = [[c.code, c.level, c.title, c.description, c.source] for c in cards]
    return header, rows


# -- the card set of an open event (Schede menu) ----------------------------------------------


def bundled_editions() -> dict[str, str]:
    """The bundled editions and their titles, oldest first (for the form and the menu)."""
    return {edition: card_set.title for edition, card_set in sorted(bundled_card_sets().items())}


def cards_in_use(store: EventStore) -> dict[str, int]:
    """Card codes the event already uses (put in play or tagged on a live post-it), with uses."""
    uses: dict[str, int] = {}
    for played in store.all(TableCard):
        uses[played.code] = uses.get(played.code, 0) + 1
    for post in live(store.all(Contribution)):
        for code in post.cards:
            uses[code] = uses.get(code, 0) + 1
    return uses


def _in_use_text(codes: Iterable[str]) -> str:
    ordered = sorted(set(codes), key=card_sort_key)
    shown = ", ".join(ordered[:12])
    return shown + (f" e altre {len(ordered) - 12}" if len(ordered) > 12 else "")


def import_cards_into_event(store: EventStore, path: Path, clock: Clock) -> CardSet:
    """Replace the cards of the event's edition with a complete set typed into the template.

    All or nothing, as ``cards import``: the whole file is checked first; a card the event
    already uses (in play, on a post-it) must still be there, so no vote or tag loses its
    card. The cards and the event record are written in one transaction.

    Raises:
        InputRefusedError: every problem of the file (file, row, column), or the codes in
            use that the file lacks; the event file is left untouched.
    """
    event = store.event()
    card_set = import_card_file(path, event.card_edition)
    missing = set(cards_in_use(store)) - set(card_set.by_code())
    if missing:
        raise refuse(
            path.name,
            QT_TRANSLATE_NOOP(
                "Errors",
                "mancano schede già usate in questo evento (in gioco o sui post-it): "
                "{cards}; aggiungile al file, nulla è stato cambiato",
            ),
            cards=_in_use_text(missing),
        )
    now = clock.now()
    with store.transaction():
        store.replace_cards(event.card_edition, card_set.cards)
        store.save(dataclasses.replace(event, updated_at=bump(event.updated_at, now)))
    return card_set


def use_bundled_edition(store: EventStore, edition: str, clock: Clock) -> CardSet:
    """Make the event use another edition of the cards (one transaction).

    The cards of the edition already in the file (an imported complete set) are kept; the
    bundled ones are copied only when the file has none. The other edition's cards stay in
    the file. A switch is refused while cards are in play or tagged on post-its: the same
    code means another strategy in another edition, so votes and tags would change meaning.

    Raises:
        InputRefusedError: an unknown edition, or cards of the current edition in use.
    """
    bundled = bundled_card_sets()
    if edition not in bundled:
        raise refuse(
            store.path.name,
            QT_TRANSLATE_NOOP("Errors", "edizione delle schede «{edition}» sconosciuta"),
            edition=edition,
        )
    event = store.event()
    stored = store.cards(edition)
    if event.card_edition == edition and stored:
        return CardSet(edition, bundled[edition].title, tuple(stored))
    in_use = cards_in_use(store)
    if in_use:
        raise refuse(
            store.path.name,
            QT_TRANSLATE_NOOP(
                "Errors",
                "l'evento usa già schede dell'edizione {edition} ({cards}, in gioco o sui "
                "post-it): cambiando edizione gli stessi codici indicherebbero altre strategie. "
                "Togli quelle schede dal gioco e dai post-it, poi riprova; nulla è stato cambiato",
            ),
            edition=event.card_edition,
            cards=_in_use_text(in_use),
        )
    cards = tuple(stored) or bundled[edition].cards
    now = clock.now()
    with store.transaction():
        if not stored:
            store.save_all(cards)
        store.save(
            dataclasses.replace(event, card_edition=edition, updated_at=bump(event.updated_at, now))
        )
    return CardSet(edition, bundled[edition].title, cards)
