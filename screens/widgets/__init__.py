"""Widgets of the workshop app: they show what they are given and post what the user wants."""
