"""Print the table card from the room panel: ask where, write the PDF, say where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.common import paths
from facilitator_app.services.room import RoomServer
from facilitator_app.services.room.table_card import TableCard, write_table_card
from facilitator_app.ui import i18n

if TYPE_CHECKING:
    from facilitator_app.ui.context import Workspace


def print_table_card(
    parent: QWidget,
    server: RoomServer,
    workspace: Workspace,
    *,
    ask: Callable[[QWidget, Path], Path | None],
) -> Path | None:
    """Write the table card of the open table and session to a PDF the person chooses.

    Args:
        parent: the room panel (its window owns the dialogs).
        server: the running room server (URL, address, short code).
        workspace: the open event (table name, session question).
        ask: asks for the file, given a suggested one; None when the person cancels.

    Returns:
        The PDF written, or None (cancelled or refused: a message says why).
    """
    settings = server.settings
    table = next((t for t in workspace.tables if t.id == settings.table_id), None)
    if table is None:
        return None
    session = workspace.capture.session(table.id, settings.session)
    suggested = paths.data_dir() / f"cartello-{table.key}-sessione-{settings.session}.pdf"
    path = ask(parent, suggested)
    if path is None:
        return None
    card = TableCard(table.name, session.question, server.url, server.base_url, server.short_code)
    try:
        write_table_card(path, card, language=i18n.current_language())
    except (FacilitatorError, OSError) as error:
        QMessageBox.warning(parent, APP_DISPLAY_NAME, i18n.error_text(error))
        return None
    workspace.saved.emit(parent.tr("Cartello del tavolo salvato in {path}").format(path=path))
    return path
