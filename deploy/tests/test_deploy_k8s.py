"""deploy/k8s: every manifest each overlay renders is valid Kubernetes and runs every Procfile process properly."""

import shutil
import subprocess
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

import kustomize_lite
from fieldwork_processes import DOMAIN_SERVICES, SERVICES

KUBERNETES_VERSION = "1.30"  # the oldest minor version the manifests must work on
TARGETS = ("base", "overlays/dev", "overlays/prod")


@pytest.fixture(scope="module", params=TARGETS)
def rendered(request, repo):
    return kustomize_lite.build(repo / "deploy/k8s" / request.param)


@pytest.fixture(scope="module")
def base_secrets(repo):
    """The Secret templates: what the operator's secret store must provide where they are not shipped."""
    return by_kind(kustomize_lite.build(repo / "deploy/k8s/base"), "Secret")


def by_kind(resources, kind):
    return {resource["metadata"]["name"]: resource for resource in resources if resource["kind"] == kind}


def pod_spec(deployment):
    return deployment["spec"]["template"]["spec"]


@pytest.mark.parametrize("target", TARGETS)
def test_every_resource_is_valid_against_the_kubernetes_schema(repo, target):
    resources = kustomize_lite.build(repo / "deploy/k8s" / target)
    for resource in resources:
        # strict: an unknown or misspelt field is an error, not silently dropped
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (with kustomize built in) is not installed")
@pytest.mark.parametrize("target", TARGETS)
def test_the_renderer_agrees_with_kustomize(repo, target):
    built = subprocess.run(["kubectl", "kustomize", str(repo / "deploy/k8s" / target)],
                           capture_output=True, text=True, check=True).stdout
    keyed = lambda resources: {(r["kind"], r["metadata"]["name"]): r for r in resources}  # noqa: E731
    assert keyed(kustomize_lite.build(repo / "deploy/k8s" / target)) == keyed(yaml.safe_load_all(built))


def test_every_procfile_process_is_a_deployment_running_its_subcommand(rendered, processes):
    deployments = by_kind(rendered, "Deployment")
    for name, (service, subcommand) in processes.items():
        container = pod_spec(deployments[name])["containers"][0]
        assert container["args"] == [subcommand]
        assert container["image"].split(":")[0].endswith(f"fieldwork/{service}")
    assert set(deployments) == set(processes), "a Deployment runs nothing the Procfile knows"


def test_web_deployments_have_probes_resources_a_service_and_an_autoscaler(rendered, processes):
    deployments = by_kind(rendered, "Deployment")
    services = by_kind(rendered, "Service")
    autoscalers = by_kind(rendered, "HorizontalPodAutoscaler")
    web_names = [name for name, (_, subcommand) in processes.items() if subcommand == "web"]
    assert len(web_names) == len(SERVICES)
    for name in web_names:
        container = pod_spec(deployments[name])["containers"][0]
        port_names = {port["name"] for port in container["ports"]}
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert {container["readinessProbe"]["httpGet"]["port"], container["livenessProbe"]["httpGet"]["port"]} <= port_names

        autoscaler = autoscalers[name]
        assert autoscaler["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
        assert 1 <= autoscaler["spec"]["minReplicas"] <= autoscaler["spec"]["maxReplicas"]

        service = services[name]
        pod_labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert service["spec"]["selector"].items() <= pod_labels.items()
        assert {port["targetPort"] for port in service["spec"]["ports"]} <= port_names


def test_every_container_has_resource_requests_and_limits(rendered):
    for name, deployment in by_kind(rendered, "Deployment").items():
        spec = pod_spec(deployment)
        for container in spec["containers"] + spec.get("initContainers", []):
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), f"{name}/{container['name']}"
            assert {"cpu", "memory"} <= set(container["resources"]["limits"]), f"{name}/{container['name']}"


def test_each_deployment_selects_only_its_own_pods(rendered):
    deployments = by_kind(rendered, "Deployment")
    for name, deployment in deployments.items():
        selector = deployment["spec"]["selector"]["matchLabels"].items()
        selected = [other for other, candidate in deployments.items()
                    if selector <= candidate["spec"]["template"]["metadata"]["labels"].items()]
        assert selected == [name]


def test_pods_run_as_non_root_with_a_read_only_root_filesystem(rendered):
    for name, deployment in by_kind(rendered, "Deployment").items():
        spec = pod_spec(deployment)
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        for container in spec["containers"] + spec.get("initContainers", []):
            assert container["securityContext"]["readOnlyRootFilesystem"] is True
            assert container["securityContext"]["allowPrivilegeEscalation"] is False


