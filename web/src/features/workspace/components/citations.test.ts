import { describe, expect, it } from "vitest";

import { citedRecords } from "./citations";

describe("citedRecords", () => {
  it("finds every record the facts name, with its label and the tab that lists it", () => {
    const records = citedRecords({
      customer: { id: "c-1", number: "C-1001", name: "Ada" },
      overdue: { total_cents: 100, oldest: [{ id: "i-1", number: "INV-7" }] },
      jobs: { last_completed: { id: "j-1", number: "J-1019" }, recent: [{ id: "j-1", number: "J-1019" }] },
      plans: { soonest: [{ id: "p-1", name: "Tune-up" }] },
      communications: { last_contact: { id: "m-1", channel: "call", date: "2026-11-30", subject: null } },
    });
    expect(Object.fromEntries([...records].map(([id, r]) => [id, [r.label, r.tab]]))).toEqual({
      "c-1": ["C-1001", null], "i-1": ["INV-7", "invoices"], "j-1": ["J-1019", "jobs"],
      "p-1": ["Tune-up", "maintenance"], "m-1": ["call 2026-11-30", "communication"],
    });
  });
});
