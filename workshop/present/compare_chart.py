"""A scale item over the sessions as a small inline SVG: the mean as a line with dots, the standard
deviation (mean ± one standard deviation, within the scale) as a band, and how many scored under each point.

Plain SVG text, no script and no fonts to fetch, so the page prints and mails as it is. Drawn by
hand: the picture is one line and one band, which no chart library makes smaller or clearer."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workshop.core.compare import ScorePoint

WIDTH, HEIGHT = 560, 150
LEFT, RIGHT, TOP, BOTTOM = 64, 48, 12, 40


def chart(points: Sequence[ScorePoint | None], labels: Sequence[str], title: str, scorers_word: str) -> str:
    """The SVG for one trend; `labels` name the sessions under the x axis (dates)."""
    scored = [p for p in points if p is not None]
    low, high = (scored[0].scale_min, scored[-1].scale_max) if scored else (1, 5)
    span = max(1, high - low)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / max(1, len(points) - 1) if len(points) > 1 else 0

    def x(index: int) -> float:
        return LEFT + (index * step if len(points) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return TOP + inner_h * (1 - (min(high, max(low, value)) - low) / span)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'class="chart"><title>{escape(title)}</title>']
    for value in range(low, high + 1):  # the scale's points as faint lines
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" class="axis" text-anchor="end">{value}</text>')
    present = [(i, p) for i, p in enumerate(points) if p is not None]
    for run in [present] if present else []:  # across a session that did not score it too
        upper = " ".join(f"{x(i):.1f},{y(p.mean + p.stdev):.1f}" for i, p in run)
        lower = " ".join(f"{x(i):.1f},{y(p.mean - p.stdev):.1f}" for i, p in reversed(run))
        if len(run) > 1:
            parts.append(f'<polygon points="{upper} {lower}" class="band"/>')
            line = " ".join(f"{x(i):.1f},{y(p.mean):.1f}" for i, p in run)
            parts.append(f'<polyline points="{line}" class="mean"/>')
        else:
            i, p = run[0]
            parts.append(f'<line x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{y(p.mean + p.stdev):.1f}" '
                         f'y2="{y(p.mean - p.stdev):.1f}" class="deviation"/>')
    for i, p in present:
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(p.mean):.1f}" r="3.5" class="dot"/>')
        mark = "*" if p.scorers_changed else ""
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 28}" class="count" text-anchor="middle">'
                     f'{escape(scorers_word)} {p.count}{mark}</text>')
    for i, label in enumerate(labels):
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 15}" class="axis" text-anchor="middle">'
                     f'{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)

