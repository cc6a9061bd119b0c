"""The idea kinds, one small registered rule each (see ``netprep.ideas.registry``)."""
