"""docker-compose.yml: valid against the Compose specification, and it runs every Procfile process the right way."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from sqlalchemy.engine import make_url

from fieldwork_processes import DOMAIN_SERVICES

SCHEMA = Path(__file__).parent / "schemas" / "compose-spec.json"
INFRASTRUCTURE = ("postgres", "rabbitmq")


@pytest.fixture(scope="module")
def compose(repo):
    return yaml.safe_load((repo / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def test_file_is_valid_against_the_compose_specification(compose):
    schema = json.loads(SCHEMA.read_text())
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(compose), key=str)
    assert errors == []


def test_every_procfile_process_runs_from_its_service_image(services, processes):
    for name, (service, subcommand) in processes.items():
        assert name in services, f"{name} is in the Procfile but not in docker-compose.yml"
        container = services[name]
        assert container["build"]["args"]["SERVICE"] == service
        assert container["image"].startswith(f"fieldwork/{service}:")
        assert container["command"] == subcommand


def test_nothing_runs_that_the_procfile_does_not(services, processes):
    extra = set(services) - set(processes) - {*INFRASTRUCTURE, "mailpit"}
    assert extra == set()


def test_infrastructure_has_health_checks_and_named_volumes(compose, services):
    assert services["postgres"]["image"] == "postgres:15"
    assert services["rabbitmq"]["image"] == "rabbitmq:3.10-management"
    for name in INFRASTRUCTURE:
        assert services[name]["healthcheck"]["test"]
        volume_names = {mount.split(":")[0] for mount in services[name]["volumes"]}
        assert volume_names & set(compose["volumes"]), f"{name} keeps its data in no named volume"


def test_processes_wait_for_healthy_dependencies_and_restart(services, processes):
    for name in processes:
        container = services[name]
        assert container["restart"] in ("unless-stopped", "always", "on-failure")
        conditions = {dependency: spec["condition"] for dependency, spec in container["depends_on"].items()}
        if name != "gateway-web":
            assert conditions["postgres"] == conditions["rabbitmq"] == "service_healthy"
        service, subcommand = processes[name]
        if subcommand != "web":
            # Relays, consumers and workers start once their web has migrated the database.
            assert conditions[f"{service}-web"] == "service_healthy"
    assert services["gateway-web"]["depends_on"]["customers-web"]["condition"] == "service_healthy"


def test_only_web_processes_keep_the_image_health_check(services, processes):
    for name, (_service, subcommand) in processes.items():
        disabled = services[name].get("healthcheck", {}).get("disable", False)
        assert disabled == (subcommand != "web"), name


def test_gateway_is_published_on_8080(services):
    assert "8080:8080" in services["gateway-web"]["ports"]
    published = [name for name, spec in services.items()
                 if any(not str(port).startswith("127.0.0.1:") for port in spec.get("ports", []))]
    assert published == ["gateway-web"], "only the gateway may listen beyond this host"


def test_each_service_gets_only_its_own_database(services, processes):
    for name, (service, _subcommand) in processes.items():
        environment = services[name]["environment"]
        database_urls = {key for key in environment if key.endswith("_DATABASE_URL")}
        expected = set() if service == "gateway" else {f"FIELDWORK_{service.upper()}_DATABASE_URL"}
        assert database_urls == expected, name


def test_service_urls_name_the_web_containers_on_their_ports(services, repo):
    environment = services["gateway-web"]["environment"]
    dockerfile = (repo / "deploy/docker/Dockerfile").read_text()
    for service in DOMAIN_SERVICES:
        url = urlsplit(environment[f"FIELDWORK_{service.upper()}_URL"])
        assert url.hostname == f"{service}-web"
        stage = re.search(rf"AS service-{service}\nENV PORT=(\d+)", dockerfile)
        assert int(stage.group(1)) == url.port, f"{service}: URL port differs from the image's PORT"


def test_init_script_creates_every_database_the_services_use(services, repo):
    script = (repo / "deploy/docker/postgres-init.sql").read_text()
    created = dict(re.findall(r"CREATE DATABASE (\w+) OWNER (\w+);", script))
    passwords = dict(re.findall(r"CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)';", script))
    for service in DOMAIN_SERVICES:
        url = make_url(services[f"{service}-web"]["environment"][f"FIELDWORK_{service.upper()}_DATABASE_URL"])
        assert url.host == "postgres"
        assert created[url.database] == url.username
        assert passwords[url.username] == url.password
    assert services["postgres"]["volumes"][1].startswith("./deploy/docker/postgres-init.sql:/docker-entrypoint-initdb.d/")
