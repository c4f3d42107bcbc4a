"""Provides FormSelect: a Select on which Enter moves to the next field, as in every quick form.

A coach fills a form with Enter, field after field; a stock Select would open its menu on Enter
and stop them. Here space, up or down open the menu, and Enter is left to the form.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Select


class FormSelect(Select[Any], inherit_bindings=False):
    """A compact choice inside a quick form; space, up or down open it."""

    BINDINGS = [Binding("space,down,up", "show_overlay", "Choose", show=False)]
