"""A small, strict kustomize renderer: exactly the features deploy/k8s uses, so the tests need no binary.

Supported, in kustomize's own order within one kustomization: resources (files and
directories), components, then patches (JSON 6902, inline, with a target of kind / name
regex / label selector), namespace, namePrefix, labels (pairs, includeSelectors,
includeTemplates), images; then references to renamed objects are updated. Last, as
kustomize does, objects annotated `config.kubernetes.io/local-config: "true"` are left out. Any other
kustomization field raises, so nothing is silently ignored. A test compares the result with
`kubectl kustomize` wherever kubectl is installed.
"""

import copy
import re
from pathlib import Path

import yaml

KUSTOMIZATION_FIELDS = {
    "apiVersion", "kind", "resources", "components", "patches", "namespace", "namePrefix",
    "labels", "images",
}
LOCAL_CONFIG = "config.kubernetes.io/local-config"
CLUSTER_SCOPED_KINDS = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
                        "StorageClass", "IngressClass", "CustomResourceDefinition"}
POD_TEMPLATE_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
# Where a label selector lives, per kind (kustomize's commonLabels field specs, trimmed).
SELECTOR_PATHS = {
    "Service": [("spec", "selector")],
    "Deployment": [("spec", "selector", "matchLabels")],
    "StatefulSet": [("spec", "selector", "matchLabels")],
    "DaemonSet": [("spec", "selector", "matchLabels")],
    "ReplicaSet": [("spec", "selector", "matchLabels")],
    "PodDisruptionBudget": [("spec", "selector", "matchLabels")],
}


class UnsupportedKustomization(Exception):
    """The kustomization uses a feature this renderer does not implement."""


def build(directory: Path) -> list[dict]:
    """Render the kustomization in `directory` like `kustomize build` would."""
    resources = _build(Path(directory), expected_kind="Kustomization", accumulated=[])
    return [resource for resource in resources
            if resource["metadata"].get("annotations", {}).get(LOCAL_CONFIG) != "true"]


def _build(directory: Path, expected_kind: str, accumulated: list[dict]) -> list[dict]:
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(kustomization) - KUSTOMIZATION_FIELDS
    if unknown:
        raise UnsupportedKustomization(f"{directory}: {sorted(unknown)}")
    if kustomization.get("kind", "Kustomization") != expected_kind:
        raise UnsupportedKustomization(f"{directory}: expected a {expected_kind}")

    resources = accumulated
    for entry in kustomization.get("resources", []):
        resources.extend(_load_resource(directory / entry))
    for entry in kustomization.get("components", []):
        resources = _build(directory / entry, "Component", resources)

    for patch in kustomization.get("patches", []):
        _apply_patch(resources, patch)
    if "namespace" in kustomization:
        for resource in resources:
            if resource["kind"] not in CLUSTER_SCOPED_KINDS:
                resource["metadata"]["namespace"] = kustomization["namespace"]
    renamed = {}
    if "namePrefix" in kustomization:
        for resource in resources:
            old_name = resource["metadata"]["name"]
            resource["metadata"]["name"] = kustomization["namePrefix"] + old_name
            renamed[(resource["kind"], old_name)] = resource["metadata"]["name"]
    for label_set in kustomization.get("labels", []):
        for resource in resources:
            _add_labels(resource, label_set)
    for image in kustomization.get("images", []):
        for resource in resources:
            _set_image(resource, image)
    for resource in resources:
        _rename_references(resource, renamed)
    return resources


def _load_resource(path: Path) -> list[dict]:
    if path.is_dir():
        return _build(path, expected_kind="Kustomization", accumulated=[])
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


# ------------------------------------------------------------------------- patches

def _apply_patch(resources: list[dict], patch: dict) -> None:
    if set(patch) != {"target", "patch"}:
        raise UnsupportedKustomization(f"only inline JSON 6902 patches with a target: {patch}")
    operations = yaml.safe_load(patch["patch"])
    if not isinstance(operations, list):
        raise UnsupportedKustomization("only JSON 6902 patches (a list of operations)")
    matched = [resource for resource in resources if _matches(resource, patch["target"])]
    if not matched:
        raise UnsupportedKustomization(f"patch target matches nothing: {patch['target']}")
    for resource in matched:
        for operation in operations:
            _apply_operation(resource, operation)


