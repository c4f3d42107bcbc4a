"""Home: the practice at a glance, and a client's details."""
