"""The window side of the room server: open a table to the phones, its panel and queue."""
