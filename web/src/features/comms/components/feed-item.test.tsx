import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { Communication } from "../api/feed";
import { FeedItem, duration } from "./feed-item";
import { renderWithApp } from "@/testing/render";

const at = "2026-11-30T15:00:00Z";

describe("FeedItem", () => {
  it("shows an AI-handled call's length, its recording and, when asked, its transcript", async () => {
    const call: Communication = {
      id: "c-1", channel: "call", direction: "inbound", status: "completed", from: "+15125550142", occurred_at: at,
      handled_by: { kind: "ai", id: null, name: "AI receptionist" }, duration_seconds: 214, subject: "AC not cooling",
      recording_url: "https://rec.example/c-1.mp3", transcript: "My AC stopped cooling.",
    };
    renderWithApp(<FeedItem comm={call} customerId="cust-1" />);
    const article = screen.getByRole("article");
    expect(article).toHaveTextContent("Inbound call");
    expect(article).toHaveTextContent("3:34");
    expect(article).toHaveTextContent("AI-handled");
    expect(screen.getByLabelText("Call recording")).toHaveAttribute("src", "https://rec.example/c-1.mp3");
    const toggle = screen.getByRole("button", { name: "Show transcript" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    expect(screen.getByRole("button", { name: "Hide transcript" })).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(screen.getByText("My AC stopped cooling.")).toBeVisible());
  });

  it("says why a send failed and offers to try again, never that it was sent", () => {
    const email: Communication = {
      id: "e-1", channel: "email", direction: "outbound", status: "failed", to: "dana@example.com", occurred_at: at,
      handled_by: { kind: "staff", id: null, name: "office@example.com" }, subject: "Your estimate", body: "Attached.",
      failure_reason: "The mail server refused dana@example.com: [550]",
    };
    renderWithApp(<FeedItem comm={email} customerId="cust-1" />);
    const article = screen.getByRole("article", { name: "Email: Your estimate" });
    expect(article).toHaveTextContent("Failed");
    expect(article).toHaveTextContent("Not sent: The mail server refused dana@example.com: [550]");
    expect(article).not.toHaveTextContent(/\bSent\b/);
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("puts a text received on the left and one sent, with its status, on the right", () => {
    const base = { channel: "sms", occurred_at: at, handled_by: { kind: "staff" } } as const;
    renderWithApp(<>
      <FeedItem comm={{ ...base, id: "t-1", direction: "inbound", status: "received", from: "+15125550142", body: "Running late?" }} customerId="c" />
      <FeedItem comm={{ ...base, id: "t-2", direction: "outbound", status: "queued", to: "+15125550142", body: "On our way" }} customerId="c" />
    </>);
    const [theirs, ours] = screen.getAllByRole("article");
    expect(theirs.getAttribute("style")).toContain("flex-start");
    expect(ours.getAttribute("style")).toContain("flex-end");
    expect(ours).toHaveTextContent("Queued");
    expect(theirs).not.toHaveTextContent("Received");
  });

  it("writes call lengths as minutes and seconds, hours when there are any", () => {
    expect(duration(0)).toBe("0:00");
    expect(duration(65)).toBe("1:05");
    expect(duration(3725)).toBe("1:02:05");
    expect(duration(null)).toBe("—");
  });
});
