"""Exhaustive cross-cutting labels of a labelled set, kept in a file beside it.

The ``crosscutting`` field of the first labelled sets was filled by sampling: for most
themes only their first one to three post-its carry the label, the others of the same
theme, saying the same thing, carry none (docs/THEMES.md, "Cross-cutting labels"). A
precision measured on such labels counts right answers as wrong. A companion file
``<set>.crosscutting.json`` holds an independent labelling that follows one written
definition and labels **every** post-it whose main point is a recurring concern::

    {"set": "themes_dev", "written_by": "...", "definition": "...",
     "themes": [{"label": "...", "description": "...", "boards": ["dev-01", ...]}],
     "labels": {"dev-01-004": "...", ...}}

:func:`load_crosscutting_labels` reads and checks one against its set: all or nothing, with
a message naming the file and the wrong record.

Standard library and domain only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.analysis.labelled_sets import LabelledSet, read_json_file

# The companion file's name: the set's file name with this in place of ".json".
SUFFIX = ".crosscutting.json"

_FIELD = QT_TRANSLATE_NOOP("Errors", "{file}: campo «{field}» mancante o non valido")
_OTHER_SET = QT_TRANSLATE_NOOP(
    "Errors", "{file}: etichette dell'insieme «{found}», non di «{expected}»"
)
_UNKNOWN_POST = QT_TRANSLATE_NOOP(
    "Errors", "{file}: il post-it «{post}» non è nell'insieme «{expected}»"
)
_UNKNOWN_LABEL = QT_TRANSLATE_NOOP(
    "Errors", "{file}, post-it «{post}»: tema trasversale «{label}» non elencato in «themes»"
)
_BAD_THEME = QT_TRANSLATE_NOOP("Errors", "{file}, tema n. {position}: campo «label» non valido")
_REPEATED_THEME = QT_TRANSLATE_NOOP(
    "Errors", "{file}: tema trasversale «{label}» elencato due volte"
)


@dataclass(frozen=True, slots=True)
class CrossCuttingLabels:
    """Post-it id -> cross-cutting label, for one labelled set.

    Attributes:
        file: the file's name, for people.
        labels: labelled post-its only.
    """

    file: str
    labels: Mapping[str, str]


def companion_path(set_path: Path) -> Path:
    """Where a set's exhaustive cross-cutting labels are kept (they may not exist)."""
    name = set_path.name.removesuffix(".json")
    return set_path.with_name(name + SUFFIX)


def load_crosscutting_labels(path: Path, labelled: LabelledSet) -> CrossCuttingLabels:
    """Read and check exhaustive cross-cutting labels for ``labelled``.

    Raises:
        InvalidValueError: the file cannot be read, names another set, or a record is
            wrong (an unknown post-it, a label not listed in ``themes``).
    """
    file = path.name
    data = read_json_file(path)
    if not isinstance(data, dict):
        raise InvalidValueError(_FIELD, file=file, field="set")
    found = data.get("set")
    if not isinstance(found, str):
        raise InvalidValueError(_FIELD, file=file, field="set")
    if found != labelled.name:
        raise InvalidValueError(_OTHER_SET, file=file, found=found, expected=labelled.name)
    themes = data.get("themes")
    if not isinstance(themes, list):
        raise InvalidValueError(_FIELD, file=file, field="themes")
    names: set[str] = set()
    for position, theme in enumerate(themes, start=1):
        label = theme.get("label") if isinstance(theme, dict) else None
        if not isinstance(label, str) or not label.strip():
            raise InvalidValueError(_BAD_THEME, file=file, position=position)
        if label in names:
            raise InvalidValueError(_REPEATED_THEME, file=file, label=label)
        names.add(label)
    labels = data.get("labels")
    if not isinstance(labels, dict):
        raise InvalidValueError(_FIELD, file=file, field="labels")
    known = {post.id for board in labelled.boards for post in board.posts}
    for post_id, label in labels.items():
        if post_id not in known:
            raise InvalidValueError(_UNKNOWN_POST, file=file, post=post_id, expected=found)
        if not isinstance(label, str) or label not in names:
            raise InvalidValueError(_UNKNOWN_LABEL, file=file, post=post_id, label=str(label))
    return CrossCuttingLabels(file=file, labels=dict(labels))
