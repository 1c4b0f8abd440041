"""A source at an unreachable address: its discover task fails (red), the run fails, and Airflow's
SmtpNotifier sends exactly one message naming the source and the error to a local SMTP server (aiosmtpd)."""

from datetime import UTC, datetime
from email import message_from_bytes, policy

import pytest
import yaml

from pressroom.embedded_pg import free_port


class Inbox:
    """aiosmtpd handler keeping every message received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp_inbox(monkeypatch):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setenv("AIRFLOW_CONN_PRESSROOM_SMTP", f"smtp://127.0.0.1:{controller.port}"
                                                      "?disable_ssl=true&disable_tls=true&retry_limit=0&timeout=10")
    monkeypatch.setenv("PRESSROOM_ALERT_SMTP_CONN_ID", "pressroom_smtp")
    monkeypatch.setenv("PRESSROOM_ALERT_EMAIL", "ops@example.org")
    yield inbox
    controller.stop()


@pytest.fixture
def dead_source(tmp_path, monkeypatch, warehouse):
    dead = f"127.0.0.1:{free_port()}"
    sources = {"sources": [{"name": "dead_feed", "kind": "rss", "start_urls": [f"http://{dead}/rss"],
                            "allow_private": True, "delay": 0}]}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources))
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", warehouse)
    monkeypatch.setenv("PRESSROOM_ALLOW_PRIVATE_HOSTS", dead)
    monkeypatch.setenv("PRESSROOM_MAX_RETRIES", "0")
    return warehouse


def test_dead_source_fails_discover_and_sends_one_alert(airflow_db, smtp_inbox, dead_source, dagbag):
    from airflow.sdk import DagRunState

    dag = dagbag.get_dag("press_ingest_dead_feed")
    for task in dag.tasks:
        task.retries = 0  # the task's retries are Airflow's business; here the final failure matters
    logical_date = datetime(2026, 11, 1, tzinfo=UTC)
    run = dag.test(logical_date=logical_date, run_after=logical_date)
    assert run.state == DagRunState.FAILED
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states["discover"] == "failed"
    assert len(smtp_inbox.messages) == 1, [m["Subject"] for m in smtp_inbox.messages]
    message = smtp_inbox.messages[0]
    assert message["To"] == "ops@example.org"
    assert "source dead_feed" in message["Subject"] and "discover" in message["Subject"]
    body = message.get_body(("html", "plain")).get_content()
    assert "connection_error" in body and "dead_feed" in body
