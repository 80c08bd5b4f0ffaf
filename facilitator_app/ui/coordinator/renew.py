"""The coordinator view in a new language: a new view that keeps what the old one held.

The view builds its texts once; after a language switch the main window replaces it with
a new one in the new language, carrying over the merged file, the files listed and the
results of the last merge, and showing it where the old one was.
"""

from __future__ import annotations

from facilitator_app.ui.coordinator.view import CoordinatorView, MergeHost


def renew_coordinator(old: CoordinatorView, host: MergeHost) -> CoordinatorView:
    """A new coordinator view in the current language, with the state of ``old``."""
    new = CoordinatorView(host, old.parentWidget())
    # Replaced askers (tests, scripted runs) stay; the dialogs are the new view's own.
    if old.ask_target != old.ask_target_with_dialog:
        new.ask_target = old.ask_target
    if old.ask_sources != old.ask_sources_with_dialog:
        new.ask_sources = old.ask_sources
    if old.target is not None:
        new.set_target(old.target)
    new.add_files(old.sources())
    for result in old.results:
        new._add_result(result)
    if old.results:
        new._summarise()
    new.setGeometry(old.geometry())
    if old.isVisible():
        new.show()
    old.hide()
    old.deleteLater()
    return new
