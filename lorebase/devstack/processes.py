"""Stopping child process groups without leaving orphans."""

import os
import signal
import subprocess
from contextlib import suppress


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
