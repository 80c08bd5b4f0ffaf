from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.suggestions.panel import POST_ROLE, SuggestionsPanel
from tests.helpers.screens import screenshot


def _file_state(path: Path) -> tuple[list[Theme], list[Contribution]]:
    """Themes and post-its as another program reads them from the file right now."""
    with EventStore.open(path, read_only=True) as other:
        themes = sorted(other.all(Theme), key=lambda theme: theme.id)
        posts = sorted(other.all(Contribution), key=lambda post: post.id)
        return themes, posts


def _theme_titles(window: MainWindow) -> list[str]:
    assert window.board is not None
    themes = window.board.theme_list
    return [item.text() for i in range(themes.count()) if (item := themes.item(i)) is not None]


def _suggest(window: MainWindow) -> SuggestionsPanel:
    action = next(a for a in window.board_menu.actions() if a.text() == "Suggerisci temi")
    assert isinstance(action, QAction)
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    assert window.board is not None and window.board.suggestions is not None
    panel = window.board.suggestions
    assert panel.isVisible()
    return panel


def test_suggestions_appear_for_the_demo_table_and_write_nothing(
    window: MainWindow, demo_path: Path, artifacts: Path
) -> None:
    before = _file_state(demo_path)
    panel = _suggest(window)
    assert len(panel.groups) >= 2
    assert panel.tree.topLevelItemCount() == len(panel.groups)
    first = panel.tree.topLevelItem(0)
    assert first is not None and first.text(0) == panel.groups[0].title
    assert first.childCount() == len(panel.groups[0]) >= 2
    members = [first.child(i) for i in range(first.childCount())]
    assert [m.data(0, POST_ROLE) for m in members] == list(panel.groups[0].contribution_ids)  # type: ignore[union-attr]
    assert [m.toolTip(0).split("\n")[0] for m in members] == list(panel.member_texts(0))  # type: ignore[union-attr]
    assert first.text(1) == str(len(panel.groups[0]))
    assert first.text(2) == ", ".join(panel.groups[0].keywords)
    assert "gruppi suggeriti" in panel.status.text()
    screenshot(window, "suggestions", artifacts)
    assert _file_state(demo_path) == before
    # another session: new suggestions, still nothing written
    assert window.workspace is not None and window.workspace.table_id is not None
    old = [g.contribution_ids for g in panel.groups]
    window.workspace.select(window.workspace.table_id, 2)
    assert [g.contribution_ids for g in panel.groups] != old
    assert _file_state(demo_path) == before


def test_accept_creates_the_theme_with_its_members_and_undo_restores(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    themes_before, posts_before = _file_state(demo_path)
    panel = _suggest(window)
    group_count = len(panel.groups)
    item = panel.tree.topLevelItem(0)
    assert item is not None
    item.setText(0, "Tema scelto dal facilitatore")  # as the in-place editor does
    group = panel.groups[0]
    assert group.title == "Tema scelto dal facilitatore"
    panel.select(0)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    themes, posts = _file_state(demo_path)
    new = [t for t in themes if t.title == "Tema scelto dal facilitatore"]
    assert len(new) == 1 and new[0].deleted_at is None
    members = {p.id for p in posts if p.theme_id == new[0].id}
    assert members == set(group.contribution_ids)
    assert len(panel.groups) == group_count - 1 and group not in panel.groups
    assert window.board is not None
    titles = _theme_titles(window)
    assert "Tema scelto dal facilitatore" in titles

    window.undo()  # one step: the theme goes and every post-it is back where it was
    themes, posts = _file_state(demo_path)
    assert [t.id for t in themes if t.deleted_at is None] == [t.id for t in themes_before]
    assert {p.id: p.theme_id for p in posts} == {p.id: p.theme_id for p in posts_before}
    titles = _theme_titles(window)
    assert "Tema scelto dal facilitatore" not in titles

    window.redo()
    themes, posts = _file_state(demo_path)
    live = [t for t in themes if t.deleted_at is None and t.id == new[0].id]
    assert len(live) == 1
    assert {p.id for p in posts if p.theme_id == new[0].id} == members


def test_ignore_rename_merge_split_change_only_the_panel(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    before = _file_state(demo_path)
    panel = _suggest(window)
    assert len(panel.groups) >= 3
    first, second = panel.groups[0], panel.groups[1]

    panel.select(0)
    qtbot.mouseClick(panel.ignore_button, Qt.MouseButton.LeftButton)
    assert first not in panel.groups and panel.groups[0] == second

    assert not panel.rename(0, "   ")
    assert "vuoto" in panel.status.text() and panel.groups[0].title == second.title
    assert panel.rename(0, "Nuovo  titolo ")
    assert panel.groups[0].title == "Nuovo titolo"

    count = len(panel.groups)
    a, b = panel.groups[0], panel.groups[1]
    panel.select(0, 1)
    assert panel.merge_button.isEnabled()
    panel.merge_button.click()
    assert len(panel.groups) == count - 1
    assert set(panel.groups[0].contribution_ids) == {*a.contribution_ids, *b.contribution_ids}

    merged = panel.groups[0]
    panel.select(0)
    panel.split_button.click()
    assert len(panel.groups) == count
    parts = panel.groups[0:2]
    assert sorted(i for part in parts for i in part.contribution_ids) == sorted(
        merged.contribution_ids
    )

    panel.select(0)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert len(panel.groups) == count - 1
    assert _file_state(demo_path) == before
    # each gesture is one step of the event's undo history, which walks the panel back
    assert window.workspace is not None
    stack = window.workspace.undo_stack
    names = [stack.text(i) for i in range(stack.count())]
    assert names == [
        "Ignora proposta",
        "Rinomina proposta",
        "Unisci proposte",
        "Dividi proposta",
        "Ignora proposta",
    ]
    window.undo()  # the group ignored by Canc is back
    assert len(panel.groups) == count
    window.undo()  # the split undone: the merged group again
    assert panel.groups[0] == merged
    window.undo()  # the merge undone
    assert panel.groups[0:2] == [a, b] and a.title == "Nuovo titolo"
    window.undo()  # the rename undone
    assert panel.groups[0] == second
    window.undo()
    assert panel.groups[0] == first
    window.redo()
    assert panel.groups[0] == second
    assert _file_state(demo_path) == before


def test_only_unthemed_post_its_on_a_themed_board(window: MainWindow) -> None:
    panel = _suggest(window)
    panel.unthemed_check.setChecked(True)  # every demo post-it already has a theme
    assert panel.groups == [] and panel.posts == []
    assert panel.status.text() == "Nessun post-it da raggruppare in questa sessione."
    assert not panel.accept_button.isEnabled()
    panel.close_button.click()
    assert not panel.isVisible()
