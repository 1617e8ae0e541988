import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { InvoiceForm } from "./invoice-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const properties = [{ value: "p-1", label: "1 Main St" }];
// A new invoice first asks whom the customer may be billed to (their bill-to parents): none here.
const noBillTo = { status: 200, body: { items: [], next_cursor: null } };

describe("InvoiceForm", () => {
  it("totals 0.1 + 0.2 as 30 cents and sends each price as integer cents", async () => {
    const requests = answerRequests(noBillTo, { status: 201, body: { id: "i-1", number: "INV-1001" } });
    const onSaved = vi.fn();
    renderWithApp(<InvoiceForm customerId="c-1" draft={{ jobId: "j-1" }} properties={properties} onSaved={onSaved} onCancel={vi.fn()} />);
    await fill("Line 1 description", "Bolt");
    await fill("Line 1 unit price", "0.1");
    await userEvent.click(screen.getByRole("button", { name: "Add line" }));
    await fill("Line 2 description", "Nut");
    await fill("Line 2 unit price", "0.2");
    expect(screen.getByLabelText("Invoice total")).toHaveTextContent("Total $0.30");
    await userEvent.click(screen.getByRole("button", { name: "Create invoice" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: "i-1", number: "INV-1001" }));
    expect(requests[1].body).toMatchObject({ customer_id: "c-1", job_id: "j-1", property_id: "p-1", lines: [
      { description: "Bolt", quantity: "1", unit_price_cents: 10, tax_rate: "0" },
      { description: "Nut", quantity: "1", unit_price_cents: 20, tax_rate: "0" },
    ] });
  });

  it("reads 19.99 as 1999 and 1,234.50 as 123450, quantity and tax exactly", async () => {
    const requests = answerRequests(noBillTo, { status: 201, body: { id: "i-2", number: "INV-1002" } });
    const onSaved = vi.fn();
    renderWithApp(<InvoiceForm customerId="c-1" properties={properties} onSaved={onSaved} onCancel={vi.fn()}
      draft={{ lines: [{ description: "Filter", quantity: "3", price: "19.99", tax_rate: "" }] }} />);
    await userEvent.click(screen.getByRole("button", { name: "Add line" }));
    await fill("Line 2 description", "Furnace");
    await fill("Line 2 unit price", "1,234.50");
    await fill("Line 2 tax %", "8.25");
    // 59.97 + 1,234.50 + 8.25% of 1,234.50 (101.84625, half-up to 101.85)
    expect(screen.getByLabelText("Invoice total")).toHaveTextContent("Total $1,396.32");
    await userEvent.click(screen.getByRole("button", { name: "Create invoice" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[1].body).toMatchObject({ lines: [
      { description: "Filter", quantity: "3", unit_price_cents: 1999, tax_rate: "0" },
      { description: "Furnace", quantity: "1", unit_price_cents: 123450, tax_rate: "8.25" },
    ] });
  });

  it("refuses what is not an amount before asking, and puts the API's errors under their fields", async () => {
    const requests = answerRequests(noBillTo, { status: 422, body: { error: { code: "validation_error", message: "The input is not valid.", fields: {
      due_date: ["Must be on or after the issue date."], lines: { 0: { unit_price_cents: ["Must be less than or equal to 1000000000000."] } },
    } } } });
    renderWithApp(<InvoiceForm customerId="c-1" properties={properties} onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Line 1 description", "Furnace");
    for (const bad of ["12.345", "abc", "-5"]) {
      await fill("Line 1 unit price", bad);
      await userEvent.click(screen.getByRole("button", { name: "Create invoice" }));
      expect(await screen.findByText("A price like 125 or 89.50.")).toBeInTheDocument();
    }
    await fill("Line 1 quantity", "0");
    await userEvent.click(screen.getByRole("button", { name: "Create invoice" }));
    expect(await screen.findByText("A quantity like 1 or 1.5.")).toBeInTheDocument();
    expect(requests.map((r) => r.method)).toEqual(["GET"]);  // the bill-to parents only

    await fill("Line 1 quantity", "1");
    await fill("Line 1 unit price", "99999999999999");
    await userEvent.click(screen.getByRole("button", { name: "Create invoice" }));
    await waitFor(() => expect(screen.getByLabelText("Line 1 unit price"))
      .toHaveAccessibleDescription(expect.stringContaining("Must be less than or equal to 1000000000000.")));
    expect(screen.getByLabelText("Due date")).toHaveAccessibleDescription(expect.stringContaining("Must be on or after the issue date."));
  });
});
