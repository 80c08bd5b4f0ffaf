"""Everything the benchmarks take from ``facilitator_app``, named in one place.

The benchmarks import what they measure from here (``from targets import export_pdf``), never
from ``facilitator_app`` directly, so that when a module moves (the exchange contract and the
plenary deck are being split into several modules) only the table below changes.

Imports are lazy (a module ``__getattr__``): a child process that times one export loads
that exporter only, not Qt nor the merge, so its peak memory and a cold start's time stay
what they measure. Importing this module also puts the repository root first on
``sys.path``, so that a benchmark run from a git worktree measures that worktree's code and
not whichever checkout the virtual environment was installed from (an editable install).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))

# name -> "module:attribute" (no attribute: the module itself).
TARGETS: dict[str, str] = {
    # domain and storage
    "FixedClock": "facilitator_app.domain.clock:FixedClock",
    "to_iso": "facilitator_app.domain.clock:to_iso",
    "Contribution": "facilitator_app.domain.model:Contribution",
    "Event": "facilitator_app.domain.model:Event",
    "ParticipantCount": "facilitator_app.domain.model:ParticipantCount",
    "Session": "facilitator_app.domain.model:Session",
    "StrategyCard": "facilitator_app.domain.model:StrategyCard",
    "Table": "facilitator_app.domain.model:Table",
    "Theme": "facilitator_app.domain.model:Theme",
    "Venue": "facilitator_app.domain.model:Venue",
    "new_id": "facilitator_app.domain.model:new_id",
    "ContributionKind": "facilitator_app.domain.vocab:ContributionKind",
    "EventFormat": "facilitator_app.domain.vocab:EventFormat",
    "StakeholderCategory": "facilitator_app.domain.vocab:StakeholderCategory",
    "EventStore": "facilitator_app.storage.database:EventStore",
    # setup: generated events
    "bundled_templates": "facilitator_app.services.setup.templates:bundled_templates",
    "create_event": "facilitator_app.services.setup.templates:create_event",
    "write_demo": "facilitator_app.services.setup.demo:write_demo",
    "distribute": "facilitator_app.services.setup.distribute",
    "bundled_card_sets": "facilitator_app.services.setup.cards:bundled_card_sets",
    "SystemClock": "facilitator_app.services.common.clock:SystemClock",
    # measured: exports (services/exchange is being split: writer, codecs, sheets, ...)
    "export_workbook": "facilitator_app.services.exchange.writer:export_workbook",
    "export_pdf": "facilitator_app.services.reports.restituzione:export_pdf",
    # the PDF floor uses the app's own fonts (same files, same names)
    "register_fonts": "facilitator_app.services.common.pdf_style:register_fonts",
    "PDF_FONT": "facilitator_app.services.common.pdf_style:FONT",
    # measured: merge, summary, analysis
    "merge": "facilitator_app.services.merge.engine",
    "load_records": "facilitator_app.services.records.event_records:load_records",
    "build_report": "facilitator_app.services.records.report:build_report",
    "suggest": "facilitator_app.services.analysis.suggest:suggest",
    "EncoderUnavailable": "facilitator_app.services.analysis.encoder:EncoderUnavailable",
    "crosscutting_themes": "facilitator_app.services.analysis.crosscutting:crosscutting_themes",
    # measured: the room server (bench_room.py)
    "CaptureService": "facilitator_app.services.capture.board:CaptureService",
    "RoomServer": "facilitator_app.services.room:RoomServer",
    "RoomSettings": "facilitator_app.services.room:RoomSettings",
    "load_encoder": "facilitator_app.services.analysis.encoder:load_encoder",
    "compute_vectors": "facilitator_app.services.analysis.embeddings:compute_vectors",
    "suggest_on": "facilitator_app.services.analysis.embeddings:suggest_on",
    # measured: the window (Qt is only imported by the benchmarks that ask for these)
    "MainWindow": "facilitator_app.ui.main_window:MainWindow",
    "run_gui": "facilitator_app.ui.launch:run_gui",
}


def __getattr__(name: str) -> Any:
    """Import ``name`` from the module the table gives, on first use."""
    try:
        module, _, attribute = TARGETS[name].partition(":")
    except KeyError:
        raise AttributeError(f"module 'targets' has no attribute {name!r}") from None
    value = importlib.import_module(module)
    if attribute:
        value = getattr(value, attribute)
    globals()[name] = value
    return value


def check() -> list[str]:
    """Names whose module or attribute cannot be imported (empty: every path is right)."""
    missing = []
    for name in TARGETS:
        try:
            __getattr__(name)
        except (ImportError, AttributeError) as error:
            missing.append(f"{name}: {TARGETS[name]} ({error})")
    return missing


if __name__ == "__main__":
    problems = check()
    print("\n".join(problems) if problems else f"all {len(TARGETS)} targets import")
    sys.exit(1 if problems else 0)
