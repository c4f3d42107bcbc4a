"""The live session: stage cockpit, questions, stage-tagged notes and commitments."""
