"""The read model: every record of one event, loaded once, for every output."""
