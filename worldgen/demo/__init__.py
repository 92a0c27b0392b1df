"""Lantern Harbor: an original demo world in English and Russian, and its loader."""
