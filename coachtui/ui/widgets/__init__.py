"""coachtui.ui.widgets."""
