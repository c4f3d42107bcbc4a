"""Provides the exports: pure functions from records to text (Markdown recap and plan, iCalendar).

Nothing here reads the clock, the disk or the store: the command line and the screens pass the
records (and ``now``) in and write the text where the coach asks (``coachtui.store.export_file``).
"""
