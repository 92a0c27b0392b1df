"""Ren'Py scripts in and out, without the Ren'Py runtime.

lines (text → indented blocks of tokens) → parser (blocks → a Script of defines,
labels and translations) → story (a Script → the entities it describes) →
importer (a Story → a world, through the lorebase services); game writes a
world back as `characters.rpy` and a spoiler-safe codex.
"""
