"""Stopping child process groups without leaving orphans."""

import os
import signal
import subprocess


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM the child's whole process group, then SIGKILL what remains."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout)
    except ProcessLookupError:
        process.wait(timeout)
