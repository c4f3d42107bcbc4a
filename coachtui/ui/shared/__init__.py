"""Pieces every area uses: dialogs, confirmations, help and form fields."""
