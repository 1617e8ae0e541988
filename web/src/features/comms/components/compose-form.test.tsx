import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ComposeForm } from "./compose-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const configured = { status: 200, body: { email: { configured: true, message: null }, sms: { configured: true, message: null } } };

describe("ComposeForm", () => {
  it("needs a subject and a message for an email", async () => {
    const requests = answerRequests(configured);
    renderWithApp(<ComposeForm customerId="c-1" channel="email" defaultTo="ada@example.com" onSent={vi.fn()} />);
    expect(screen.getByLabelText("To")).toHaveValue("ada@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Give the email a subject.")).toBeInTheDocument();
    expect(screen.getByText("Write the message first.")).toBeInTheDocument();
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("shows the server's refusal of the address under To", async () => {
    const onSent = vi.fn();
    const requests = answerRequests(configured, { status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.", fields: { to: ["Not a valid email address."] },
    } } });
    renderWithApp(<ComposeForm customerId="c-1" channel="email" defaultTo="ada@example.com" onSent={onSent} />);
    await waitFor(() => expect(requests).toHaveLength(1));
    await fill("To", "ada@");
    await fill("Subject", "Tuesday");
    await fill("Message", "See you then.");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(screen.getByLabelText("To")).toHaveAccessibleDescription(expect.stringContaining("Not a valid email address.")));
    expect(onSent).not.toHaveBeenCalled();
    expect(requests[1]).toMatchObject({ method: "POST", body: { customer_id: "c-1", channel: "email", purpose: "service", to: "ada@", subject: "Tuesday" } });
  });

  it("says why texts cannot go, before anyone writes one, and offers no Send", async () => {
    answerRequests({ status: 200, body: {
      email: { configured: true, message: null },
      sms: { configured: false, message: "Texting is not configured: no SMS provider is set (FIELDWORK_SMS_BASE_URL)." },
    } });
    renderWithApp(<ComposeForm customerId="c-1" channel="sms" defaultTo="+15125550142" onSent={vi.fn()} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Texting is not configured");
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("hands the queued message to the page when the API accepts it", async () => {
    const onSent = vi.fn();
    const queued = { id: "m-1", channel: "sms", direction: "outbound", status: "queued", body: "On our way" };
    const requests = answerRequests(configured, { status: 202, body: queued });
    renderWithApp(<ComposeForm customerId="c-1" channel="sms" defaultTo="+15125550142" onSent={onSent} />);
    await waitFor(() => expect(requests).toHaveLength(1));
    await fill("Message", "On our way");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(queued));
    expect(requests[1]).toMatchObject({ body: { channel: "sms", to: "+15125550142", subject: null, body: "On our way" } });
  });
});
