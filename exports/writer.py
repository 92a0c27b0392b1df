"""Writing a world's files, touching only what changed.

The state of the last export (per entity: its path and fingerprint) is kept in
the repository's `.git` directory, out of the work tree, so it is never
committed. Only entities whose fingerprint moved are rendered again, and a file
is only written when its bytes differ. Without a state (first export, a fresh
clone, a renamed world) every entity is rendered and stray files are removed.

Every path rendered or removed is recorded in `Touched`: the commit stages those
paths alone instead of scanning the whole work tree. A rendered file counts even
when its bytes did not change, so an export cut off before its commit is staged
in full by the next one (which renders the same entities again: the state is
only saved after the commit).
"""

import json
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from lorebase.images import image_read
from lorebase.models import World

from .documents import CHUNK, documents, fingerprints, image_files, manifest
from .formats import FORMAT_VERSION, IMAGES_DIR, TYPES, dump

STATE_FILE = "lorebase-export-state.json"
Progress = Callable[[int], None]
State = dict[str, Any]
Touched = set[str]  # paths relative to the export directory


def load_state(git_dir: Path) -> State:
    try:
        state = json.loads((git_dir / STATE_FILE).read_text())
    except (OSError, ValueError):
        state = {}
    if state.get("format") != FORMAT_VERSION:  # another format: render everything again
        state = {"format": FORMAT_VERSION, "worlds": {}}
    return state


def save_state(git_dir: Path, state: State) -> None:
    (git_dir / STATE_FILE).write_text(json.dumps(state, separators=(",", ":")))


def write_world(world: World, root: Path, state: State, progress: Progress) -> Touched:
    """Bring `root/<slug>/` up to date with the world; the paths it rendered or removed."""
    key = str(world.public_id)
    entry = state["worlds"].get(key)
    full = entry is None or entry["slug"] != world.slug
    touched: Touched = set()
    if entry is not None and full:  # the world's slug changed: its directory moves
        touched |= _remove_tree(root, root / entry["slug"])
    entry = state["worlds"][key] = entry if not full else {"slug": world.slug, "files": {}}
    known: dict[str, list[str]] = entry["files"]
    world_manifest = manifest(world)
    write_if_changed(root / world_manifest.path, dump(world_manifest.data))
    touched.add(world_manifest.path)
    present: set[str] = set()
    for entity_type in TYPES:
        prints = fingerprints(world, entity_type)
        present.update(public_id for public_id, _ in prints.values())
        stale = [pk for pk, (pid, fp) in prints.items() if known.get(pid, (None, None))[1] != fp]
        progress(len(prints) - len(stale))
        everything = len(stale) == len(prints)  # one query beats thousands of ids in IN (…)
        chunks = (
            [None] if everything else [stale[i : i + CHUNK] for i in range(0, len(stale), CHUNK)]
        )
        for chunk in chunks:
            for document in documents(world, entity_type, chunk):
                old_path = known.get(document.public_id, [None])[0]
                if old_path and old_path != document.path:  # renamed: the file name follows
                    (root / old_path).unlink(missing_ok=True)
                    touched.add(old_path)
                write_if_changed(root / document.path, dump(document.data))
                touched.add(document.path)
                known[document.public_id] = [document.path, prints[document.pk][1]]
            progress(len(chunk) if chunk else len(stale))
    for public_id in set(known) - present:
        gone = known.pop(public_id)[0]
        (root / gone).unlink(missing_ok=True)
        touched.add(gone)
    touched |= _write_images(world, root)
    if full:
        touched |= _remove_strays(root, world.slug, {path for path, _ in known.values()})
    return touched


def _write_images(world: World, root: Path) -> Touched:
    """The world's pictures under <slug>/images/: content-addressed, so one that is there
    never changes; one no entity uses any more goes."""
    wanted = image_files(world)
    directory = root / world.slug / IMAGES_DIR
    present = {p.relative_to(root).as_posix() for p in directory.glob("*") if p.is_file()}
    touched: Touched = set()
    for path, image in wanted.items():
        if path not in present:
            write_if_changed(root / path, image_read(image))
            touched.add(path)
    for path in present - set(wanted):
        (root / path).unlink()
        touched.add(path)
    return touched


def remove_other_worlds(root: Path, worlds: Iterable[World], state: State) -> Touched:
    """After exporting every world: drop the directories of worlds that are gone."""
    slugs = {world.slug for world in worlds}
    keys = {str(world.public_id) for world in worlds}
    touched: Touched = set()
    for child in root.iterdir():
        if child.is_dir() and child.name != ".git" and child.name not in slugs:
            touched |= _remove_tree(root, child)
    state["worlds"] = {k: v for k, v in state["worlds"].items() if k in keys}
    return touched


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write unless the file already holds these bytes (so its mtime stays too)."""
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def _remove_strays(root: Path, slug: str, keep: set[str]) -> Touched:
    strays = {p.relative_to(root).as_posix() for p in (root / slug).glob("*/*.yaml")} - keep
    for stray in strays:
        (root / stray).unlink()
    return strays


def _remove_tree(root: Path, directory: Path) -> Touched:
    removed = {p.relative_to(root).as_posix() for p in directory.rglob("*") if not p.is_dir()}
    shutil.rmtree(directory, ignore_errors=True)
    return removed
