import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { Profile } from "../api/get-workspace";
import { EraseCustomerDialog } from "./erase-customer-dialog";
import { hasPermission } from "@/lib/auth";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile = { id: "c-1", number: "C-1042", display_name: "Ada Lovelace" } as Profile;
const LABEL = "Type the customer's name (Ada Lovelace) to confirm";

describe("EraseCustomerDialog", () => {
  it("deletes only once the customer's name is typed, and sends that name", async () => {
    const onDone = vi.fn();
    const requests = answerRequests({ status: 200, body: {
      id: "e-1", customer_id: "c-1", customer_number: "C-1042", pseudonym: "Erased customer C-1042",
      erased_by: "Office", erased_at: "2026-12-02T10:00:00Z",
    } });
    renderWithApp(<EraseCustomerDialog profile={profile} onDone={onDone} />);
    const remove = screen.getByRole("button", { name: "Delete customer" });
    await fill(LABEL, "Ada");
    expect(remove).toBeDisabled();
    await fill(LABEL, "  ada   lovelace ");
    expect(remove).toBeEnabled();
    await userEvent.click(remove);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(requests[0]).toMatchObject({ method: "POST", body: { confirm_name: "  ada   lovelace " } });
    expect(requests[0].url).toContain("/api/customers/c-1/erase");
  });

  it("shows the server's refusal under the name", async () => {
    answerRequests({ status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.",
      fields: { confirm_name: ["Type the customer's name exactly as it is shown."] },
    } } });
    const onDone = vi.fn();
    renderWithApp(<EraseCustomerDialog profile={profile} onDone={onDone} />);
    await fill(LABEL, "Ada Lovelace");
    await userEvent.click(screen.getByRole("button", { name: "Delete customer" }));
    await waitFor(() => expect(screen.getByLabelText(LABEL))
      .toHaveAccessibleDescription(expect.stringContaining("exactly as it is shown")));
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe("hasPermission", () => {
  const token = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, "")}.s`;
  it("reads the token's perms claim", () => {
    expect(hasPermission("customers:delete", token({ perms: ["customers:view", "customers:delete"] }))).toBe(true);
    expect(hasPermission("customers:delete", token({ perms: ["customers:edit"] }))).toBe(false);
    expect(hasPermission("customers:delete", "not a token")).toBe(false);
    expect(hasPermission("customers:delete", null)).toBe(false);
  });
});
