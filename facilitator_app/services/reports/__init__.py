"""Outputs for people: the PDF restituzione, the paper kit, totals and the report's own texts."""
