import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { Profile } from "../api/get-workspace";
import { ComposeForm } from "./compose-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile: Profile = { id: "c-1", display_name: "Ada Lovelace", primary_email: "ada@example.com" };

describe("ComposeForm", () => {
  it("needs a subject and a message for an email", async () => {
    const requests = answerRequests();
    renderWithApp(<ComposeForm profile={profile} channel="email" onSent={vi.fn()} />);
    expect(screen.getByLabelText("To")).toHaveValue("ada@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Give the email a subject.")).toBeInTheDocument();
    expect(screen.getByText("Write the message first.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("shows the server's refusal of the address under To", async () => {
    const onSent = vi.fn();
    const requests = answerRequests({ status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.", fields: { to: ["Not a valid email address."] },
    } } });
    renderWithApp(<ComposeForm profile={profile} channel="email" onSent={onSent} />);
    await fill("To", "ada@");
    await fill("Subject", "Tuesday");
    await fill("Message", "See you then.");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByLabelText("To")).toHaveAccessibleDescription(expect.stringContaining("Not a valid email address.")));
    expect(onSent).not.toHaveBeenCalled();
    expect(requests[0]).toMatchObject({ method: "POST", body: { customer_id: "c-1", channel: "email", purpose: "service", to: "ada@", subject: "Tuesday" } });
  });
});
