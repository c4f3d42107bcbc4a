"""coachtui.export."""
