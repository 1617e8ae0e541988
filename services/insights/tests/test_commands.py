"""The threshold edit command names every threshold, so a new one can be changed by PATCH too."""
from dataclasses import MISSING, fields

from fieldwork_contracts import UNSET

from insights.domain.thresholds import BOUNDS, Thresholds
from chassis.commands import sent
from insights.service_layer.commands import ChangeThresholds, ReplaceThresholds


def test_the_edit_command_has_a_field_for_every_threshold():
    assert [f.name for f in fields(ChangeThresholds)] == [f.name for f in fields(Thresholds)] == list(BOUNDS)


def test_the_replace_command_names_every_threshold_and_needs_each():
    assert [f.name for f in fields(ReplaceThresholds)] == list(BOUNDS)
    assert all(f.default is MISSING for f in fields(ReplaceThresholds))


def test_an_edit_changes_only_the_thresholds_sent():
    assert sent(ChangeThresholds(low_rating=3)) == {"low_rating": 3}
    assert sent(ChangeThresholds()) == {}
    assert ChangeThresholds().overdue_days is UNSET
