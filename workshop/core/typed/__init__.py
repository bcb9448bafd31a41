"""What a typed line says besides its words: who said it (`attribution`), at what level or behind
which position (`interests`), by when (`due`).
"""
