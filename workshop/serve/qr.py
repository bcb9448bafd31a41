"""The join address as a QR code drawn in text (half blocks: two rows of modules per line)."""

from __future__ import annotations

import segno


def qr_lines(data: str, border: int = 2) -> list[str]:
    """Dark modules drawn as blocks on a light background; read by a phone off a projector."""
    matrix = [list(row) for row in segno.make(data, error="m", boost_error=False).matrix]
    size = len(matrix[0])
    light = [0] * (size + 2 * border)
    rows = [light] * border + [[0] * border + row + [0] * border for row in matrix] + [light] * border
    if len(rows) % 2:
        rows.append(light)
    glyph = {(0, 0): "█", (1, 1): " ", (1, 0): "▄", (0, 1): "▀"}  # light modules are drawn, dark are gaps
    return ["".join(glyph[(top, bottom)] for top, bottom in zip(rows[i], rows[i + 1])) for i in range(0, len(rows), 2)]