def _matches(resource: dict, target: dict) -> bool:
    unknown = set(target) - {"kind", "name", "labelSelector"}
    if unknown:
        raise UnsupportedKustomization(f"patch target fields {sorted(unknown)}")
    if "kind" in target and resource["kind"] != target["kind"]:
        return False
    if "name" in target and not re.fullmatch(target["name"], resource["metadata"]["name"]):
        return False
    labels = resource["metadata"].get("labels", {})
    for requirement in filter(None, target.get("labelSelector", "").split(",")):
        key, _, value = requirement.partition("=")
        if labels.get(key.strip()) != value.strip():
            return False
    return True


def _apply_operation(document: dict, operation: dict) -> None:
    *parent_path, last = [_unescape(part) for part in operation["path"].split("/")[1:]]
    parent = document
    for part in parent_path:
        parent = parent[int(part)] if isinstance(parent, list) else parent[part]
    op = operation["op"]
    if op in ("add", "replace"):
        value = copy.deepcopy(operation["value"])
        if isinstance(parent, list):
            if last == "-":
                parent.append(value)
            elif op == "add":
                parent.insert(int(last), value)
            else:
                parent[int(last)] = value
        else:
            if op == "replace" and last not in parent:
                raise KeyError(f"replace of missing {operation['path']}")
            parent[last] = value
    elif op == "remove":
        del parent[int(last) if isinstance(parent, list) else last]
    else:
        raise UnsupportedKustomization(f"JSON patch op {op!r}")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


# ------------------------------------------------------------------------- labels, images

def _add_labels(resource: dict, label_set: dict) -> None:
    unknown = set(label_set) - {"pairs", "includeSelectors", "includeTemplates"}
    if unknown:
        raise UnsupportedKustomization(f"labels fields {sorted(unknown)}")
    pairs = label_set["pairs"]
    resource["metadata"].setdefault("labels", {}).update(pairs)
    with_selectors = label_set.get("includeSelectors", False)
    if with_selectors:
        for path in SELECTOR_PATHS.get(resource["kind"], []):
            _dig(resource, path).update(pairs)
    if (with_selectors or label_set.get("includeTemplates")) and resource["kind"] in POD_TEMPLATE_KINDS:
        _dig(resource, ("spec", "template", "metadata", "labels")).update(pairs)


def _dig(document: dict, path: tuple) -> dict:
    for key in path:
        document = document.setdefault(key, {})
    return document


def _set_image(resource: dict, image: dict) -> None:
    if resource["kind"] not in POD_TEMPLATE_KINDS:
        return
    pod = resource["spec"]["template"]["spec"]
    for container in pod.get("containers", []) + pod.get("initContainers", []):
        name, _, tag = container["image"].partition(":")
        if name != image["name"]:
            continue
        new_tag = image.get("newTag", tag)
        container["image"] = image.get("newName", name) + (f":{new_tag}" if new_tag else "")


# ------------------------------------------------------------------------- references

def _rename_references(resource: dict, renamed: dict) -> None:
    """Point references at the new names of objects this kustomization renamed."""
    if not renamed:
        return

    def fix(holder: dict, key: str, kind: str) -> None:
        if holder and (kind, holder.get(key)) in renamed:
            holder[key] = renamed[(kind, holder[key])]

    kind = resource["kind"]
    if kind in POD_TEMPLATE_KINDS:
        pod = resource["spec"]["template"]["spec"]
        for container in pod.get("containers", []) + pod.get("initContainers", []):
            for source in container.get("envFrom", []):
                fix(source.get("configMapRef"), "name", "ConfigMap")
                fix(source.get("secretRef"), "name", "Secret")
            for variable in container.get("env", []):
                value_from = variable.get("valueFrom", {})
                fix(value_from.get("configMapKeyRef"), "name", "ConfigMap")
                fix(value_from.get("secretKeyRef"), "name", "Secret")
        for volume in pod.get("volumes", []):
            fix(volume.get("configMap"), "name", "ConfigMap")
            fix(volume.get("secret"), "secretName", "Secret")
    elif kind == "HorizontalPodAutoscaler":
        target = resource["spec"]["scaleTargetRef"]
        fix(target, "name", target["kind"])
    elif kind == "Ingress":
        for rule in resource["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                fix(path["backend"].get("service"), "name", "Service")
        for tls in resource["spec"].get("tls", []):
            fix(tls, "secretName", "Secret")
