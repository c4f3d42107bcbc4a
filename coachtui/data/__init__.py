"""Provides the data files shipped inside the coachtui package: frameworks and question banks."""