def test_domain_services_migrate_before_they_start_and_get_only_their_own_secret(rendered, processes, base_secrets):
    deployments = by_kind(rendered, "Deployment")
    for name, (service, _subcommand) in processes.items():
        spec = pod_spec(deployments[name])
        own_secrets = {source["secretRef"]["name"] for source in spec["containers"][0]["envFrom"]
                       if "secretRef" in source} - {"fieldwork-secrets"}
        if service == "gateway":
            assert own_secrets == set() and "initContainers" not in spec
            continue
        assert own_secrets == {f"{service}-secrets"}
        assert f"FIELDWORK_{service.upper()}_DATABASE_URL" in base_secrets[f"{service}-secrets"]["stringData"]
        assert [(c["name"], c["args"], c["image"]) for c in spec["initContainers"]] == \
            [("migrate", ["migrate"], spec["containers"][0]["image"])]


def test_every_referenced_config_and_secret_is_a_template(rendered, base_secrets):
    config_maps = by_kind(rendered, "ConfigMap")
    for deployment in by_kind(rendered, "Deployment").values():
        spec = pod_spec(deployment)
        for container in spec["containers"] + spec.get("initContainers", []):
            for source in container["envFrom"]:
                if "configMapRef" in source:
                    assert source["configMapRef"]["name"] in config_maps
                else:
                    assert source["secretRef"]["name"] in base_secrets


def test_prod_ships_no_placeholder_secret_to_overwrite_the_real_ones(repo, base_secrets):
    assert by_kind(kustomize_lite.build(repo / "deploy/k8s/overlays/prod"), "Secret") == {}
    assert by_kind(kustomize_lite.build(repo / "deploy/k8s/overlays/dev"), "Secret").keys() == base_secrets.keys()


def test_relays_run_two_replicas_for_fail_over_in_base(repo):
    deployments = by_kind(kustomize_lite.build(repo / "deploy/k8s/base"), "Deployment")
    assert {deployments[f"{service}-relay"]["spec"]["replicas"] for service in DOMAIN_SERVICES} == {2}


def test_database_and_broker_are_external_services(rendered, base_secrets):
    services = by_kind(rendered, "Service")
    assert services["postgres"]["spec"]["type"] == services["rabbitmq"]["spec"]["type"] == "ExternalName"
    assert not by_kind(rendered, "StatefulSet"), "PostgreSQL and RabbitMQ are managed, never home-made"
    secrets = base_secrets
    assert urlsplit(secrets["fieldwork-secrets"]["stringData"]["FIELDWORK_BROKER_URL"]).hostname == "rabbitmq"
    for service in DOMAIN_SERVICES:
        url = secrets[f"{service}-secrets"]["stringData"][f"FIELDWORK_{service.upper()}_DATABASE_URL"]
        assert urlsplit(url).hostname == "postgres"


def test_service_urls_and_ingress_point_at_real_services(rendered):
    services = by_kind(rendered, "Service")
    config = by_kind(rendered, "ConfigMap")["fieldwork-config"]["data"]
    for service in DOMAIN_SERVICES:
        url = urlsplit(config[f"FIELDWORK_{service.upper()}_URL"])
        assert url.hostname in services
        assert (url.port or 80) in {port["port"] for port in services[url.hostname]["spec"]["ports"]}
    (ingress,) = by_kind(rendered, "Ingress").values()
    backends = [path["backend"]["service"] for rule in ingress["spec"]["rules"] for path in rule["http"]["paths"]]
    assert backends == [{"name": "gateway-web", "port": {"name": "http"}}]
    assert {p["name"] for p in services["gateway-web"]["spec"]["ports"]} == {"http"}


def test_everything_lives_in_the_fieldwork_namespace(rendered):
    for resource in rendered:
        if resource["kind"] != "Namespace":
            assert resource["metadata"]["namespace"] == "fieldwork", resource["metadata"]["name"]


def test_overlays_pin_image_tags(repo):
    for overlay, registry in (("dev", "fieldwork/"), ("prod", "registry.example.com/fieldwork/")):
        for deployment in by_kind(kustomize_lite.build(repo / f"deploy/k8s/overlays/{overlay}"), "Deployment").values():
            for container in pod_spec(deployment)["containers"] + pod_spec(deployment).get("initContainers", []):
                name, _, tag = container["image"].partition(":")
                assert name.startswith(registry) and tag and tag != "latest", container["image"]


def test_prod_runs_at_least_three_web_pods_per_service(repo):
    autoscalers = by_kind(kustomize_lite.build(repo / "deploy/k8s/overlays/prod"), "HorizontalPodAutoscaler")
    assert {autoscalers[f"{service}-web"]["spec"]["minReplicas"] for service in SERVICES} == {3}
