"""Plenary presentation: the audience window, the presenter window and their controller."""

from __future__ import annotations

from facilitator_app.ui.presentation.controller import PresentationController
from facilitator_app.ui.presentation.windows import (
    AudienceWindow,
    PresentationSession,
    PresenterWindow,
    choose_screens,
    present_event,
)

__all__ = [
    "AudienceWindow",
    "PresentationController",
    "PresentationSession",
    "PresenterWindow",
    "choose_screens",
    "present_event",
]
