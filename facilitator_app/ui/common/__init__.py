"""Pieces every panel of the interface shares: actions, buttons, undo commands."""
