"""What a session comes to, read from its view: who was at the table (`attendance`), what was
agreed (`summary`), the phase the partners see (`phase`), what goes on to the next session
(`carry`), and what each paper may show of whom (`disclosure`).
"""
