import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { AssignDialog } from "./assign-dialog";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const text = { id: "m-1", channel: "sms", direction: "inbound", status: "received", from: "+17375550100", body: "Hi" };
const morgan = { id: "cust-1", display_name: "Morgan Hale", number: "C-1013", primary_email: "morgan@example.com" };

describe("AssignDialog", () => {
  it("finds the customer by search and assigns the item to them", async () => {
    const onDone = vi.fn();
    const requests = answerRequests(
      { status: 200, body: { items: [], next_cursor: null } },
      { status: 200, body: { items: [morgan], next_cursor: null } },
      { status: 200, body: { ...text, customer_id: "cust-1" } },
    );
    renderWithApp(<AssignDialog comm={text} onDone={onDone} onCancel={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Assign" })).toBeDisabled();
    // The sender's number is searched first: a customer may have it written on a contact the match missed.
    expect(await screen.findByText("No customer matches “7375550100”.")).toBeInTheDocument();
    await fill("Find a customer", "Morgan");
    await userEvent.click(await screen.findByRole("radio", { name: /Morgan Hale \(C-1013\)/ }));
    expect(screen.getByText(/The whole conversation with \+17375550100 goes to Morgan Hale/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Assign" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(morgan));
    const searches = requests.filter((r) => r.url.includes("/api/customers"));
    expect(searches.map((r) => new URL(r.url).searchParams.get("q"))).toEqual(["7375550100", "Morgan"]);
    expect(requests.at(-1)).toMatchObject({ method: "POST", body: { customer_id: "cust-1" } });
    expect(requests.at(-1)!.url).toContain("/api/unmatched/m-1/assign");
  });

  it("shows the API's refusal and keeps the dialog open", async () => {
    const onDone = vi.fn();
    answerRequests(
      { status: 200, body: { items: [], next_cursor: null } },
      { status: 200, body: { items: [morgan], next_cursor: null } },
      { status: 409, body: { error: { code: "conflict", message: "This communication already belongs to a customer." } } },
    );
    renderWithApp(<AssignDialog comm={text} onDone={onDone} onCancel={vi.fn()} />);
    await screen.findByText("No customer matches “7375550100”.");
    await fill("Find a customer", "Morgan");
    await userEvent.click(await screen.findByRole("radio", { name: /Morgan Hale/ }));
    await userEvent.click(screen.getByRole("button", { name: "Assign" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already belongs to a customer");
    expect(onDone).not.toHaveBeenCalled();
  });
});
