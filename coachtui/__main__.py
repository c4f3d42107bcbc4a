"""Provides `python -m coachtui`."""

from coachtui.cli import main

raise SystemExit(main())
