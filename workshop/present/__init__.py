"""Presentation: sessions, comparisons, summaries and minutes drawn for people (rich, Markdown,
HTML), and the one rule for showing typed text (`text`). The core computes; this formats.
"""
