import { describe, expect, it } from "vitest";

import { localParts, windowText } from "./job-format";
import { localInstant } from "./work-draft";

describe("a job's window as the office reads it", () => {
  it("names the weekday, the day and both ends of the window in local time", () => {
    const start = localInstant("2031-05-06", "13:30");
    expect(windowText(start, localInstant("2031-05-06", "15:00"))).toBe("Tue, May 6, 2031 · 1:30 PM – 3:00 PM");
    expect(windowText(start, null)).toBe("Tue, May 6, 2031 · 1:30 PM");
  });

  it("says when nothing is booked", () => {
    expect(windowText(null, null)).toBe("Not scheduled");
  });

  it("gives back the day and time the fields were filled with", () => {
    expect(localParts(localInstant("2031-12-31", "23:45"))).toEqual({ date: "2031-12-31", time: "23:45" });
    expect(localParts(null)).toEqual({ date: null, time: "" });
  });
});
