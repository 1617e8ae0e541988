import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Workspace } from "../api/get-workspace";
import { ReviewsSection } from "./reviews-section";
import { renderWithApp } from "@/testing/render";

const customer = "7d0c8a52-5b8e-4c8f-9a43-2f4f3c1d9e01";

function workspace(reviews: unknown): Workspace {
  return { customer_id: customer, merged_into: null, profile: { status: "ok", data: {} }, reviews } as unknown as Workspace;
}

const review = (n: number, rating: number, comment: string | null) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`, job_id: `10000000-0000-4000-8000-00000000000${n}`, customer_id: customer,
  rating, comment, created_at: "2026-11-30T10:00:00Z", job_number: `J-100${n}`, job_title: `Visit ${n}`,
});

describe("ReviewsSection", () => {
  it("shows the average as stars and a number, the count, and each review with its job", () => {
    renderWithApp(<ReviewsSection ws={workspace({ status: "ok", data: {
      items: [review(2, 2, "Left a mess"), review(1, 5, null)], next_cursor: null, summary: { count: 2, average: 3.5 },
    } })} />);
    expect(screen.getByRole("img", { name: "3.5 out of 5 stars" })).toHaveTextContent("★★★★☆");
    expect(screen.getByText("3.5")).toBeInTheDocument();
    expect(screen.getByText("2 reviews")).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Reviews" })).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("Left a mess"), expect.stringContaining("No comment")]);
    expect(within(rows[0]).getByRole("img", { name: "2 out of 5 stars" })).toHaveTextContent("★★☆☆☆");
    expect(within(rows[0]).getByRole("link", { name: "J-1002 · Visit 2" })).toHaveAttribute("href", `/customers/${customer}/jobs`);
  });

  it("says when there are no reviews yet", () => {
    renderWithApp(<ReviewsSection ws={workspace({ status: "ok", data: {
      items: [], next_cursor: null, summary: { count: 0, average: null } } })} />);
    expect(screen.getByText(/No reviews yet/)).toBeInTheDocument();
  });

  it("says the section is unavailable when the jobs service did not answer", () => {
    renderWithApp(<ReviewsSection ws={workspace({ status: "unavailable", reason: "timeout" })} />);
    expect(screen.getByText("Reviews is unavailable right now")).toBeInTheDocument();
  });
});
