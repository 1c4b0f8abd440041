"""Long-running test processes (Airflow components, Redis): spawn each in its own process group with a log
file, wait for conditions with a timeout, stop every group. Shared by the Celery and LocalExecutor tests."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class ClusterError(RuntimeError):
    """A component did not start, or a wait ran out."""


def wait_until(condition: Callable[[], object], timeout: float, what: str, interval: float = 0.5):
    """Poll `condition` until it returns a truthy value; ClusterError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise ClusterError(f"timed out after {timeout:.0f}s waiting for {what}")


@dataclass
class Component:
    name: str
    process: subprocess.Popen
    log: Path


@dataclass
class ProcessGroup:
    """Components started under `workdir` with `env`; `stop()` ends every one of them."""

    workdir: Path
    env: dict[str, str]
    cwd: Path
    components: list[Component] = field(default_factory=list)

    def spawn(self, name: str, *argv: str) -> Component:
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(argv, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, cwd=self.cwd, start_new_session=True)
        component = Component(name, process, log)
        self.components.append(component)
        return component

    def stop(self) -> None:
        """SIGTERM every process group, SIGKILL what is left after 15 s."""
        for component in self.components:
            _signal_group(component.process, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for component in self.components:
            try:
                component.process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(component.process, signal.SIGKILL)
            component.process.wait(5)

    def check_alive(self) -> None:
        """ClusterError naming the first component that exited."""
        for component in self.components:
            if component.process.poll() is not None:
                raise ClusterError(f"{component.name} exited with {component.process.returncode}")

    def logs(self, lines: int = 40) -> str:
        """The tail of every component's log and of every task log, for a failure message."""
        named = [(f"{c.name} (exit {c.process.poll()})", c.log) for c in self.components]
        named += [(str(p.relative_to(self.workdir)), p) for p in sorted(self.workdir.glob("**/logs/**/*.log"))]
        parts = []
        for name, path in named:
            text = path.read_text(errors="replace").splitlines() if path.exists() else []
            parts.append(f"----- {name} -----\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)


def _signal_group(process: subprocess.Popen, sig: int) -> None:
    """Signal the process group the component leads (its children outlive it otherwise)."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
