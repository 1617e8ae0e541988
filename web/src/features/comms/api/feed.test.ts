import { describe, expect, it } from "vitest";

import { whileInFlight, type Communication } from "./feed";

const now = Date.parse("2026-12-02T10:00:00Z");
const send = (status: string, secondsAgo: number): Communication =>
  ({ id: status, channel: "sms", direction: "outbound", status, occurred_at: new Date(now - secondsAgo * 1000).toISOString() });
const pages = (...items: Communication[]) => ({ pages: [{ items, next_cursor: null }] });

describe("whileInFlight", () => {
  it("asks again quickly while a send is queued or sending", () => {
    expect(whileInFlight(pages(send("delivered", 5), send("queued", 1)), now)).toBe(1500);
    expect(whileInFlight(pages(send("sending", 400)), now)).toBe(1500);
  });

  it("waits for the provider's report on a send that went out lately, then stops", () => {
    expect(whileInFlight(pages(send("sent", 30)), now)).toBe(5000);
    expect(whileInFlight(pages(send("sent", 600)), now)).toBe(false);
  });

  it("stops once every send is final", () => {
    expect(whileInFlight(pages(send("delivered", 5), send("failed", 5)), now)).toBe(false);
    expect(whileInFlight(undefined, now)).toBe(false);
  });
});
