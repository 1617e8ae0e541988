import { describe, expect, it } from "vitest";

import { placeOfLink, tabOfLink } from "./record-links";

const CUSTOMER = "c0ffee00-0000-4000-8000-000000000001";
const RECORD = "5e1f0000-0000-4000-8000-000000000002";

describe("where a record's API link opens", () => {
  it("opens an invoice on its own page", () => {
    expect(placeOfLink(`/api/invoices/${RECORD}`, CUSTOMER)).toBe(`/invoices/${RECORD}`);
  });

  it("opens a job and an estimate on their own pages", () => {
    expect(placeOfLink(`/api/jobs/${RECORD}`, CUSTOMER)).toBe(`/jobs/${RECORD}`);
    expect(placeOfLink(`/api/estimates/${RECORD}`, CUSTOMER)).toBe(`/estimates/${RECORD}`);
  });

  it("opens other records on their tab of the customer's workspace", () => {
    expect(placeOfLink("/api/jobs", CUSTOMER)).toBe(`/customers/${CUSTOMER}/jobs`);
    expect(placeOfLink(`/api/payments/${RECORD}`, CUSTOMER)).toBe(`/customers/${CUSTOMER}/invoices`);
    expect(placeOfLink(`/api/plans/${RECORD}`, CUSTOMER)).toBe(`/customers/${CUSTOMER}/maintenance`);
  });

  it("names no place for a link to something the page does not show", () => {
    expect(placeOfLink("/api/photos/x", CUSTOMER)).toBeNull();
    expect(placeOfLink(null, CUSTOMER)).toBeNull();
    expect(tabOfLink("/api/invoices")).toBe("invoices");
  });
});
