"""Before the day: strategy card sets, event templates, the demo event, venue and table files."""
