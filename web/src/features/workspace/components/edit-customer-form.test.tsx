import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { Profile } from "../api/get-workspace";
import { EditCustomerForm } from "./edit-customer-form";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const profile: Profile = {
  id: "c-1", display_name: "Ada Lovelace", company: null, kind: "residential", lead_source: "Referral",
  preferred_channel: "email", do_not_service: { flag: false, reason: null },
};

describe("EditCustomerForm", () => {
  it("asks why before marking do-not-service", async () => {
    const requests = answerRequests();
    renderWithApp(<EditCustomerForm profile={profile} onDone={vi.fn()} />);
    await userEvent.click(screen.getByLabelText("Do not service"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Say why, for whoever opens this customer next.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("puts the server's field message under its field and sends only the patch fields", async () => {
    const onDone = vi.fn();
    const requests = answerRequests({ status: 422, body: { error: {
      code: "validation_error", message: "The input is not valid.", fields: { lead_source: ["Longer than maximum length 100."] },
    } } });
    renderWithApp(<EditCustomerForm profile={profile} onDone={onDone} />);
    await fill("Lead source", "Yard sign");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByLabelText("Lead source"))
      .toHaveAccessibleDescription(expect.stringContaining("Longer than maximum length 100.")));
    expect(onDone).not.toHaveBeenCalled();
    expect(requests[0]).toMatchObject({ method: "PATCH", body: {
      display_name: "Ada Lovelace", lead_source: "Yard sign", do_not_service: { flag: false, reason: null },
    } });
  });
});
