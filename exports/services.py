"""Git exports and imports: the entry points of the commands, the task, the admin and the API."""

import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from lorebase.images import image_read
from lorebase.models import World

from . import importer, repository, writer
from .documents import documents, image_files, manifest
from .formats import TYPES, dump
from .lock import export_lock
from .metrics import EXPORT_FILES_CHANGED, EXPORT_SECONDS
from .renpy.game import game_files as renpy_files
from .vault import vault_files

Progress = Callable[[int], None]


@dataclass
class ExportResult:
    worlds: int
    commit: str | None = None  # None: nothing changed, no commit
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    pushed: bool = False
    push_error: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def export_worlds(
    *,
    worlds: Iterable[World] | None = None,
    out_dir: Path | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write worlds (default: all, removing worlds that are gone) to Git, commit, push.

    Raises lock.ExportBusy when another export is running. A failed push is
    reported in the result; the commit stays and the next export pushes it.
    """
    root = Path(out_dir or settings.EXPORT_DIR)
    with export_lock(), EXPORT_SECONDS.time():
        repo = repository.open_repository(root)
        chosen = list(World.objects.order_by("slug") if worlds is None else worlds)
        state = writer.load_state(Path(repo.git_dir))
        touched: writer.Touched = set()
        for world in chosen:
            touched |= writer.write_world(world, root, state, progress or (lambda done: None))
        if worlds is None:
            touched |= writer.remove_other_worlds(root, chosen, state)
        result = ExportResult(worlds=len(chosen))
        if commit := repository.commit_paths(repo, touched):
            result.commit, result.changes = commit.sha, commit.changes
            for per_type in commit.changes.values():
                for change, count in per_type.items():
                    EXPORT_FILES_CHANGED.labels(change=change).inc(count)
        # Only now: an export stopped before its commit renders the same files again.
        writer.save_state(Path(repo.git_dir), state)
        if settings.EXPORT_GIT_REMOTE_URL and repository.needs_push(repo):
            try:
                repository.push(repo)
                result.pushed = True
            except repository.PushFailed as error:
                result.push_error = str(error)
        return result


def import_world(
    directory: Path, *, owner: AbstractBaseUser | None = None
) -> dict[str, dict[str, int]]:
    """Import every world under `directory`: all files checked first, then one transaction.

    Raises importer.InvalidFile (file, field, reason) and imports nothing on any error.
    """
    worlds = importer.read_directory(Path(directory))
    with transaction.atomic():
        return importer.apply(worlds, owner)


def world_files(world: World) -> Iterator[tuple[str, bytes]]:
    """(path, content) of every file of the world, as an export writes them: its
    documents, then its pictures by content hash."""
    world_manifest = manifest(world)
    yield world_manifest.path, dump(world_manifest.data)
    for entity_type in TYPES:
        for document in documents(world, entity_type):
            yield document.path, dump(document.data)
    for path, image in image_files(world).items():
        yield path, image_read(image)


def snapshot_zip(world: World) -> Iterator[bytes]:
    """The world's files as a zip, produced piece by piece for a streaming response."""
    return files_zip(world_files(world))


def files_zip(files: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """(path, content) pairs as a zip, produced piece by piece for a streaming response."""
    sink = _Chunks()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content in files:
            # A fixed date: the same database gives the same archive.
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
            yield sink.take()
    yield sink.take()


class _Chunks:
    """A write-only file for ZipFile; without tell/seek it writes a streamable zip."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """ZipFile flushes on close; nothing is buffered beyond `parts`."""

    def close(self) -> None:
        """Nothing to release: the parts are taken as they are written."""

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


GAME_FORMATS = ("renpy", "markdown")


def game_files(
    world: World, *, format: str, as_of: int | None = None
) -> Iterator[tuple[str, bytes]]:
    """The files of an export for the game: `renpy` (defines and codex; the codex
    carries its own chapters, so no cut) or a `markdown` vault, cut at `as_of`."""
    if format == "renpy":
        return renpy_files(world)
    return vault_files(world, as_of=as_of)


def write_files(files: Iterable[tuple[str, bytes]], out_dir: Path) -> list[str]:
    """Write the files under `out_dir`, removing the files of an earlier export of the
    same world(s) that this one no longer has (of the same kinds, outside hidden
    folders: a vault's `.obsidian/` stays); the paths written."""
    written = []
    for path, content in files:
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(path)
    kept, suffixes = set(written), {Path(path).suffix for path in written}
    for top in {Path(path).parts[0] for path in written}:
        for old in (out_dir / top).rglob("*"):
            relative = old.relative_to(out_dir)
            if (
                old.is_file()
                and old.suffix in suffixes
                and relative.as_posix() not in kept
                and not any(part.startswith(".") for part in relative.parts)
            ):
                old.unlink()
    return written
