"""Exports from the window: workbook, restituzione and paper kit, with progress."""
