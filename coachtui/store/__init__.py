"""Provides the store: the only package that imports TinyDB."""
