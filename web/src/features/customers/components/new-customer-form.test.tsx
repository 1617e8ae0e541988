import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { NewCustomerForm } from "./new-customer-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const noMatches = { status: 200, body: { items: [], next_cursor: null } };

describe("NewCustomerForm", () => {
  it("asks for a name or a company before sending anything", async () => {
    const requests = answerRequests();
    renderWithApp(<NewCustomerForm onCreated={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "Create customer" }));
    expect(await screen.findByText("Enter a name or a company.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("shows a 422's field messages under the fields they name", async () => {
    const requests = answerRequests(noMatches, noMatches, {
      status: 422,
      body: { error: { code: "validation_error", message: "The input is not valid.", fields: {
        contacts: [{ "0": { phones: { "0": { number: ["Not a phone number."] } } } }],
        properties: [{ "0": { postal_code: ["Not a postal code."] } }],
      } } },
    });
    renderWithApp(<NewCustomerForm onCreated={vi.fn()} />);
    await fill("Name", "Ada Lovelace");
    await fill("Contact name", "Ada");
    await fill("Phone 1", "12345");
    await fill("Address line 1", "1 Main St");
    await fill("City", "Springfield");
    await fill("State / region", "IL");
    await fill("Postal code", "??");
    await userEvent.click(screen.getByRole("button", { name: "Create customer" }));

    const phone = screen.getByLabelText("Phone 1");
    await waitFor(() => expect(phone).toHaveAccessibleDescription(expect.stringContaining("Not a phone number.")));
    expect(screen.getByLabelText("Postal code")).toHaveAccessibleDescription(expect.stringContaining("Not a postal code."));
    const created = requests.find((r) => r.method === "POST")!;
    expect(created.body).toMatchObject({
      display_name: "Ada Lovelace",
      contacts: [{ name: "Ada", phones: [{ number: "12345" }], is_primary: true }],
      properties: [{ line1: "1 Main St", city: "Springfield", region: "IL", postal_code: "??" }],
    });
  });

  it("offers possible duplicates before saving, and saves when told to", async () => {
    const onCreated = vi.fn();
    const existing = { id: "c-1", display_name: "Ada Lovelace", number: "C-000042", status: "active", tags: [] };
    const requests = answerRequests(
      { status: 200, body: { items: [existing], next_cursor: null } },
      { status: 201, body: { id: "c-2", display_name: "Ada Lovelace" } },
    );
    renderWithApp(<NewCustomerForm onCreated={onCreated} />);
    await fill("Name", "Ada Lovelace");
    await userEvent.click(screen.getByRole("button", { name: "Create customer" }));

    expect(await screen.findByText("This customer may already exist")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Ada Lovelace (C-000042)" })).toHaveAttribute("href", "/customers/c-1");
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Create anyway" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith("c-2"));
  });
});
