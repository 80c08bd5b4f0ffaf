"""Shared test helpers: runners, synthetic data and fixtures' building blocks.

Test modules import from here, never from one another.
"""
