import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { OpenAIForm } from "./openai-form";
import { answerRequests, renderWithApp } from "@/testing/render";

const connected = { configured: true, model: "gpt-4o-mini", api_key_last4: "wxyz", updated_at: "2026-12-01T12:00:00Z", updated_by: "Office" };

describe("OpenAIForm", () => {
  it("shows only the key's last four, and no test before a key is saved", () => {
    renderWithApp(<OpenAIForm current={connected} />);
    expect(screen.getByRole("status")).toHaveTextContent("Key ending in wxyz");
    renderWithApp(<OpenAIForm current={{ configured: false, model: null, api_key_last4: null, updated_at: null, updated_by: null }} />);
    expect(screen.getAllByRole("button", { name: "Test the connection" })).toHaveLength(1);
  });

  it("tests the connection and says why it failed", async () => {
    const requests = answerRequests({ status: 200, body: { ok: false, model: "gpt-4o-mini", reason: "key_refused",
      message: "OpenAI refused the API key: check it in your OpenAI account and enter it again.", checked_at: "2026-12-01T12:00:00Z" } });
    renderWithApp(<OpenAIForm current={connected} />);
    await userEvent.click(screen.getByRole("button", { name: "Test the connection" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("OpenAI refused the API key");
    await waitFor(() => expect(requests[0]).toMatchObject({ method: "POST" }));
    expect(requests[0].url).toMatch(/\/api\/settings\/integrations\/openai\/check$/);
  });

  it("says the connection works when OpenAI answered", async () => {
    answerRequests({ status: 200, body: { ok: true, model: "gpt-4o-mini", reason: null,
      message: "OpenAI answered: the key and the model work.", checked_at: "2026-12-01T12:00:00Z" } });
    renderWithApp(<OpenAIForm current={connected} />);
    await userEvent.click(screen.getByRole("button", { name: "Test the connection" }));
    expect(await screen.findByText("Connection works")).toBeInTheDocument();
  });
});
