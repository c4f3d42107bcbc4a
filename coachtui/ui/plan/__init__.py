"""The coaching plan editor: goals, actions, check-ins, the agreement and its history."""
