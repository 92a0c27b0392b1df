"""Keeping `make run`'s children up: one that dies is restarted, with backoff.

A killed worker must not take the web server down with it; a child that keeps
crashing is retried less and less often instead of in a tight loop.
"""

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .processes import stop_process

FIRST_BACKOFF = 1.0  # seconds before the first restart, doubling
MAX_BACKOFF = 30.0
STABLE_AFTER = 60.0  # a child that ran this long starts again from the first backoff

Spawn = Callable[[list[str]], subprocess.Popen]


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restarts: int = 0
    backoff: float = FIRST_BACKOFF
    restart_at: float | None = None  # set while the child is down


@dataclass
class Supervisor:
    spawn: Spawn
    log: Callable[[str], None] = field(default=lambda line: print(line, flush=True))
    clock: Callable[[], float] = time.monotonic
    first_backoff: float = FIRST_BACKOFF
    max_backoff: float = MAX_BACKOFF
    stable_after: float = STABLE_AFTER
    children: dict[str, Child] = field(default_factory=dict)

    def start(self, name: str, command: list[str]) -> Child:
        child = Child(name, command, backoff=self.first_backoff)
        self.children[name] = child
        self._launch(child)
        return child

    def _launch(self, child: Child) -> None:
        child.process = self.spawn(child.command)
        child.started_at = self.clock()
        child.restart_at = None

    def check(self) -> None:
        """Notice children that exited and restart those whose backoff has passed."""
        now = self.clock()
        for child in self.children.values():
            if child.restart_at is None:
                status = child.process.poll() if child.process else None
                if status is None:
                    continue
                if now - child.started_at >= self.stable_after:
                    child.backoff = self.first_backoff
                child.restart_at = now + child.backoff
                self.log(
                    f"{child.name} exited with status {status}; "
                    f"restarting it in {child.backoff:g} s."
                )
                child.backoff = min(child.backoff * 2, self.max_backoff)
            if now >= child.restart_at:
                self._launch(child)
                child.restarts += 1
                self.log(
                    f"{child.name} restarted (pid {child.process.pid}, restart {child.restarts})."
                )

    def stop_all(self) -> None:
        for child in self.children.values():
            if child.process is not None:
                stop_process(child.process)
