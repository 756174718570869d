"""Helpers for testing code that uses aistress: Hypothesis strategies in :mod:`.strategies`."""
