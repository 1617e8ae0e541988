import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { RelatedCustomersCard } from "./related-customers-card";
import { MembershipBadge, MembershipCard } from "@/features/membership/components/membership";
import { answerRequests, renderWithApp } from "@/testing/render";

const me = "7d0c8a52-5b8e-4c8f-9a43-2f4f3c1d9e01";
const parent = { id: "2b6f9d14-5c3a-4e8b-a1f7-6d0e9c2b4a83", number: "C-000002", display_name: "Parent Holdings", archived: false };
const link = { id: "0a7d3f92-6e1b-4c58-9f24-8b3e5d1c7a06", kind: "bill_to", role: "billed_to", label: "Billed to", customer: parent,
  created_by: "Ann", created_at: "2026-11-01T10:00:00Z" };

describe("RelatedCustomersCard", () => {
  it("shows each link in this customer's words, linking to the other customer", () => {
    renderWithApp(<RelatedCustomersCard customerId={me} name="Tia Tenant" relations={[link]} />);
    expect(screen.getByText("Billed to")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Parent Holdings" })).toHaveAttribute("href", `/customers/${parent.id}`);
  });

  it("removes a link only once confirmed", async () => {
    const requests = answerRequests({ status: 204, body: null });
    renderWithApp(<RelatedCustomersCard customerId={me} name="Tia Tenant" relations={[link]} />);
    await userEvent.click(screen.getByRole("button", { name: "Remove link to Parent Holdings" }));
    expect(requests).toHaveLength(0);
    expect(await screen.findByText(/will no longer be linked to Parent Holdings/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Remove link" }));
    await waitFor(() => expect(requests.map((r) => r.method)).toContain("DELETE"));
    expect(requests.find((r) => r.method === "DELETE")!.url).toContain(`/customers/${me}/relations/${link.id}`);
  });

  it("links a customer found by search with the kind picked, and shows why a link is refused", async () => {
    const requests = answerRequests(
      { status: 200, body: { items: [{ ...parent, tags: [] }], next_cursor: null } },
      { status: 422, body: { error: { code: "validation_error", message: "The input is not valid.",
        fields: { related_id: ["These customers are already linked this way."] } } } },
    );
    renderWithApp(<RelatedCustomersCard customerId={me} name="Tia Tenant" relations={[]} />);
    expect(screen.getByText("No related customers")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Link customer" }));
    await userEvent.click(await screen.findByLabelText("Is a tenant of (property manager)"));
    await userEvent.click(screen.getByLabelText("Find the other customer"));
    await userEvent.paste("Parent");
    await userEvent.click(await screen.findByRole("button", { name: "Link Parent Holdings" }));
    expect(await screen.findByText("These customers are already linked this way.")).toBeInTheDocument();
    expect(requests.find((r) => r.method === "POST")!.body).toEqual({ related_id: parent.id, kind: "tenant" });
  });
});

describe("Membership", () => {
  const membership = { member: true, items: [], current: { plan_id: link.id, name: "Comfort Club", status: "active",
    since: "2026-03-05T12:00:00Z", next_visit_at: "2026-09-05T14:00:00Z", renewal_date: "2027-03-05" } };

  it("shows the plan, since, next visit and renewal; and a badge", () => {
    renderWithApp(<><MembershipBadge membership={membership} /><MembershipCard membership={membership} /></>);
    expect(screen.getByText("Member · Comfort Club")).toBeInTheDocument();
    expect(screen.getByText("Mar 5, 2026")).toBeInTheDocument();
    expect(screen.getByText("Sep 5, 2026")).toBeInTheDocument();
    expect(screen.getByText("Mar 5, 2027")).toBeInTheDocument();
  });

  it("says so when the customer is not a member, with no badge", () => {
    renderWithApp(<><MembershipBadge membership={{ member: false, current: null, items: [] }} /><MembershipCard membership={{ member: false, current: null, items: [] }} /></>);
    expect(screen.queryByText(/Member ·/)).not.toBeInTheDocument();
    expect(screen.getByText(/Not a member/)).toBeInTheDocument();
  });
});
