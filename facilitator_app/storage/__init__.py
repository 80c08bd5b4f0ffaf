"""Durable storage of one event per SQLite file (the only user of sqlite_utils)."""
