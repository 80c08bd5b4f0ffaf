"""Plain data and rules of a participatory forum day (standard library only)."""
