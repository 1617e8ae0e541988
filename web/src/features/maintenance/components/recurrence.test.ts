import { describe as group, expect, it } from "vitest";

import { describe, fromRule, toRule } from "./recurrence";

// Noon UTC is the same day in every time zone the office could sit in.
const TUESDAY_2_MARCH = "2027-03-02T12:00:00Z";

group("recurrence", () => {
  it("makes the rule the form describes, without INTERVAL=1", () => {
    expect(toRule({ frequency: "WEEKLY", interval: 2 })).toBe("FREQ=WEEKLY;INTERVAL=2");
    expect(toRule({ frequency: "YEARLY", interval: 1 })).toBe("FREQ=YEARLY");
  });

  it("reads back only the rules it could make", () => {
    expect(fromRule("FREQ=WEEKLY;INTERVAL=13")).toEqual({ frequency: "WEEKLY", interval: 13 });
    expect(fromRule("RRULE:FREQ=MONTHLY")).toEqual({ frequency: "MONTHLY", interval: 1 });
    expect(fromRule("FREQ=WEEKLY;BYDAY=TU")).toBeNull();
    expect(fromRule("FREQ=HOURLY")).toBeNull();
    expect(fromRule("FREQ=WEEKLY;INTERVAL=0")).toBeNull();
  });

  it("says the rule in words, the first visit fixing the day", () => {
    expect(describe("FREQ=WEEKLY;INTERVAL=2", TUESDAY_2_MARCH)).toBe("Every 2 weeks on Tuesday");
    expect(describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH")).toBe("Every 2 weeks on Monday and Thursday");
    expect(describe("FREQ=MONTHLY;INTERVAL=3", TUESDAY_2_MARCH)).toBe("Every 3 months on the 2nd");
    expect(describe("FREQ=MONTHLY;BYMONTHDAY=11")).toBe("Every month on the 11th");
    expect(describe("FREQ=YEARLY", TUESDAY_2_MARCH)).toBe("Every year on March 2");
    expect(describe("FREQ=DAILY;COUNT=5")).toBe("Every day, 5 visits in all");
    expect(describe("FREQ=WEEKLY;UNTIL=20271231T000000Z", TUESDAY_2_MARCH)).toBe("Every week on Tuesday, until Dec 31, 2027");
    expect(describe("nonsense")).toBe("Custom rule nonsense");
  });
});
