"""Provides the old name of the demo builder, for callers not yet moved to ``coachtui.demo``.

The demo's story is data now (``coachtui/data/demo``, built by ``coachtui.demo``); the synthetic
practices the benchmarks use live in ``benchmarks/synthetic.py``.
"""

from __future__ import annotations

from coachtui.demo import build_demo_practice as build_sample_practice

__all__ = ["build_sample_practice"]
