"""Reflection after a session and the coach's CPD journal."""
