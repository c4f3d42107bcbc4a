"""Provides the coaching frameworks as JSON files, one a framework, read by ``coachtui.domain.frameworks``."""
