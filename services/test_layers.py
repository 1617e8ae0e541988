"""The layers' import rules, written once in the repository's .importlinter and checked with import-linter:
below the entry points (domain/, service_layer/, adapters/) no module imports Flask, werkzeug or the chassis's
HTTP error envelope; each service's layers import downward only (entrypoints, service_layer, adapters, domain),
and the gateway's (entrypoints, composition, upstream); and no service imports another's package, nor the
gateway a service's."""
import configparser
from pathlib import Path

from importlinter import configuration
from importlinter.application import use_cases

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".importlinter"
LAYERS = ("domain", "service_layer", "adapters")
SERVICES = sorted(path.parent.name for path in ROOT.glob("services/*/pyproject.toml"))


def test_the_layers_keep_their_import_rules(monkeypatch, tmp_path, capsys):
    # Run from elsewhere: from the root, its folders (chassis/, gateway/) would be found as namespace packages
    # in place of the installed ones. The use case, not importlinter.cli.lint_imports: that one reconfigures
    # logging (disabling every logger already made) and puts the working directory on sys.path for good.
    monkeypatch.chdir(tmp_path)
    configuration.configure()
    assert use_cases.lint_imports(str(CONFIG), cache_dir=None, no_logo=True), capsys.readouterr().out


def test_every_service_and_each_of_its_layers_is_under_the_rules():
    config = configparser.ConfigParser()
    config.read(CONFIG)
    sources = config["importlinter:contract:below-the-entrypoints"]["source_modules"].split()
    assert sorted(sources) == sorted(f"{service}.{layer}" for service in SERVICES for layer in LAYERS)
    assert sorted(config["importlinter:contract:services-apart"]["modules"].split()) == sorted([*SERVICES, "gateway"])
    assert sorted(config["importlinter:contract:layers-downward"]["containers"].split()) == SERVICES
    assert config["importlinter:contract:gateway-layers"]["layers"].split() == ["entrypoints", "composition", "upstream"]
