"""Rules of the interface package checked on its source: the services decide transactions."""

from __future__ import annotations

import ast
from pathlib import Path

import facilitator_app.ui

UI = Path(facilitator_app.ui.__file__).parent


def _calls_of(name: str, root: Path = UI) -> list[str]:
    """``file:line`` of every call of a method or function called ``name`` under root."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = node.func
            called_name = (
                called.attr
                if isinstance(called, ast.Attribute)
                else called.id
                if isinstance(called, ast.Name)
                else None
            )
            if called_name == name:
                found.append(f"{path.relative_to(root.parent.parent)}:{node.lineno}")
    return found


def test_the_ui_never_opens_a_transaction() -> None:
    """One transaction per user action is the services' decision, never the UI's."""
    opened = _calls_of("transaction")
    assert not opened, "transaction() called in ui/ (use a service operation): " + ", ".join(opened)


def test_the_scan_names_file_and_line(tmp_path: Path) -> None:
    """The scan itself works: a call written as the UI used to write it is found."""
    package = tmp_path / "app" / "ui"
    package.mkdir(parents=True)
    (package / "panel.py").write_text("x = 1\nwith store.transaction():\n    pass\n")
    assert _calls_of("transaction", package) == ["app/ui/panel.py:2"]
