"""Provides the help screen (F1): every key of the screen below it, with its binding id for remapping."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from coachtui.ui.styles import style


@dataclass(frozen=True)
class KeyRow:
    """One key of a screen, as the help screen and the command palette show it."""

    key: str
    description: str
    detail: str
    binding_id: str
    action: str


def binding_rows(screen: Screen) -> list[KeyRow]:
    """Every binding active on `screen`, the app's included, once per key: coachtui's own keys first,
    then the focused widget's (cursor moves and the like), which have no id."""
    rows: list[KeyRow] = []
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, key) in seen:
            continue
        seen.add((binding.action, key))
        rows.append(
            KeyRow(
                key=screen.app.get_key_display(binding),
                description=binding.description,
                detail=binding.tooltip,
                binding_id=binding.id or "",
                action=binding.action,
            )
        )
    return sorted(rows, key=lambda row: not row.binding_id)


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened over."""

    CSS_PATH = style("help")
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, over: Screen, title: str) -> None:
        super().__init__()
        self._rows = binding_rows(over)
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(f"Keys: {self._title}", id="help-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            # The id before the description: on a narrow terminal the description is what gets cut.
            table.add_columns("Key", "Id (keymap)", "What it does")
            for row in self._rows:
                what = f"{row.description}: {row.detail}" if row.detail else row.description
                table.add_row(row.key, row.binding_id, what)
            yield table
            yield Static(
                "Every key is also in the command palette (ctrl+p). Remap a key by its id in config.toml.",
                id="help-hint",
            )

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
