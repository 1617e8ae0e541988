"""What the routes load: request bodies, query arguments and forms, checked as they are read."""
from __future__ import annotations

from marshmallow import fields, validate

from chassis.schemas import CommandSchema, Schema
from insights.domain.thresholds import BOUNDS
from insights.service_layer.commands import ChangeThresholds, ConnectOpenAI, ReplaceThresholds


# OpenAI keys: "sk-" then letters, digits, "-" and "_" (project keys are "sk-proj-…").
API_KEY = validate.Regexp(r"^sk-[A-Za-z0-9_-]{16,200}$", error="Not an OpenAI API key (sk-…).")
MODEL = validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$", error="Not a model name.")


class OpenAISettingsIn(CommandSchema):
    command = ConnectOpenAI
    api_key = fields.String(load_default=None, validate=API_KEY, load_only=True)
    model = fields.String(load_default=None, validate=MODEL)


THRESHOLD_MEANINGS = {
    "overdue_days": "days the oldest unpaid invoice is past due before a statement is suggested",
    "statement_quiet_days": "days after a statement went out during which no other is suggested",
    "win_back_months": "months without a completed job before a win-back is suggested",
    "maintenance_due_days": "days ahead a plan's visit counts as due when none is booked",
    "estimate_follow_up_days": "days an estimate waits for an answer before a follow-up is suggested",
    "lead_contact_days": "days a lead goes without contact before a call is suggested",
    "low_rating": "stars at or under which a review asks for a follow-up call",
    "review_follow_up_days": "days a low review keeps asking for the follow-up",
}


def _threshold_field(name: str, required: bool) -> fields.Integer:
    low, high = BOUNDS[name]
    return fields.Integer(required=required, strict=True, validate=validate.Range(min=low, max=high),
                          metadata={"description": f"{THRESHOLD_MEANINGS[name]} ({low}–{high})"})


def _thresholds_schema(name: str, command: type, required: bool) -> type[CommandSchema]:
    """A body of the thresholds, one field per threshold the domain bounds, loaded as ``command``."""
    schema = CommandSchema.from_dict({field: _threshold_field(field, required) for field in BOUNDS}, name=name)
    schema.command = command
    return schema


ThresholdsPatch = _thresholds_schema("ThresholdsPatch", ChangeThresholds, required=False)
ThresholdsIn = _thresholds_schema("ThresholdsIn", ReplaceThresholds, required=True)


class InsightsArgs(Schema):
    ai = fields.String(load_default="wait", validate=validate.OneOf(["wait", "cached"]),
                       metadata={"description": "wait: ask the model when no answer is cached; cached: never wait"})
