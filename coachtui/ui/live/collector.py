"""Provides when Python's full garbage collections walk which objects: the live session stays smooth.

A full collection walks every object the collector tracks. coachtui holds some 100,000 of them
(its modules, pydantic's validators, Textual's caches, the practice and the client being coached),
and walking them takes 40-70 ms on a 2-core laptop: three or four frames in which nothing is drawn
and no key is handled. Typing creates enough short-lived cycles to trigger one every few seconds,
and they must run (held back, the garbage grows by some 25 MB per 1,000 keys). So what is known
to live on is frozen (``gc.freeze``: later collections skip it) and collections stay short:

- ``freeze_startup()``: what start-up created (modules, classes, the practice just read) lives as
  long as the app; the command line freezes it once, just before the app runs.
- ``live_session_started()``: the live screen and the client's records live as long as the
  session; frozen once the screen is drawn, a full collection then takes a few milliseconds.
- ``live_session_ended()``: the session's screen is gone; everything is unfrozen, collected once
  (the one long pause, while the coach leaves the session), and what survives is frozen again.
"""

from __future__ import annotations

import gc


def freeze_startup() -> None:
    """Move every object alive now to the permanent generation, which collections skip."""
    gc.freeze()


def live_session_started() -> None:
    """The live screen is drawn: freeze it, with the client's records read to show it."""
    gc.freeze()


def live_session_ended() -> None:
    """Give what the session froze back to the collector, collect once, and freeze what is left."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
