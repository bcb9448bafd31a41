"""The rules of particular steps, beyond what the guide says: formal bodies added to a consent step
(`bodies`), the pairs of a scale scored per partner (`dependence`), a statement's agreed text
(`statements`).
"""
