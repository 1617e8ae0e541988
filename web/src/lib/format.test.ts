import { afterEach, describe, expect, it } from "vitest";

import { day } from "./format";

describe("day", () => {
  const zone = process.env.TZ;
  afterEach(() => { process.env.TZ = zone; });

  it("shows a date alone as that calendar day west of Greenwich too", () => {
    process.env.TZ = "America/Chicago";
    expect(day("2027-12-02")).toBe("Dec 2, 2027");
  });

  it("shows a moment in the reader's own zone", () => {
    process.env.TZ = "America/Chicago";
    expect(day("2027-12-02T03:00:00Z")).toBe("Dec 1, 2027");
  });
});
