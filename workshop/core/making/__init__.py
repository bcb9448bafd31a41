"""New sessions: prepared from what the facilitator gave (`prepare`), or made up for a newcomer
to explore (`demo`).
"""
