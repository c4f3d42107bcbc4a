"""Provides ``make bench``: coachtui measured against bare Textual apps and grep on synthetic practices.

See benchmarks/README.md for how to run it and what each row of the table means.
"""
