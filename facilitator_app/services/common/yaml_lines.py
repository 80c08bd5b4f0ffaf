"""Strict YAML reading that remembers the line of every mapping, for precise errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from facilitator_app.domain.errors import refuse
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP


class LinedDict(dict[str, Any]):
    """A mapping read from YAML, with the 1-based line where it (and each key) starts."""

    line: int = 0
    key_lines: dict[str, int]


class LinedList(list[Any]):
    """A sequence read from YAML, with the 1-based line where it starts."""

    line: int = 0


def _convert(node: yaml.Node, file: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LinedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, file)
            if isinstance(key, list | dict):
                raise refuse(
                    file,
                    QT_TRANSLATE_NOOP("Errors", "chiave non valida"),
                    row=key_node.start_mark.line + 1,
                )
            key = str(key)
            if key in result:
                raise refuse(
                    file,
                    QT_TRANSLATE_NOOP("Errors", "chiave «{key}» ripetuta"),
                    row=key_node.start_mark.line + 1,
                    key=key,
                )
            result[key] = _convert(value_node, file)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LinedList(_convert(child, file) for child in node.value)
        items.line = node.start_mark.line + 1
        return items
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    raise refuse(
        file,
        QT_TRANSLATE_NOOP("Errors", "struttura YAML non supportata"),
        row=node.start_mark.line + 1,
    )


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style in ("'", '"', "|", ">"):
        return node.value
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node)
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Any:
    """Read a YAML file into dicts/lists that carry line numbers.

    Raises:
        InputRefusedError: unreadable file, YAML syntax error or duplicated key, with the
            file and line.
    """
    file = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il file non è in codifica UTF-8")) from None
    except OSError as error:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "impossibile leggere il file ({why})"),
            why=error.strerror,
        ) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise refuse(
            file, QT_TRANSLATE_NOOP("Errors", "YAML non valido: {why}"), row=line, why=error.problem
        ) from None
    if node is None:
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il file è vuoto"))
    return _convert(node, file)


def check_keys(
    mapping: Any,
    file: str,
    *,
    required: set[str],
    optional: frozenset[str] | set[str] = frozenset(),
    what: str,
) -> LinedDict:
    """Refuse a mapping with unknown or missing keys, naming file and line."""
    line = getattr(mapping, "line", None)
    if not isinstance(mapping, dict):
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "{what}: atteso un elenco di chiavi"),
            row=line,
            what=what,
        )
    key_lines = getattr(mapping, "key_lines", {})
    for key in mapping:
        if key not in required | optional:
            allowed = ", ".join(sorted(required | optional))
            raise refuse(
                file,
                QT_TRANSLATE_NOOP(
                    "Errors", "{what}: chiave sconosciuta «{key}» (ammesse: {allowed})"
                ),
                row=key_lines.get(key, line),
                what=what,
                key=key,
                allowed=allowed,
            )
    for key in sorted(required):
        if key not in mapping or mapping[key] in (None, ""):
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "{what}: manca «{key}»"),
                row=key_lines.get(key, line),
                what=what,
                key=key,
            )
    assert isinstance(mapping, LinedDict)
    return mapping
