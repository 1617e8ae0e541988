import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { StatCards } from "./stat-cards";
import { answerRequests, renderWithApp } from "@/testing/render";

const customer = "7d0c8a52-5b8e-4c8f-9a43-2f4f3c1d9e01";

function figure(label: string) {
  return screen.getByText(label).nextElementSibling?.textContent;
}

describe("StatCards", () => {
  it("shows lifetime revenue (billed less credits and refunds) apart from the total paid", async () => {
    answerRequests({ status: 404, body: { error: { code: "not_found", message: "No card on file." } } });
    renderWithApp(<StatCards customerId={customer} header={{
      status: "ok", currency: "USD", balance_cents: 5000, lifetime_revenue_cents: 120000, lifetime_value_cents: 90000,
      total_billed_cents: 130000, total_paid_cents: 95000, open_job_count: 1, open_invoice_count: 1,
    }} />);
    expect(figure("Lifetime revenue")).toBe("$1,200.00");
    expect(figure("Total paid")).toBe("$950.00");
    expect(screen.queryByText("Lifetime value")).not.toBeInTheDocument();
  });

  it("says lifetime revenue is unavailable when billing did not answer", () => {
    renderWithApp(<StatCards customerId={customer} header={{ status: "unavailable", missing: ["billing"] }} />);
    expect(figure("Lifetime revenue")).toBe("Unavailable");
  });
});
