"""The per-step timer: a timebox from the guide that can be started, paused and extended.

The state is plain numbers so the session file can keep it; `now` is passed in, so tests and
the app's clock agree. A running timer keeps running across a crash: the meeting went on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class TimerState(StrEnum):
    IDLE = "idle"  # never started
    RUNNING = "running"
    PAUSED = "paused"


class TimeLeft(StrEnum):
    PLENTY = "plenty"
    NEARLY_UP = "nearly_up"
    OVER = "over"


@dataclass
class Timebox:
    minutes: int  # from the guide
    extra: int = 0  # minutes added during the meeting
    elapsed: float = 0.0  # seconds counted before the last start
    since: float | None = None  # wall-clock start of the running stretch

    @classmethod
    def from_dict(cls, minutes: int, data: dict[str, Any] | None) -> Timebox:
        data = data or {}
        since = data.get("since")
        return cls(
            minutes=minutes,
            extra=int(data.get("extra", 0) or 0),
            elapsed=float(data.get("elapsed", 0.0) or 0.0),
            since=float(since) if isinstance(since, (int, float)) else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["minutes"]
        return data

    @property
    def total(self) -> float:
        return (self.minutes + self.extra) * 60.0

    def state(self) -> TimerState:
        if self.since is not None:
            return TimerState.RUNNING
        return TimerState.PAUSED if self.elapsed else TimerState.IDLE

    def spent(self, now: float) -> float:
        running = max(0.0, now - self.since) if self.since is not None else 0.0
        return self.elapsed + running

    def left(self, now: float) -> float:
        return self.total - self.spent(now)

    def start(self, now: float) -> None:
        if self.since is None:
            self.since = now

    def pause(self, now: float) -> None:
        if self.since is not None:
            self.elapsed = self.spent(now)
            self.since = None

    def add_minutes(self, minutes: int) -> None:
        self.extra = max(-self.minutes, self.extra + minutes)

    def warning(self, now: float) -> TimeLeft:
        left = self.left(now)
        if left <= 0:
            return TimeLeft.OVER
        # Warn in the last tenth of the timebox, but at least in the last minute; never in the
        # first half (a one-minute step would otherwise warn the moment it opens).
        if left <= min(max(60.0, self.total / 10), self.total / 2):
            return TimeLeft.NEARLY_UP
        return TimeLeft.PLENTY


def clock_text(seconds: float) -> str:
    """mm:ss, with a minus sign once time is over."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
