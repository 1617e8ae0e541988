"""The one Dockerfile: a stage per service on the chassis's ports, and wheels that carry everything a service reads."""

import fnmatch
import http.server
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from chassis.settings import SERVICE_PORTS
from fieldwork_processes import SERVICES

PACKAGE_DIRS = {service: ("gateway" if service == "gateway" else f"services/{service}") for service in SERVICES}


@pytest.fixture(scope="module")
def dockerfile(repo) -> str:
    return (repo / "deploy/docker/Dockerfile").read_text()


def instruction(dockerfile: str, name: str) -> list[str]:
    return re.findall(rf"^{name} (.+)$", dockerfile, flags=re.MULTILINE)


def test_one_stage_per_service_listening_on_the_chassis_port(dockerfile):
    stages = dict(re.findall(r"^FROM runtime AS service-(\w+)\nENV PORT=(\d+)\nEXPOSE \2$", dockerfile, re.MULTILINE))
    assert {service: int(port) for service, port in stages.items()} == SERVICE_PORTS
    assert instruction(dockerfile, "FROM")[-1] == "service-${SERVICE} AS final"
    builder_case = re.search(r'case "\$SERVICE" in(.+?)esac', dockerfile, re.DOTALL).group(1)
    assert set(re.findall(r"\b(\w+)\)", builder_case.replace("|", ") "))) - {"unknown"} >= set(SERVICES)


def test_small_non_root_image_running_the_service_script(dockerfile):
    assert "ARG PYTHON_IMAGE=python:3.11-slim" in dockerfile
    assert instruction(dockerfile, "FROM")[:2] == ["${PYTHON_IMAGE} AS builder", "${PYTHON_IMAGE} AS runtime"]
    (user,) = instruction(dockerfile, "USER")
    assert not user.startswith(("0", "root"))
    assert instruction(dockerfile, "ENTRYPOINT") == ['["fieldwork-service"]']
    assert instruction(dockerfile, "CMD") == ['["web"]']
    assert 'ln -s "$(command -v "fieldwork-${SERVICE}")" /usr/local/bin/fieldwork-service' in dockerfile
    # the wheels are bind-mounted from the builder, so they never become an image layer
    assert "--mount=type=bind,from=builder,source=/wheels" in dockerfile
    assert "HEALTHCHECK" in dockerfile


def test_the_builder_can_compile_the_dependencies_published_as_source_only(dockerfile, repo):
    # gunicorn_h1c, gunicorn's C request parser that the chassis requires, comes as an sdist: the slim image has no
    # compiler, and the wheel build would fail in the builder stage, never reaching the compiler-free runtime.
    assert "gunicorn_h1c" in (repo / "chassis/pyproject.toml").read_text()
    builder, runtime = dockerfile.split("AS runtime", 1)
    assert re.search(r"apt-get install -y --no-install-recommends gcc libc6-dev", builder)
    assert "gcc" not in runtime


def test_contracts_are_copied_where_the_environment_says(dockerfile, repo):
    contracts_dir = re.search(r"FIELDWORK_CONTRACTS_DIR=(\S+)", dockerfile).group(1)
    assert f"COPY contracts/events/ {contracts_dir}/" in dockerfile
    assert (repo / "contracts/events/envelope.schema.json").exists()  # what the chassis looks for there


def test_dockerignore_keeps_everything_the_dockerfile_copies(dockerfile, repo):
    ignored = [line for line in (repo / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    sources = [source for line in instruction(dockerfile, "COPY") if "--from" not in line
               for source in line.split()[:-1]]
    for source in sources:
        parts = Path(source.rstrip("/")).parts
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        assert not [pattern for pattern in ignored for prefix in prefixes if fnmatch.fnmatch(prefix, pattern)], source


class _Health(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self):  # noqa: N802 (the http.server hook's name)
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("status, exit_code", [(200, 0), (503, 1)])
def test_healthcheck_passes_only_on_a_healthy_answer(repo, status, exit_code):
    handler = type("Handler", (_Health,), {"status": status})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = subprocess.run([sys.executable, str(repo / "deploy/docker/healthcheck.py")],
                                env={"PORT": str(server.server_port)}, capture_output=True, timeout=10)
    finally:
        server.shutdown()
    assert result.returncode == exit_code


def test_healthcheck_fails_when_nothing_listens(repo):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    port = server.server_port
    server.server_close()
    result = subprocess.run([sys.executable, str(repo / "deploy/docker/healthcheck.py")],
                            env={"PORT": str(port)}, capture_output=True, timeout=10)
    assert result.returncode == 1


@pytest.mark.parametrize("package", ["chassis", *SERVICES])
def test_wheel_carries_the_script_and_every_data_file(repo, tmp_path, package):
    """The image installs wheels, not the source tree: migrations or static files left out would be missing."""
    source = repo / (package if package == "chassis" else PACKAGE_DIRS[package])
    if not (source / "pyproject.toml").exists():
        pytest.skip(f"{source.relative_to(repo)} is not written yet")
    copy = tmp_path / "src"  # building in a copy leaves no build/ or egg-info in the repository
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__", ".*", "tests"))
    data_files = {str(path.relative_to(copy)) for path in copy.rglob("*")
                  if path.is_file() and path.suffix != ".py" and path.parent != copy}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "--quiet", "--wheel-dir", str(tmp_path / "wheels"), str(copy)], check=True, timeout=120)
    (wheel,) = (tmp_path / "wheels").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    if package != "chassis":
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert f"fieldwork-{package} = " in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert data_files - names == set(), "add them to [tool.setuptools.package-data]"
