from pathlib import Path

import pytest
from git import Repo

from exports.services import export_worlds


@pytest.fixture(autouse=True)
def quick_push_retries(settings) -> None:
    settings.EXPORT_GIT_PUSH_ATTEMPTS = 3
    settings.EXPORT_GIT_PUSH_BACKOFF = 0.01
    settings.EXPORT_GIT_REMOTE_URL = ""


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    return tmp_path / "export"


def tree(root: Path) -> dict[str, bytes]:
    """Every file of an export directory but Git's own, by relative path."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def commits(root: Path) -> int:
    return int(Repo(root).git.rev_list("--count", "HEAD"))


def touched(root: Path) -> list[str]:
    """Paths the last commit changed."""
    return Repo(root).git.show("--name-only", "--format=", "HEAD").splitlines()


def export(root: Path, **kwargs):
    return export_worlds(out_dir=root, **kwargs)
