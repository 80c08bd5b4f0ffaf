"""Run the command-line interface in-process and capture what it prints."""

from __future__ import annotations

import io

from facilitator_app import cli


def run(*args: str) -> tuple[int, str]:
    """Run ``facilitator-app ARGS...`` in this process: (exit code, printed text)."""
    out = io.StringIO()
    code = cli.main(list(args), out=out)
    return code, out.getvalue()
