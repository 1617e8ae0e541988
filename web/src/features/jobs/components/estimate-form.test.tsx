import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { EstimateForm } from "./estimate-form";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile: Profile = { id: "c-1", display_name: "Ada Lovelace", properties: [{ id: "p-1", line1: "1 Main St", is_primary: true }] };

describe("EstimateForm", () => {
  it("sends prices as integer cents and totals them without float drift", async () => {
    const requests = answerRequests({ status: 201, body: { id: "e-1", number: "E-1001" } });
    const onSaved = vi.fn();
    renderWithApp(<EstimateForm profile={profile} draft={{ form: "estimate" }} onSaved={onSaved} onCancel={vi.fn()} />);
    await fill("Title *", "New furnace");
    await fill("Line 1 description", "Filter");
    await fill("Line 1 quantity", "3");
    await fill("Line 1 unit price", "4.35");
    await userEvent.click(screen.getByRole("button", { name: "Add line" }));
    await fill("Line 2 description", "Labour");
    await fill("Line 2 unit price", "0.10");
    expect(screen.getByLabelText("Estimate total")).toHaveTextContent("Total $13.15");
    await userEvent.click(screen.getByRole("button", { name: "Create estimate" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[0].body).toMatchObject({ customer_id: "c-1", title: "New furnace", property_id: "p-1", line_items: [
      { description: "Filter", quantity: 3, unit_price_cents: 435 }, { description: "Labour", quantity: 1, unit_price_cents: 10 },
    ] });
  });

  it("refuses a price that is not one, and puts the API's line errors under the line", async () => {
    const requests = answerRequests({ status: 422, body: { error: { code: "validation_error", message: "The input is not valid.",
      fields: { line_items: { 0: { unit_price_cents: ["Must be less than or equal to 10000000000."] } } } } } });
    renderWithApp(<EstimateForm profile={profile} draft={{ form: "estimate" }} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Title *", "New furnace");
    await fill("Line 1 description", "Furnace");
    await fill("Line 1 unit price", "12.345");
    await userEvent.click(screen.getByRole("button", { name: "Create estimate" }));
    expect(await screen.findByText("A price like 125 or 89.50.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await fill("Line 1 unit price", "999999999999");
    await userEvent.click(screen.getByRole("button", { name: "Create estimate" }));
    await waitFor(() => expect(screen.getByLabelText("Line 1 unit price"))
      .toHaveAccessibleDescription(expect.stringContaining("Must be less than or equal to 10000000000.")));
  });
});
