import { describe, expect, it } from "vitest";

import { age, bucketOf } from "./aging";

describe("aging", () => {
  it("puts a balance in the bucket of its days past due, as billing's statement does", () => {
    expect(bucketOf("2026-03-01", "2026-03-01")).toBe("current");
    expect(bucketOf("2026-03-01", "2026-03-31")).toBe("1-30");
    expect(bucketOf("2026-03-01", "2026-04-01")).toBe("31-60");
    expect(bucketOf("2026-01-01", "2026-04-01")).toBe("61-90");
    expect(bucketOf("2025-12-01", "2026-04-01")).toBe("90+");
    expect(age([{ due_date: "2026-03-01", balance_cents: 500 }, { due_date: "2026-05-01", balance_cents: 25 }], "2026-03-15"))
      .toEqual({ current: 25, "1-30": 500, "31-60": 0, "61-90": 0, "90+": 0 });
  });
});
