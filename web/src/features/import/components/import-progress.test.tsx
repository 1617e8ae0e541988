import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { ImportProgress } from "./import-progress";
import { answerRequests, renderWithApp } from "@/testing/render";

const id = "0d4e7a1c-9b2f-4c86-8e13-5a7b9c1d3e52";
const failed = {
  id, kind: "customers", filename: "clients.csv", layout: "jobber", status: "failed", total_rows: 250, rows_done: 100,
  rows_created: 100, rows_matched: 0, rows_failed: 0, attempts: 3, seconds_left: null,
  error: "Rows 101–200 could not be stored (UndefinedTable); the rows before them are imported.",
};

describe("ImportProgress of a failed import", () => {
  it("says which rows failed and why, and tries again from there", async () => {
    const requests = answerRequests({ status: 200, body: failed },
      { status: 202, body: { ...failed, status: "running", attempts: 0 } }, { status: 200, body: { ...failed, status: "running" } });
    renderWithApp(<ImportProgress id={id} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Import stopped");
    expect(alert).toHaveTextContent("Rows 101–200 could not be stored");
    await userEvent.click(screen.getByRole("button", { name: "Try again from there" }));
    await screen.findByText("estimating…");
    expect(requests[1]).toMatchObject({ method: "POST", url: expect.stringContaining(`/api/imports/${id}/retry`) });
  });
});
