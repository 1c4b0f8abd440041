"""docker-compose.yml checked without a docker engine: services, image, executor, health checks, start-up
order, commands against the real CLIs, and every variable against the code, Airflow's config and .env.example."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
AIRFLOW_SERVICES = {"airflow-apiserver": ["api-server"], "airflow-scheduler": ["scheduler"],
                    "airflow-dag-processor": ["dag-processor"], "airflow-triggerer": ["triggerer"],
                    "airflow-worker": ["celery", "worker"]}
DATABASES = ("airflow-db", "warehouse")
DASHBOARD = "dashboard"
LONG_RUNNING = (*AIRFLOW_SERVICES, *DATABASES, "redis", DASHBOARD)
VAR = re.compile(r"(?<!\$)\$\{([A-Z0-9_]+)(?::?-[^}]*)?\}")
# What the Airflow CLI and config declare, asked from a throwaway AIRFLOW_HOME (one interpreter start).
AIRFLOW_FACTS = """
import argparse, json
from airflow.cli.cli_parser import get_parser
from airflow.configuration import conf

def commands(parser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield " ".join(prefix + (name,))
                yield from commands(sub, prefix + (name,))

options = {s: sorted(d["options"]) for s, d in conf.configuration_description.items()}
print(json.dumps({"commands": sorted(commands(get_parser())), "options": options}))
"""


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def airflow_facts(tmp_path_factory) -> dict:
    env = {**os.environ, "AIRFLOW_HOME": str(tmp_path_factory.mktemp("airflow-home"))}
    proc = subprocess.run([sys.executable, "-c", AIRFLOW_FACTS], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def environment(service: dict) -> dict[str, str]:
    return {k: str(v) for k, v in service.get("environment", {}).items()}


def test_services_and_the_image_the_dockerfile_builds(services):
    assert set(services) == {*LONG_RUNNING, "airflow-init"}
    lock_pin = re.search(r"^apache-airflow==(\S+)$", (REPO / "requirements.lock").read_text(), re.M).group(1)
    dockerfile = (REPO / "Dockerfile").read_text()
    assert f"FROM apache/airflow:{lock_pin}-python3.11" in dockerfile, "the image matches the locked Airflow"
    assert "-r /opt/pressroom/requirements.lock" in dockerfile and "--no-deps -e /opt/pressroom" in dockerfile
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in dockerfile + str(services)
    for name in (*AIRFLOW_SERVICES, "airflow-init"):
        assert services[name]["build"] == "."
        assert ".:/opt/pressroom" in services[name]["volumes"], f"{name} mounts the project"
    assert {services[name]["image"].split(":")[0] for name in DATABASES} == {"postgres"}
    assert services["redis"]["image"].startswith("redis:")


def test_dashboard_service_is_make_dashboard_in_its_own_image(services):
    dashboard = services[DASHBOARD]
    dockerfile = (REPO / dashboard["build"]["dockerfile"]).read_text()
    assert dashboard["build"]["context"] == "."
    assert "FROM python:3.11" in dockerfile, "the Python the lock was compiled for"
    assert "--compile-bytecode /opt/pressroom/dashboard/requirements.lock" in dockerfile
    assert "--no-deps -e /opt/pressroom" in dockerfile
    superset_pin = re.search(r"^apache-superset==(\S+)$", (REPO / "dashboard/requirements.lock").read_text(), re.M)
    assert dashboard["image"] == f"pressroom-dashboard:{superset_pin.group(1)}"
    env = environment(dashboard)
    assert env["PRESSROOM_DATABASE_URL"] == environment(services["airflow-worker"])["PRESSROOM_DATABASE_URL"]
    assert ".:/opt/pressroom" in dashboard["volumes"]
    assert any(v.endswith(":" + env["PRESSROOM_VAR_DIR"]) for v in dashboard["volumes"]), "state on a volume"
    assert all(port.startswith("127.0.0.1:") for port in dashboard["ports"]), "published on loopback only"
    container_port = dashboard["ports"][0].rsplit(":", 1)[1]
    command = dashboard["command"]
    assert command[0] == "pressroom" and command[command.index("--port") + 1] == container_port
    assert f"localhost:{container_port}/health" in " ".join(dashboard["healthcheck"]["test"])
    assert dashboard["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully", \
        "the warehouse is migrated (roles included) first"
    from pressroom.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([*command[1:], "--help"])
    assert exit_info.value.code == 0, f"`{' '.join(command)}` parses"


def test_celery_executor_on_redis_with_separate_metadata_and_warehouse(services):
    for name in (*AIRFLOW_SERVICES, "airflow-init"):
        env = environment(services[name])
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://") and "@redis:6379/" in env[
            "AIRFLOW__CELERY__BROKER_URL"]
        assert "@airflow-db:5432/airflow" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
        assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql://")
        assert "@warehouse:5432/pressroom" in env["PRESSROOM_DATABASE_URL"]
        assert env["AIRFLOW_CONN_PRESSROOM_WAREHOUSE"] == env["PRESSROOM_DATABASE_URL"]
        assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
        for key in ("AIRFLOW__CORE__DAGS_FOLDER", "AIRFLOW__CORE__PLUGINS_FOLDER"):
            path = env[key].removeprefix("/opt/pressroom/")
            assert (REPO / path).is_dir(), f"{key} points into the mounted project: {env[key]}"
    assert services["airflow-worker"]["deploy"]["replicas"] >= 2


def test_warehouse_connection_id_is_the_one_the_tasks_read(services):
    from pressroom.airflow_tasks import WAREHOUSE_CONN_ID

    conn_vars = {k for k in environment(services["airflow-worker"]) if k.startswith("AIRFLOW_CONN_")}
    assert conn_vars == {f"AIRFLOW_CONN_{WAREHOUSE_CONN_ID.upper()}"}


def test_health_checks_and_start_up_order(services):
    for name in LONG_RUNNING:
        assert services[name]["healthcheck"]["test"], f"{name} has a health check"
        assert services[name]["restart"] == "always"
    init_deps = services["airflow-init"]["depends_on"]
    assert {name: dep["condition"] for name, dep in init_deps.items()} == {
        "airflow-db": "service_healthy", "warehouse": "service_healthy", "redis": "service_healthy"}
    for name in AIRFLOW_SERVICES:
        assert services[name]["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"
    assert services["airflow-worker"]["depends_on"]["airflow-apiserver"]["condition"] == "service_healthy", \
        "workers need the Execution API"
    scheduler_env = environment(services["airflow-scheduler"])
    assert scheduler_env["AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK"] == "True", "port 8974 answers /health"


def test_commands_are_real_cli_subcommands(services, airflow_facts):
    for name, command in AIRFLOW_SERVICES.items():
        assert services[name]["command"] == command
        assert " ".join(command) in airflow_facts["commands"]
    for name in ("airflow-dag-processor", "airflow-triggerer"):
        check = services[name]["healthcheck"]["test"][1]
        assert check.startswith("airflow jobs check") and "jobs check" in airflow_facts["commands"]
    init = services["airflow-init"]
    script = REPO / init["command"][0].removeprefix("/opt/pressroom/")
    assert init["entrypoint"] == "/bin/bash" and script.is_file()
    steps = [line.split() for line in script.read_text().splitlines() if line.split()[:1] in (["airflow"],
                                                                                             ["pressroom"])]
    assert [s[0] for s in steps] == ["airflow", "pressroom"], "init migrates Airflow, then the warehouse"
    assert " ".join(steps[0][1:]) in airflow_facts["commands"]
    from pressroom.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([*steps[1][1:], "--help"])
    assert exit_info.value.code == 0, f"`pressroom {' '.join(steps[1][1:])}` exists"


def test_airflow_settings_exist_in_airflow_config(services, airflow_facts):
    for name, service in services.items():
        for key in environment(service):
            match = re.match(r"^AIRFLOW__([A-Z0-9_]+?)__([A-Z0-9_]+)$", key)
            if match:
                section, option = match.group(1).lower(), match.group(2).lower()
                assert option in airflow_facts["options"].get(section, []), f"{name}: {key} is no Airflow option"


def test_pressroom_settings_exist_in_the_code(services):
    code = "\n".join(p.read_text() for p in (REPO / "plugins" / "pressroom").rglob("*.py"))
    for name, service in services.items():
        for key in environment(service):
            if key.startswith("PRESSROOM_"):
                short = key.removeprefix("PRESSROOM_")
                assert f'"{key}"' in code or f'_env("{short}"' in code, f"{name}: {key} is read nowhere"


def test_env_example_covers_every_variable():
    used = set(VAR.findall((REPO / "docker-compose.yml").read_text()))
    example = (REPO / ".env.example").read_text()
    defined = set(re.findall(r"^([A-Z0-9_]+)=", example, re.M))
    assert used - defined == set(), f"missing from .env.example: {sorted(used - defined)}"
    assert defined - used == set(), f".env.example defines unused variables: {sorted(defined - used)}"
    assert ".env" in (REPO / ".gitignore").read_text().split(), "secrets stay out of git"
