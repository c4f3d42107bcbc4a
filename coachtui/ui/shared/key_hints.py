"""Provides key hints built from the active keymap: a key the coach remapped is shown as remapped."""

from __future__ import annotations

from textual.dom import DOMNode


def key_label(node: DOMNode, binding_id: str) -> str:
    """The key now bound to `binding_id` on `node`'s screen, as the footer writes it; "" if none."""
    for active in node.screen.active_bindings.values():
        if active.binding.id == binding_id:
            return node.app.get_key_display(active.binding)
    return ""


def hint(node: DOMNode, *keys: tuple[str, str] | str) -> str:
    """A dim line of "key what" pairs, e.g. hint(self, ("live.new_action", "add")); unbound keys left out.

    A plain string is a part written out already, for a key that is a widget's own and has no id
    (Enter in a text field, space on a choice): "[b]enter[/b] next field".
    """
    parts = []
    for key in keys:
        if isinstance(key, str):
            parts.append(key)
            continue
        binding_id, what = key
        label = key_label(node, binding_id)
        if label:
            parts.append(
                f"[b]{label.replace('[', chr(92) + '[')}[/b] {what}"
            )  # a key such as [ is text, not markup
    return " · ".join(part for part in parts if part)
