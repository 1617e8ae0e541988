import { describe, expect, it } from "vitest";

import { centsToText, parseCents } from "./money";

describe("parseCents", () => {
  it("reads amounts people type, without float drift", () => {
    expect(parseCents("19.99")).toBe(1999);
    expect(parseCents("0.1")).toBe(10);
    expect(parseCents("$1,234.5")).toBe(123450);
    expect(parseCents("89")).toBe(8900);
    expect(parseCents(".05")).toBe(5);
    expect(parseCents("1.005")).toBeNull();
    expect(parseCents("4.35")).toBe(435); // 4.35 * 100 is 434.99999999999994 in floating point
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "-5", "abc", "1,23", "12.3.4", "."]) expect(parseCents(text)).toBeNull();
  });

  it("writes cents back as a decimal string", () => {
    expect(centsToText(1999)).toBe("19.99");
    expect(centsToText(5)).toBe("0.05");
  });
});
