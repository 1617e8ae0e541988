import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApplyCreditForm, CreditNoteForm } from "./credit-forms";
import { PaymentForm } from "./payment-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const invoices = { status: 200, body: { items: [
  { id: "i-new", number: "INV-2", status: "sent", due_date: "2026-04-01", balance_cents: 5000, currency: "USD" },
  { id: "i-old", number: "INV-1", status: "overdue", due_date: "2026-01-01", balance_cents: 3000, currency: "USD" },
  { id: "i-paid", number: "INV-0", status: "paid", due_date: "2025-12-01", balance_cents: 0, currency: "USD" },
] } };

describe("PaymentForm", () => {
  it("spreads the amount oldest first, lets a share be changed, and keeps the rest on account", async () => {
    const requests = answerRequests(invoices, { status: 201, body: { id: "p-1" } });
    const onSaved = vi.fn();
    renderWithApp(<PaymentForm customerId="c-1" onSaved={onSaved} onCancel={vi.fn()} />);
    await screen.findByLabelText("Apply to INV-1");
    await fill("Amount *", "60");
    expect(screen.getByLabelText("Apply to INV-1")).toHaveValue("30.00");
    expect(screen.getByLabelText("Apply to INV-2")).toHaveValue("30.00");
    expect(screen.queryByLabelText("Apply to INV-0")).not.toBeInTheDocument();
    await fill("Apply to INV-2", "25.50");
    expect(screen.getByLabelText("Remainder on account")).toHaveTextContent("Applied $55.50 · on account $4.50");
    await userEvent.click(screen.getByRole("button", { name: "Record payment" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[1].body).toMatchObject({ customer_id: "c-1", method: "check", amount_cents: 6000, allocations: [
      { invoice_id: "i-old", amount_cents: 3000 }, { invoice_id: "i-new", amount_cents: 2550 },
    ] });
  });
});

describe("ApplyCreditForm", () => {
  it("offers the most that can be applied and applies it", async () => {
    const requests = answerRequests({ status: 200, body: { credit_cents: 5000, currency: "USD" } }, { status: 200, body: { id: "i-1" } });
    const onSaved = vi.fn();
    renderWithApp(<ApplyCreditForm invoice={{ id: "i-1", customer_id: "c-1", number: "INV-1", balance_cents: 8000, currency: "USD" }}
      onSaved={onSaved} onCancel={vi.fn()} />);
    expect(await screen.findByText("Credit available: $50.00")).toBeInTheDocument();
    expect(screen.getByLabelText("Amount to apply")).toHaveValue("50.00");
    await userEvent.click(screen.getByRole("button", { name: "Apply credit" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[1]).toMatchObject({ method: "POST", body: { amount_cents: 5000 } });
  });
});

describe("CreditNoteForm", () => {
  it("needs a reason, takes the credit off the open invoice, and shows the API's refusal under the amount", async () => {
    const requests = answerRequests({ status: 422, body: { error: { code: "validation_error", message: "The input is not valid.",
      fields: { amount_cents: ["Invoice INV-1 owes only 8000."] } } } });
    renderWithApp(<CreditNoteForm invoice={{ id: "i-1", customer_id: "c-1", number: "INV-1", status: "partial", balance_cents: 8000, currency: "USD" }}
      onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Amount *", "90");
    await userEvent.click(screen.getByRole("button", { name: "Issue credit note" }));
    expect(await screen.findByText("Say why the customer is credited.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await fill("Reason *", "Goodwill");
    await userEvent.click(screen.getByRole("button", { name: "Issue credit note" }));
    await waitFor(() => expect(screen.getByLabelText("Amount *")).toHaveAccessibleDescription(expect.stringContaining("owes only 8000")));
    expect(requests[0].body).toEqual({ customer_id: "c-1", amount_cents: 9000, reason: "Goodwill", currency: "USD", invoice_id: "i-1" });
  });
});
