"""Provides PromptDeck: the current stage's powerful questions, the one to ask next first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class PromptDeck(Static):
    """Dumb: shows the questions it is given, the current one bold, asked ones ticked."""

    DEFAULT_CSS = """
    PromptDeck { height: auto; padding: 0 1; }
    """

    def show(self, stage_name: str, questions: list[str], index: int, asked: set[str], rows: int = 4) -> None:
        parts: list[str | tuple[str, str]] = [(f"Ask next · {stage_name}", "bold")]
        if questions:
            parts.append((f"  {index + 1}/{len(questions)}", "dim"))
        for offset in range(min(rows, len(questions))):
            question = questions[(index + offset) % len(questions)]
            parts.append("\n")
            parts.append(("✓ ", "$success") if question in asked else "  ")
            parts.append((question, "bold" if offset == 0 else "dim"))
        if not questions:
            parts.append(("\nNo questions for this stage.", "dim"))
        self.update(Content.assemble(*parts))
