"""Provides StageBar: the coaching model's stages, the current one marked, minutes spent in each."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static


@dataclass(frozen=True)
class StageView:
    """One stage as the bar shows it."""

    name: str
    key: str
    seconds: float
    timebox_seconds: float
    current: bool

    @property
    def over_timebox(self) -> bool:
        return self.timebox_seconds > 0 and self.seconds >= self.timebox_seconds


def minutes(seconds: float) -> str:
    """Whole minutes; "<1m" for a stage held for seconds (it steadies the bar: no repaint every second)."""
    return "<1m" if 0 < seconds < 60 else f"{int(seconds // 60)}m"


class StageBar(Static):
    """Dumb: shows the stages it is given. A used-up time-box turns the stage's minutes amber; nothing flashes."""

    DEFAULT_CSS = """
    StageBar { height: auto; padding: 0 1; background: $boost; }
    """

    _shown: list[str | tuple[str, str]] | None = None

    def show(self, stages: list[StageView], width: int) -> None:
        """Show `stages` in `width` columns: with their F-keys when they fit, else a shorter bar."""
        for keys, gap in ((True, "  "), (True, " "), (False, "  ")):
            parts = self._parts(stages, keys=keys, gap=gap)
            if sum(len(part if isinstance(part, str) else part[0]) for part in parts) <= width - 2:
                break
        if parts == self._shown:
            return  # shown every second, but it only changes once a minute or on a new stage
        self._shown = parts
        self.update(Content.assemble(*parts))

    @staticmethod
    def _parts(stages: list[StageView], keys: bool, gap: str) -> list[str | tuple[str, str]]:
        parts: list[str | tuple[str, str]] = []
        for index, stage in enumerate(stages):
            if index:
                parts.append(gap)
            marker = "▶" if stage.current else ("●" if stage.seconds >= 60 else "○")
            if keys:
                parts.append((f"{stage.key} ", "dim"))
            parts.append((f"{marker} {stage.name}", "bold reverse" if stage.current else ""))
            if stage.seconds >= 60 or stage.current:
                spent = f" {minutes(stage.seconds)}"
                if stage.timebox_seconds and stage.current:
                    spent += f"/{minutes(stage.timebox_seconds)}"
                parts.append((spent, "bold $warning" if stage.over_timebox else ""))
        return parts
