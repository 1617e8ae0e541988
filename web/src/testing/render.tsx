import { QueryClient } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";

import { AppProvider } from "@/app/provider";

/** Renders a component inside the app's providers, with a query client that never retries. */
export function renderWithApp(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<AppProvider client={client}><MemoryRouter>{ui}</MemoryRouter></AppProvider>);
}

type Answer = { status: number; body: unknown };

/**
 * Answers the page's requests in order, the way the gateway would, and records them; component tests
 * check what the form shows for each answer (the browser journeys run against the real system).
 */
export function answerRequests(...answers: Answer[]) {
  const requests: { method: string; url: string; body: unknown }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    // Relative paths (getJson's) are resolved against the page, as the browser does.
    const request = input instanceof Request ? input : new Request(new URL(String(input), window.location.href), init);
    const text = request.method === "GET" ? "" : await request.clone().text();
    requests.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
    const answer = answers.shift() ?? { status: 500, body: { error: { code: "unexpected", message: "no answer left" } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return requests;
}

/** Types into the field a label names in one paste: typing key by key is slow and tells these tests nothing more. */
export async function fill(label: string, text: string) {
  const field = screen.getByLabelText(label);
  await userEvent.clear(field);
  await userEvent.click(field);
  await userEvent.paste(text);
}
