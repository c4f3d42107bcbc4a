"""coachtui: a keyboard-driven terminal companion for professional coaches."""

import os

__version__ = "0.1.0"

# The first time a model is built, pydantic scans every installed package's metadata for plugins
# (3-5 ms in coachtui's own environment, more beside many packages), and a plugin it finds sees
# every record coachtui validates: clients' names and session notes. coachtui uses none, so none
# is loaded, unless the coach's environment says otherwise.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
