"""One line per budget, printed by every benchmark and collected by ``run_all.py``.

    BUDGET {"name": ..., "measured": ..., "budget": ..., "unit": ..., "baseline": ...}

``budget`` is an upper bound in ``unit``; ``baseline`` (optional) names what a ratio is
measured against in the same run.
"""

from __future__ import annotations

import json

PREFIX = "BUDGET "


def emit(name: str, measured: float, budget: float | None, unit: str, baseline: str = "") -> None:
    """Print one budget line (``budget`` None: a figure shown for scale, without a bound)."""
    record = {
        "name": name,
        "measured": measured,
        "budget": budget,
        "unit": unit,
        "baseline": baseline,
    }
    print(PREFIX + json.dumps(record, ensure_ascii=False), flush=True)


def parse(line: str) -> dict[str, object] | None:
    """The record of a budget line, or None for any other line."""
    if not line.startswith(PREFIX):
        return None
    record: dict[str, object] = json.loads(line[len(PREFIX) :])
    return record
