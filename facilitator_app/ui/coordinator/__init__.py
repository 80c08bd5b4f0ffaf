"""The coordinator view: merge the tables' files into one event, then export it."""
