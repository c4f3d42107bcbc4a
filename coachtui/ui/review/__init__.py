"""The review between sessions: a client's overview, session history and session records."""
