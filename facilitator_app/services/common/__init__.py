"""Plumbing every feature shares: files, paths, clock, progress, tabular files, YAML, PDF style."""
