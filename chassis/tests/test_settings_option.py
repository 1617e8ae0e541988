"""A service's own settings are read one way: what the composition root or a test gives, else the environment."""
from chassis.settings import Settings


def _settings(**extra) -> Settings:
    return Settings.from_env("toy", uses_database=False).with_(extra=extra)


def test_extra_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("FIELDWORK_TOY_COLOUR", "red")
    assert _settings(colour="blue").option("colour", "FIELDWORK_TOY_COLOUR", "green") == "blue"


def test_the_environment_wins_over_the_default(monkeypatch):
    monkeypatch.setenv("FIELDWORK_TOY_COLOUR", "red")
    assert _settings().option("colour", "FIELDWORK_TOY_COLOUR", "green") == "red"


def test_an_empty_variable_is_not_set(monkeypatch):
    monkeypatch.setenv("FIELDWORK_TOY_COLOUR", "")
    assert _settings().option("colour", "FIELDWORK_TOY_COLOUR", "green") == "green"


def test_a_number_given_in_extra_reads_as_text():
    assert _settings(port=1025).option("port", "FIELDWORK_TOY_PORT") == "1025"
