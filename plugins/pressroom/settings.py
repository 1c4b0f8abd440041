"""Typed settings: defaults in code, overridable by PRESSROOM_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str) -> str:
    return os.environ.get(f"PRESSROOM_{name}", default)


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one pressroom installation."""

    project_root: Path = PROJECT_ROOT
    var_dir: Path = field(default_factory=lambda: Path(_env("VAR_DIR", str(PROJECT_ROOT / "var"))))
    # A DSN here replaces the embedded Postgres entirely.
    database_url: str | None = field(default_factory=lambda: os.environ.get("PRESSROOM_DATABASE_URL") or None)
    sources_file: Path = field(
        default_factory=lambda: Path(_env("SOURCES_FILE", str(Path(__file__).with_name("sources.yaml"))))
    )
    sql_dir: Path = field(default_factory=lambda: Path(_env("SQL_DIR", str(PROJECT_ROOT / "sql"))))
    # Document versions per mapped extract/normalise task instance in the ingest DAG.
    batch_size: int = field(default_factory=lambda: int(_env("BATCH_SIZE", "100")))

    # --- alerts (Airflow failure notifier; off while alert_email is empty) ---
    # Comma-separated recipients of one e-mail per failed task (after its retries).
    alert_email: str = field(default_factory=lambda: _env("ALERT_EMAIL", ""))
    alert_from: str = field(default_factory=lambda: _env("ALERT_FROM", "pressroom@localhost"))
    # The Airflow SMTP Connection (host, port, login, extras such as disable_tls) the alerts go through.
    alert_smtp_conn_id: str = field(default_factory=lambda: _env("ALERT_SMTP_CONN_ID", "smtp_default"))

    # --- fetch ---
    # "local": per-host delay/concurrency held in one process; "postgres": held across workers in the warehouse.
    host_limiter: str = field(default_factory=lambda: _env("HOST_LIMITER", "local"))
    user_agent: str = field(
        default_factory=lambda: _env("USER_AGENT", "pressroom/0.1 (+{contact})")
    )
    contact: str = field(default_factory=lambda: _env("CONTACT", "https://example.org/pressroom-contact"))
    connect_timeout: float = field(default_factory=lambda: float(_env("CONNECT_TIMEOUT", "10")))
    read_timeout: float = field(default_factory=lambda: float(_env("READ_TIMEOUT", "30")))
    max_body_bytes: int = field(default_factory=lambda: int(_env("MAX_BODY_BYTES", str(10 * 1024 * 1024))))
    max_retries: int = field(default_factory=lambda: int(_env("MAX_RETRIES", "3")))
    # Comma-separated hosts (host or host:port) that may resolve to private/loopback addresses (tests).
    allow_private_hosts: tuple[str, ...] = field(
        default_factory=lambda: tuple(h for h in _env("ALLOW_PRIVATE_HOSTS", "").split(",") if h)
    )
    # Total wall time for one try (connect + all redirect hops + body); read_timeout is per socket read.
    total_timeout: float = field(default_factory=lambda: float(_env("TOTAL_TIMEOUT", "60")))
    max_redirects: int = field(default_factory=lambda: int(_env("MAX_REDIRECTS", "5")))
    # Retry back-off: base * 2**(try-1) seconds, capped, with jitter; Retry-After is honoured up to
    # retry_after_max (longer → give up, recording http_429/http_5xx); one get() waits ≤ max_retry_wait.
    backoff_base: float = field(default_factory=lambda: float(_env("BACKOFF_BASE", "1")))
    backoff_max: float = field(default_factory=lambda: float(_env("BACKOFF_MAX", "30")))
    retry_after_max: float = field(default_factory=lambda: float(_env("RETRY_AFTER_MAX", "120")))
    max_retry_wait: float = field(default_factory=lambda: float(_env("MAX_RETRY_WAIT", "300")))
    # Seconds between requests to one host when no source says otherwise (robots Crawl-delay may raise it).
    default_delay: float = field(default_factory=lambda: float(_env("DEFAULT_DELAY", "1")))
    robots_ttl: float = field(default_factory=lambda: float(_env("ROBOTS_TTL", "86400")))

    @property
    def pg_dir(self) -> Path:
        return self.var_dir / "pg"

    @property
    def resolved_user_agent(self) -> str:
        return self.user_agent.format(contact=self.contact)


def get_settings() -> Settings:
    """Settings read from the environment now (cheap; call where needed rather than caching globally)."""
    return Settings()
