import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { JobForm } from "./job-form";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile: Profile = {
  id: "c-1", display_name: "Ada Lovelace",
  properties: [{ id: "p-2", line1: "2 Side St", is_primary: false }, { id: "p-1", line1: "1 Main St", city: "Springfield", is_primary: true }],
};
const technicians = { status: 200, body: { items: [{ id: "t-1", name: "Tess Tech", active: true }] } };

describe("JobForm", () => {
  it("opens pre-filled with the draft and the primary property, and books the window it shows", async () => {
    const requests = answerRequests(technicians, { status: 201, body: { id: "j-1", number: "J-1001" } });
    const onSaved = vi.fn();
    renderWithApp(<JobForm profile={profile} draft={{ form: "schedule", title: "Tune-up plan visit", date: "2031-05-06", minutes: 90 }}
      onSaved={onSaved} onCancel={vi.fn()} />);
    expect(screen.getByLabelText(/Title/)).toHaveValue("Tune-up plan visit");
    expect(screen.getByLabelText(/^Day/)).toHaveValue("2031-05-06");
    expect(screen.getByDisplayValue("1 Main St, Springfield")).toBeInTheDocument();
    expect(screen.getByLabelText("To")).toHaveValue("10:30");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "j-1", number: "J-1001" }));
    expect(requests[1]).toMatchObject({ method: "POST", body: {
      customer_id: "c-1", title: "Tune-up plan visit", property_id: "p-1", status: "scheduled",
      scheduled_start: new Date("2031-05-06T09:00:00").toISOString(), scheduled_end: new Date("2031-05-06T10:30:00").toISOString(),
    } });
  });

  it("needs a day to schedule, and shows the API's refusal under the field it names", async () => {
    const requests = answerRequests(technicians, { status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.", fields: { scheduled_end: ["Must be after the start."] },
    } } });
    renderWithApp(<JobForm profile={profile} draft={{ form: "schedule" }} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Title *", "Leak");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(await screen.findByText("Pick the day of the visit.")).toBeInTheDocument();
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);
    await fill("Day *", "2031-05-06");
    await userEvent.click(screen.getByRole("button", { name: "Schedule" }));
    await waitFor(() => expect(screen.getByLabelText("To")).toHaveAccessibleDescription(expect.stringContaining("Must be after the start.")));
  });

  it("asks for an override reason when the customer is flagged do-not-service, and sends it", async () => {
    const requests = answerRequests(technicians,
      { status: 409, body: { error: { code: "conflict", message: "This customer is flagged do-not-service: unpaid. New work needs an override with its own reason (do_not_service_override)." } } },
      { status: 201, body: { id: "j-2", number: "J-1002" } });
    const onSaved = vi.fn();
    renderWithApp(<JobForm profile={profile} draft={{ form: "job", title: "Leak" }} onSaved={onSaved} onCancel={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Create job" }));
    expect(await screen.findByText(/flagged do-not-service: unpaid/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Create job" }));
    expect(await screen.findByText("Say why this customer is served despite the flag.")).toBeInTheDocument();
    await fill("Reason to override do-not-service *", "Owner approved");
    await userEvent.click(screen.getByRole("button", { name: "Create job" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[2].body).toMatchObject({ status: "draft", do_not_service_override: { reason: "Owner approved" } });
  });
});
