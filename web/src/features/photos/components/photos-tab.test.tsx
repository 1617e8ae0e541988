import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";

import { PhotosTab } from "./photos-tab";
import { renderWithApp } from "@/testing/render";

const OFFICE = { id: "ph-1", customer_id: "c-1", job_id: "j-1", job_number: "J-1001", job_title: "Roof leak", caption: null,
  filename: "roof.png", uploaded_by: "Olive Office", uploaded_at: "2031-05-06T10:00:00Z", width: 400, height: 300,
  url: "/api/photos/ph-1", thumbnail_url: "/api/photos/ph-1/thumbnail" };
const PORTAL = { ...OFFICE, id: "ph-2", job_id: null, job_number: null, job_title: null, caption: "Attic stain",
  filename: "attic.png", uploaded_by: "portal:c-1", url: "/api/photos/ph-2", thumbnail_url: "/api/photos/ph-2/thumbnail" };

let calls: string[] = [];

// The tab asks for several things at once (jobs, photos, thumbnails): answered by path, not in order.
function answerByPath(photos: unknown[]) {
  calls = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
    const { pathname } = new URL(request.url);
    calls.push(`${request.method} ${pathname}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    if (pathname.endsWith("/thumbnail") || /^\/api\/photos\/[^/]+$/.test(pathname)) {
      return request.method === "DELETE" ? new Response(null, { status: 204 }) : new Response(new Blob(["x"]), { status: 200 });
    }
    if (pathname === "/api/customers/c-1/jobs") return json({ items: [{ id: "j-1", number: "J-1001", title: "Roof leak" }] });
    if (pathname === "/api/customers/c-1/photos") return json({ items: photos, next_cursor: null });
    if (pathname === "/api/jobs/j-1/photos") return json({ items: photos.filter((p) => (p as typeof OFFICE).job_id === "j-1"), next_cursor: null });
    return json({ error: { message: "unexpected" } }, 500);
  }) as typeof fetch;
}

describe("PhotosTab", () => {
  beforeEach(() => {
    URL.createObjectURL = () => "blob:photo";
  });

  // Filtering by job is walked in the browser journey (tests-e2e/browser/test_photos_tab.py).
  it("shows the customer's uploads beside the jobs' photos, from the customer's list", async () => {
    answerByPath([PORTAL, OFFICE]);
    renderWithApp(<PhotosTab customerId="c-1" />);
    const items = await screen.findAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText("From the customer")).toBeInTheDocument();
    expect(within(items[1]).getByText("Olive Office")).toBeInTheDocument();
    expect(calls).toContain("GET /api/customers/c-1/photos");
  });

  it("deletes a photo only once asked and confirmed", async () => {
    answerByPath([OFFICE]);
    renderWithApp(<PhotosTab customerId="c-1" />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete roof.png" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this photo?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(calls.filter((c) => c.startsWith("DELETE"))).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Delete roof.png" }));
    await userEvent.click(within(await screen.findByRole("dialog", { name: "Delete this photo?" })).getByRole("button", { name: "Delete photo" }));
    await waitFor(() => expect(calls).toContain("DELETE /api/photos/ph-1"));
  });
});
