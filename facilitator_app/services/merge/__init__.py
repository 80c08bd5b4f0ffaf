"""The coordinator's merge of the tables' and venues' files into one event."""
