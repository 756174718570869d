"""Data files that ship with aistress: vocabularies, lexicons, taxonomy, sample corpus."""
