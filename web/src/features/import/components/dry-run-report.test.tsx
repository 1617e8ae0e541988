import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { DryRun } from "../api/imports";
import { DryRunReport } from "./dry-run-report";
import { ImportedBadge } from "@/components/imported-badge";
import { renderWithApp } from "@/testing/render";

const history: DryRun = {
  rows_checked: 2, would_create: 1, would_match: 0, would_skip: 1, mapping: {}, preview: [],
  history_preview: [{
    row_number: 1, customer: "customer id J7",
    job: { source_number: "5007", title: "Furnace tune-up", description: null, completed_on: "2023-03-08", technician: "Sam Ortiz" },
    invoice: { source_number: "INV-7007", issued_on: "2023-03-08", due_on: null, currency: "USD", total_cents: 118950,
      paid_cents: 100000, voided: false, description: "Furnace tune-up" },
    archived: { "Job Type": "Maintenance" },
  }],
  report: [{ row_number: 1, outcome: "created", customer_id: "c-1", matched_by: "previous import", reason: null },
    { row_number: 2, outcome: "skipped", customer_id: null, matched_by: null,
      reason: "No customer here with customer id J404: import the customers first, then their history." }],
};

describe("DryRunReport of a history file", () => {
  it("previews whose past job and invoice each row is, and says why a row is skipped", () => {
    renderWithApp(<DryRunReport dryRun={history} totalRows={2} kind="history" />);
    expect(screen.getByText("past jobs and invoices to import")).toBeInTheDocument();
    const preview = screen.getByRole("table", { name: "Preview of the first rows" });
    const [row] = within(preview).getAllByRole("row").slice(1);
    expect(row).toHaveTextContent("customer id J7");
    expect(row).toHaveTextContent("#5007 · Furnace tune-up");
    expect(row).toHaveTextContent("done Mar 8, 2023 by Sam Ortiz");
    expect(row).toHaveTextContent("#INV-7007 · $1,189.50");
    expect(row).toHaveTextContent("$1,000.00 paid");
    expect(row).toHaveTextContent("Job Type: Maintenance");
    expect(screen.getByRole("table", { name: "Dry-run report" })).toHaveTextContent("import the customers first");
  });
});

describe("ImportedBadge", () => {
  it("names the system and the record's number there, and nothing for a native record", () => {
    const { container } = renderWithApp(<><ImportedBadge from="Jobber" number="5007" /><ImportedBadge from={null} number="9" /></>);
    expect(screen.getByText("Imported from Jobber · #5007")).toBeInTheDocument();
    expect(container).not.toHaveTextContent("#9");
  });
});
