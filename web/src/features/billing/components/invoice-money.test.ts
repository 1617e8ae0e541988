import { describe, expect, it } from "vitest";

import { allocateOldestFirst, hundredthsText, invoiceTotals, lineFigures, parseCents, parseHundredths, parseRate, rateText } from "./invoice-money";

const line = (quantity: string, price: string, tax_rate = "") => ({ quantity, price, tax_rate });

describe("invoice money", () => {
  it("reads typed amounts as cents without float drift", () => {
    expect(parseCents("19.99")).toBe(1999);
    expect(parseCents("1,234.50")).toBe(123450);
    expect(invoiceTotals([line("1", "0.1"), line("1", "0.2")]).total).toBe(30);
    for (const bad of ["", "abc", "-1", "1.999", "1,23"]) expect(parseCents(bad)).toBeNull();
  });

  it("prices a line as billing does: quantity in hundredths, half-up per line, tax per line", () => {
    expect(parseHundredths("1.5")).toBe(150);
    expect(parseHundredths("0")).toBeNull();
    expect(parseHundredths("1.234")).toBeNull();
    expect(lineFigures(line("3", "19.99"))).toEqual({ amount: 5997, tax: 0 });
    expect(lineFigures(line("1.5", "0.99"))).toEqual({ amount: 149, tax: 0 }); // 148.5 rounds up
    expect(lineFigures(line("1", "10.00", "8.25"))).toEqual({ amount: 1000, tax: 83 }); // 82.5 rounds up
    expect(parseRate("101")).toBeNull();
    expect(lineFigures(line("x", "1"))).toBeNull();
    expect(invoiceTotals([line("1", "10.00", "8.25"), line("2", "0.10")])).toEqual({ subtotal: 1020, tax: 83, total: 1103 });
    expect(hundredthsText(150)).toBe("1.50");
    expect(hundredthsText(200)).toBe("2");
    expect(rateText(8250)).toBe("8.25");
    expect(rateText(7000)).toBe("7");
  });

  it("spreads a payment over the oldest due invoices first and leaves the rest on account", () => {
    const open = [
      { id: "b", due_date: "2026-03-01", balance_cents: 5000 },
      { id: "a", due_date: "2026-01-01", balance_cents: 3000 },
      { id: "c", due_date: "2026-05-01", balance_cents: 1000 },
    ];
    expect(allocateOldestFirst(6000, open)).toEqual({ a: 3000, b: 3000, c: 0 });
    expect(allocateOldestFirst(10000, open)).toEqual({ a: 3000, b: 5000, c: 1000 });
  });
});
