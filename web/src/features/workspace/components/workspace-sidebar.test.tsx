import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Profile } from "../api/get-workspace";
import { WorkspaceSidebar } from "./workspace-sidebar";
import { renderWithApp } from "@/testing/render";

const customer = "7d0c8a52-5b8e-4c8f-9a43-2f4f3c1d9e01";

function profile(parts: Partial<Profile>): Profile {
  return { id: customer, name: "Ada Lovelace", contacts: [], properties: [], ...parts } as Profile;
}

const property = {
  id: "1b7f0d6e-93a4-4f52-8d1e-6a0c2b3e4f51", kind: "residential", is_primary: true,
  line1: "12 Elm St", city: "Springfield", region: "IL", postal_code: "62701", equipment: [],
};

describe("WorkspaceSidebar", () => {
  it("dials a phone through its tel link, extension included, and shows the extension", () => {
    renderWithApp(<WorkspaceSidebar profile={profile({
      contacts: [{ id: "c1", name: "Ada", is_primary: true, emails: [], phones: [
        { number: "(555) 010-2233 ext 12", e164: "+15550102233", extension: "12", tel: "tel:+15550102233;ext=12", label: "office" },
      ] }],
    })} />);
    const link = screen.getByRole("link", { name: "(555) 010-2233 ext 12" });
    expect(link).toHaveAttribute("href", "tel:+15550102233;ext=12");
    expect(screen.getByText("x12")).toBeInTheDocument();
  });

  it("shows no extension for a phone without one", () => {
    renderWithApp(<WorkspaceSidebar profile={profile({
      contacts: [{ id: "c1", name: "Ada", is_primary: true, emails: [], phones: [
        { number: "555 010 2233", e164: "+15550102233", extension: null, tel: "tel:+15550102233", label: null },
      ] }],
    })} />);
    expect(screen.getByRole("link", { name: "555 010 2233" })).toHaveAttribute("href", "tel:+15550102233");
    expect(screen.queryByText(/^x/)).not.toBeInTheDocument();
  });

  it("says why a property was never located when no Maps key is configured", () => {
    renderWithApp(<WorkspaceSidebar profile={profile({
      properties: [{ ...property, geocode: { status: "not_geocoded", reason: "not_configured", error: "No Google Maps key configured" } }],
    })} />);
    expect(screen.getByText("Not located: No Google Maps key configured")).toBeInTheDocument();
  });

  it("says why geocoding failed, and nothing for a located property", () => {
    const { unmount } = renderWithApp(<WorkspaceSidebar profile={profile({
      properties: [{ ...property, geocode: { status: "failed", reason: "quota_exceeded", error: "The Google Maps quota is used up" } }],
    })} />);
    expect(screen.getByText("Not located: The Google Maps quota is used up")).toBeInTheDocument();
    unmount();
    renderWithApp(<WorkspaceSidebar profile={profile({
      properties: [{ ...property, geocode: { status: "geocoded", reason: null, error: null, latitude: 39.8, longitude: -89.6 } }],
    })} />);
    expect(screen.queryByText(/Not located/)).not.toBeInTheDocument();
  });
});
