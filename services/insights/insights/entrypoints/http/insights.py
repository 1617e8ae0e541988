"""HTTP: a customer's insight cards, and the account's insight settings."""
from __future__ import annotations

from chassis.api import Blueprint, conflicts
from chassis.db import request_session
from chassis.request_context import actor, adapter, now, principal, runtime
from chassis import stored_parts
from insights.entrypoints.http.schemas.requests import InsightsArgs, OpenAISettingsIn, ThresholdsIn, ThresholdsPatch
from insights.entrypoints.http.schemas.responses import InsightsOut, OpenAICheckOut, OpenAISettingsOut, ThresholdsOut
from insights.service_layer import settings
from insights.service_layer.commands import ChangeThresholds, ConnectOpenAI, ReplaceThresholds
from insights.service_layer.insights import InsightsContext, cached_insights, customer_insights

blp = Blueprint("insights", __name__, description="Insight cards and their settings")


@blp.get("/customers/<uuid:customer_id>/insights", "insights:view", query=InsightsArgs, response=InsightsOut)
def customer_cards(args, customer_id):
    at = now()
    if args["ai"] == "cached":
        # Reads only, so kept in the part store; asking the model (and keeping its answer) is never stored.
        stored = stored_parts.look_up(customer_id, args, now=at)
        if stored.current:
            return stored.answer()
        return stored.keep(InsightsOut, *cached_insights(request_session(), customer_id, now=at))
    ctx = InsightsContext(runtime().database, adapter("secrets"), adapter("openai"))
    return customer_insights(ctx, principal().account_id, customer_id, now=at)


@blp.get("/settings/integrations/openai", "settings:edit", response=OpenAISettingsOut)
def openai_connection():
    return settings.describe_openai(settings.openai_setting(request_session()))


@blp.put("/settings/integrations/openai", "settings:edit", body=OpenAISettingsIn, response=OpenAISettingsOut)
def connect_openai(command: ConnectOpenAI):
    row = settings.connect_openai(request_session(), adapter("secrets"), command, by=actor(), now=now())
    return settings.describe_openai(row)


@blp.delete("/settings/integrations/openai", "settings:edit")
def disconnect_openai():
    settings.disconnect_openai(request_session())


@blp.post("/settings/integrations/openai/check", "settings:edit", response=OpenAICheckOut)
@conflicts
def check_openai():
    """Test the connection: ask the model one small question with the stored key (no customer's data is sent).

    200 with ``ok`` false and the ``reason`` when OpenAI refuses or does not answer; 409 when not connected."""
    return settings.check_connection(runtime().database, principal().account_id, adapter("secrets"),
                                     adapter("openai"), now=now())


@blp.get("/settings/insights", "insights:view", response=ThresholdsOut)
def thresholds():
    return settings.thresholds(request_session()).as_dict()


@blp.patch("/settings/insights", "settings:edit", body=ThresholdsPatch, response=ThresholdsOut)
def change_thresholds(command: ChangeThresholds):
    return settings.change_thresholds(request_session(), command).as_dict()


@blp.put("/settings/insights", "settings:edit", body=ThresholdsIn, response=ThresholdsOut)
def replace_thresholds(command: ReplaceThresholds):
    """Every threshold at once; each is checked against its bounds (422 names the fields out of them)."""
    return settings.replace_thresholds(request_session(), command).as_dict()
