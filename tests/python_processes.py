"""`python -m MODULE ARGS` processes whose imports are already done: forked from a process that
has imported planner, the web application and the reminder service once per test session.

A new Python process spends about a second importing them before a server answers; these
processes are still separate processes, with their own environment, signals and exit status.
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

_FORKS = multiprocessing.get_context("forkserver")
# The container imports the web application and the e-mail adapters only when it builds them
# (so `planner --help` is quick): name them here, so the forked servers find them imported.
_FORKS.set_forkserver_preload(
    [
        "planner.bootstrap.command_line",
        "planner.bootstrap.web_server",
        "planner.bootstrap.settings",
        "planner.bootstrap.store",
        "api.app",
        "api.imports",
        "api.reports",
        "api.scoring",
        "notifications.composer",
        "notifications.mailer",
        "notifications.scheduler",
        "tests.python_processes",
    ]
)


class PythonProcess:
    """What the tests use of subprocess.Popen, for a process whose output goes to a log file."""

    def __init__(self, module: str, args: list[str], env: Mapping[str, str], log: Path) -> None:
        self.args = [module, *args]
        self.log = log
        log.write_bytes(b"")  # there from the start, as a file a shell redirects output to
        self._process = _FORKS.Process(target=_run, args=(module, args, dict(env), str(log)))
        self._process.start()

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def terminate(self) -> None:
        self._process.terminate()

    def send_signal(self, signal: int) -> None:
        assert self._process.pid is not None
        os.kill(self._process.pid, signal)

    def kill(self) -> None:
        self._process.kill()

    def wait(self, timeout: float) -> int:
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(self.args, timeout)
        return self._process.exitcode

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def _run(module: str, args: list[str], env: dict[str, str], log: str) -> None:
    """In the forked process: its environment, no input (as under systemd), output to LOG,
    then the module as __main__."""
    os.environ.clear()
    os.environ.update(env)
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.close(nothing)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process's own standard input
    output = os.open(log, os.O_WRONLY | os.O_APPEND)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.close(output)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
