import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { PlanForm } from "./plan-form";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile: Profile = {
  id: "c-1", display_name: "Ada Lovelace",
  properties: [{ id: "p-2", line1: "2 Side St", is_primary: false }, { id: "p-1", line1: "1 Main St", city: "Springfield", is_primary: true }],
};

describe("PlanForm", () => {
  it("sends the recurrence as an RRULE, the price in cents and the first visit as an instant", async () => {
    const requests = answerRequests({ status: 201, body: { id: "pl-1", name: "Quarterly pest control" } });
    const onSaved = vi.fn();
    renderWithApp(<PlanForm profile={profile} onSaved={onSaved} onCancel={vi.fn()} />);
    await fill("Plan name *", "Quarterly pest control");
    await fill("Price per visit *", "89.90");
    await fill("First visit *", "2031-05-06");
    expect(screen.getByLabelText("Schedule in words")).toHaveTextContent("Every 13 weeks on Tuesday");
    await userEvent.click(screen.getByRole("button", { name: "Create plan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "pl-1", name: "Quarterly pest control" }, true));
    expect(requests[0]).toMatchObject({ method: "POST", body: {
      customer_id: "c-1", name: "Quarterly pest control", property_id: "p-1", price_per_visit_cents: 8990,
      rrule: "FREQ=WEEKLY;INTERVAL=13", starts_at: new Date("2031-05-06T09:00:00").toISOString(), status: "active", visit_minutes: 60,
    } });
  });

  it("checks the price before sending, and shows the API's refusal under the field it names", async () => {
    const requests = answerRequests({ status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.", fields: { rrule: ["Visits may recur daily, weekly, monthly or yearly."] },
    } } });
    renderWithApp(<PlanForm profile={profile} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Plan name *", "Filters");
    await fill("Price per visit *", "12.345");
    await fill("First visit *", "2031-05-06");
    await userEvent.click(screen.getByRole("button", { name: "Create plan" }));
    expect(await screen.findByText("Enter the price of one visit, e.g. 89.00.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await fill("Price per visit *", "12.34");
    await userEvent.click(screen.getByRole("button", { name: "Create plan" }));
    await waitFor(() => expect(screen.getByLabelText("Repeats")).toHaveAccessibleDescription(expect.stringContaining("weekly, monthly or yearly")));
  });

  it("sends only what changed, and keeps a rule the form cannot make", async () => {
    const plan = { id: "pl-9", name: "Tune-up", rrule: "FREQ=WEEKLY;BYDAY=MO,TH", starts_at: "2031-05-05T16:00:00Z",
      price_per_visit_cents: 4500, property_id: "p-2", service_type: null, visit_minutes: 60, status: "active" };
    const requests = answerRequests({ status: 200, body: { ...plan, price_per_visit_cents: 5000 } });
    const onSaved = vi.fn();
    renderWithApp(<PlanForm profile={profile} plan={plan} onSaved={onSaved} onCancel={vi.fn()} />);
    expect(screen.getByLabelText("Price per visit *")).toHaveValue("45.00");
    expect(screen.getByLabelText("Schedule in words")).toHaveTextContent("Every week on Monday and Thursday");
    await fill("Price per visit *", "50");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[0]).toMatchObject({ method: "PATCH", url: expect.stringContaining("/api/plans/pl-9") });
    expect(requests[0].body).toEqual({ price_per_visit_cents: 5000 });
  });
});
