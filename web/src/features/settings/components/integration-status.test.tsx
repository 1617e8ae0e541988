import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { MapsIntegration, MessagingIntegration } from "./integration-status";
import { answerRequests, renderWithApp } from "@/testing/render";

describe("Integration status", () => {
  it("says Maps is not configured, what to set, and what it would enable", async () => {
    answerRequests({ status: 200, body: { configured: false, api_key_last4: null,
      message: "No Google Maps API key is configured (FIELDWORK_GOOGLE_MAPS_API_KEY)." } });
    renderWithApp(<MapsIntegration />);
    expect(await screen.findByText("Not configured")).toBeInTheDocument();
    expect(screen.getByText(/FIELDWORK_GOOGLE_MAPS_API_KEY/)).toBeInTheDocument();
    expect(screen.getByText("With Google Maps configured you could:")).toBeInTheDocument();
  });

  it("shows where texts go, and only the key's last four", async () => {
    answerRequests({ status: 200, body: {
      email: { configured: false, server: null, sender: null, message: "Email is not configured." },
      sms: { configured: true, provider: "sms.example.test", sender: "+15125550100", api_key_last4: "5309", message: null },
    } });
    renderWithApp(<MessagingIntegration channel="sms" />);
    expect(await screen.findByText("Configured")).toBeInTheDocument();
    expect(screen.getByText("sms.example.test", { exact: false })).toHaveTextContent("Provider sms.example.test");
    expect(screen.getByText("5309", { exact: false })).toHaveTextContent("Key ending in 5309");
    expect(screen.getByText("SMS lets you:")).toBeInTheDocument();
  });

  it("shows the service's error, not a blank, when it cannot answer", async () => {
    answerRequests({ status: 503, body: { error: { code: "unavailable", message: "comms is not answering." } } });
    renderWithApp(<MessagingIntegration channel="email" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("comms is not answering.");
  });
});
