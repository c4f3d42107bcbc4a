"""coachtui.ui."""
