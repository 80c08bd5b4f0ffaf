"""Application services: cards, templates, capture, timer, import and export."""
