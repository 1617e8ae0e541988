import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { CustomersList } from "./customers-list";
import { renderWithApp } from "@/testing/render";

const customer = { id: "c-1", display_name: "Dana Whitfield", number: "C-1001", status: "lead", kind: "residential", tags: [] };

/** Every request the list sends; the search answers only for the text given, the others hang until cancelled. */
function answerOnly(q: string) {
  const requests: Request[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    requests.push(request);
    const asked = new URL(request.url).searchParams.get("q");
    if (asked !== null && asked !== q) {
      return new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
    }
    const items = asked === q ? [customer] : [];
    return new Response(JSON.stringify({ items, next_cursor: null }), { status: 200, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return requests;
}

describe("CustomersList", () => {
  it("asks once typing pauses and cancels a question the next letters made stale", async () => {
    const requests = answerOnly("dana w");
    renderWithApp(<CustomersList />);
    const box = await screen.findByLabelText("Search");
    await userEvent.type(box, "dana");
    await waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get("q") === "dana")).toBe(true));
    await userEvent.type(box, " w");

    expect(await screen.findByText("Dana Whitfield")).toBeInTheDocument();
    const asked = requests.map((r) => new URL(r.url).searchParams.get("q"));
    expect(asked).not.toContain("d");  // not a question per letter: the box waits for a pause
    const stale = requests.find((r) => new URL(r.url).searchParams.get("q") === "dana")!;
    expect(stale.signal.aborted).toBe(true);
  });
});
