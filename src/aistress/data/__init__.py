"""Data files that ship with aistress: vocabularies, lexicons, the taxonomy and the sample corpus."""
