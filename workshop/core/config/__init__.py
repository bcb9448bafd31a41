"""What the facilitator set and where things are: every path (`locations`), the environment's
settings (`settings`), their own keys (`keymap`).
"""
