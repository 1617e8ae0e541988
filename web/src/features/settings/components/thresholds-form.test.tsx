import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { ThresholdsForm } from "./thresholds-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const current = { overdue_days: 30, statement_quiet_days: 14, win_back_months: 12, maintenance_due_days: 14,
  estimate_follow_up_days: 7, lead_contact_days: 7, low_rating: 2, review_follow_up_days: 30 };
const OVERDUE = "Statement once an invoice is overdue by (days)";

describe("ThresholdsForm", () => {
  it("saves every threshold at once, the changed ones as typed", async () => {
    const requests = answerRequests({ status: 200, body: { ...current, overdue_days: 45, low_rating: 3 } });
    renderWithApp(<ThresholdsForm current={current} />);
    await fill(OVERDUE, "45");
    await fill("Follow up reviews of at most (stars)", "3");
    await userEvent.click(screen.getByRole("button", { name: "Save thresholds" }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: "PUT", body: { ...current, overdue_days: 45, low_rating: 3 } });
    expect(requests[0].url).toMatch(/\/api\/settings\/insights$/);
  });

  it("refuses an empty field without calling the server", async () => {
    const requests = answerRequests();
    renderWithApp(<ThresholdsForm current={current} />);
    await userEvent.clear(screen.getByLabelText(OVERDUE));
    await userEvent.click(screen.getByRole("button", { name: "Save thresholds" }));
    expect(await screen.findByText("Enter a whole number.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("shows the API's bounds under the field it refused", async () => {
    answerRequests({ status: 422, body: { error: { code: "validation_error", message: "The input is not valid.",
      fields: { overdue_days: ["Must be greater than or equal to 0 and less than or equal to 365."] } } } });
    renderWithApp(<ThresholdsForm current={current} />);
    await fill(OVERDUE, "400");
    await userEvent.click(screen.getByRole("button", { name: "Save thresholds" }));
    await waitFor(() => expect(screen.getByLabelText(OVERDUE)).toHaveAccessibleDescription(expect.stringContaining("less than or equal to 365")));
  });
});
