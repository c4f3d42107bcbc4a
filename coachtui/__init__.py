"""coachtui: a keyboard-driven terminal companion for professional coaches."""

__version__ = "0.1.0"
