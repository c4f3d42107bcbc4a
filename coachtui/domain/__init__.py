"""Provides the coaching domain: records and pure logic, with no Textual and no TinyDB."""
