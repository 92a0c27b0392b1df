"""Starting Celery processes of this project and stopping child process groups
without leaving orphans."""

import os
import signal
import subprocess
import sys
from contextlib import suppress


def celery_command(*arguments: str) -> list[str]:
    """The command line of a Celery process (worker, beat, inspect) of this project's app."""
    return [sys.executable, "-m", "celery", "-A", "config", *arguments]


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM the child's whole process group, then SIGKILL whatever remains of it.

    The SIGKILL goes to the group even when the leader exited in time: pool
    children (Celery's prefork, the JVM's helpers) can outlive their parent.
    """
    with suppress(ProcessLookupError):  # nobody left in the group
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout)
