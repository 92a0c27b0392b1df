"""The export directory as a Git repository: commit what changed, push it.

The git command line does the work (through GitPython's `repo.git`): it reads and
writes a 100,000-entry index far faster than a pure-Python index would.
The remote's URL and token never go into `.git/config`: the URL is passed per
push and the token travels in the push's environment as an HTTP header.
"""

import base64
import logging
import tempfile
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from git import GitCommandError, InvalidGitRepositoryError, NoSuchPathError, Repo
from prometheus_client import Counter
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from .formats import MANIFEST

logger = logging.getLogger(__name__)
PUSHED_REF = "refs/lorebase/pushed"  # the last commit the remote confirmed
PUSH_FAILURES = Counter(
    "lorebase_export_push_failures",
    "Pushes of the export repository that failed after every retry.",
)
CHANGE_KINDS = ("added", "changed", "deleted")


class PushFailed(Exception):
    """The remote refused or could not be reached; the local commit is kept."""


@dataclass
class Commit:
    sha: str
    # "<world-slug>/<type>" → {"added": n, "changed": n, "deleted": n}
    changes: dict[str, dict[str, int]] = field(default_factory=dict)


def open_repository(path: Path) -> Repo:
    """The repository at `path`, created (with its directory) if missing."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        return Repo(path)
    except (InvalidGitRepositoryError, NoSuchPathError):
        return Repo.init(path, initial_branch=settings.EXPORT_GIT_BRANCH)


def commit_paths(repo: Repo, paths: Collection[str]) -> Commit | None:
    """Stage `paths` (written or removed) and commit them; None when nothing changed.

    Plumbing instead of `git add --all` and `git commit`: both would look at
    every file of the work tree, and an incremental export knows the few it touched.
    """
    # Adds, updates and removes each path as the work tree has it; a path that is
    # neither in the work tree nor in the index is ignored.
    with tempfile.TemporaryFile() as listing:
        listing.write("\0".join(sorted(paths)).encode())
        listing.seek(0)
        repo.git.update_index("--add", "--remove", "-z", "--stdin", istream=listing)
    status = repo.git.diff("--cached", "--name-status", "--no-renames", "-z")
    if not status:
        return None
    changes = summarise(status)
    tree = repo.git.write_tree()
    parents = ["-p", "HEAD"] if repo.head.is_valid() else []
    sha = repo.git.commit_tree(tree, *parents, "-m", message(changes), env=_identity())
    repo.git.update_ref("-m", "export", "HEAD", sha)
    return Commit(sha=sha, changes=changes)


def summarise(name_status: str) -> dict[str, dict[str, int]]:
    """Per world and type, entities added, changed and deleted.

    A renamed entity's file is deleted under one name and added under another:
    the same id on both sides counts as one change.
    """
    parts = name_status.strip("\0").split("\0")
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for status, path in zip(parts[::2], parts[1::2], strict=True):
        world, _, rest = path.partition("/")
        kind, _, name = rest.rpartition("/")
        group = f"{world}/{kind or 'world'}"
        entity = name[:36] if name != MANIFEST else world
        seen[group][status[0]].add(entity)
    summary = {}
    for group, by_status in sorted(seen.items()):
        renamed = by_status["A"] & by_status["D"]
        counts = {
            "added": len(by_status["A"] - renamed),
            "changed": len(by_status["M"] | by_status["T"] | renamed),
            "deleted": len(by_status["D"] - renamed),
        }
        summary[group] = {kind: count for kind, count in counts.items() if count}
    return summary


def message(changes: dict[str, dict[str, int]]) -> str:
    totals = {kind: sum(c.get(kind, 0) for c in changes.values()) for kind in CHANGE_KINDS}
    subject = "Export: " + ", ".join(f"{totals[kind]} {kind}" for kind in CHANGE_KINDS)
    lines = [
        f"{group}: " + ", ".join(f"{count} {kind}" for kind, count in counts.items())
        for group, counts in changes.items()
    ]
    return "\n".join([subject, "", *lines]) + "\n"


def needs_push(repo: Repo) -> bool:
    """Something committed that the remote has not confirmed yet."""
    if not repo.head.is_valid():
        return False
    pushed = repo.git.rev_parse("--verify", "--quiet", PUSHED_REF, with_exceptions=False)
    return pushed != repo.head.commit.hexsha


def push(repo: Repo) -> None:
    """Push HEAD to the configured remote, retried with exponential backoff."""
    url, branch = settings.EXPORT_GIT_REMOTE_URL, settings.EXPORT_GIT_BRANCH
    retrying = Retrying(
        stop=stop_after_attempt(settings.EXPORT_GIT_PUSH_ATTEMPTS),
        wait=wait_exponential(multiplier=settings.EXPORT_GIT_PUSH_BACKOFF, max=60),
        retry=retry_if_exception_type(GitCommandError),
        before_sleep=lambda s: logger.warning(
            "export push attempt %d failed: %s", s.attempt_number, _reason(s.outcome.exception())
        ),
        reraise=True,
    )
    try:
        for attempt in retrying:
            with attempt:
                repo.git.push(url, f"HEAD:refs/heads/{branch}", env=_push_environment())
    except GitCommandError as error:
        PUSH_FAILURES.inc()
        reason = _reason(error)
        logger.error("export push failed, the commit stays local: %s", reason)
        raise PushFailed(reason) from error
    repo.git.update_ref(PUSHED_REF, "HEAD")


def _identity() -> dict[str, str]:
    name, email = settings.EXPORT_GIT_AUTHOR_NAME, settings.EXPORT_GIT_AUTHOR_EMAIL
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def _push_environment() -> dict[str, str]:
    """Never prompt (a worker has no one to answer); send the token as a header."""
    environment = {"GIT_TERMINAL_PROMPT": "0"}
    token = settings.EXPORT_GIT_REMOTE_TOKEN
    if token:
        basic = f"{settings.EXPORT_GIT_REMOTE_USERNAME}:{token}".encode()
        header = "Authorization: Basic " + base64.b64encode(basic).decode()
        # GIT_CONFIG_* set a config value for this command only, out of argv and files.
        environment |= {
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": "http.extraHeader",
            "GIT_CONFIG_VALUE_0": header,
        }
    return environment


def _reason(error: BaseException | None) -> str:
    """Git's own words, without the command line (GitPython redacts URL passwords)."""
    if isinstance(error, GitCommandError):
        return (error.stderr or str(error)).strip().removeprefix("stderr:").strip(" '")
    return str(error)
