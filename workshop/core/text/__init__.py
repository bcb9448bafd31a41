"""Text: every string, number and date a user reads, in their language (`i18n`), and the one rule
for characters that could steer a terminal or deceive a reader (`characters`).
"""
