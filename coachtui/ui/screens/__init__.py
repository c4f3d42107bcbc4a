"""coachtui.ui.screens."""
