import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { RequestServiceForm } from "./request-service-form";
import { ApiError } from "@/lib/api-client";
import { fill, renderWithApp } from "@/testing/render";

const HOME = { id: "5d9c1f1e-0000-4000-8000-000000000001", line1: "12 Oak St", city: "Springfield", region: "IL", postal_code: "62701" };
const CABIN = { id: "5d9c1f1e-0000-4000-8000-000000000002", line1: "4 Lake Rd", city: "Shelbyville", region: "IL", postal_code: "62565" };

describe("RequestServiceForm", () => {
  it("asks what is needed before calling the server", async () => {
    const onSubmit = vi.fn();
    renderWithApp(<RequestServiceForm properties={[HOME]} onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(screen.getByLabelText("What do you need?")).toHaveAccessibleDescription("Say in a few words what you need."));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a title longer than the office keeps", async () => {
    const onSubmit = vi.fn();
    renderWithApp(<RequestServiceForm properties={[HOME]} onSubmit={onSubmit} />);
    await fill("What do you need?", "x".repeat(201));
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(await screen.findByText("Keep it to 200 characters; the details go below.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends the chosen property and shows the server's field errors under the fields", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(422, "validation_error", "The input is not valid.", {
      property_id: ["Not one of your properties."], description: ["Longer than maximum length 5000."],
    }));
    renderWithApp(<RequestServiceForm properties={[HOME, CABIN]} onSubmit={onSubmit} />);
    await userEvent.selectOptions(screen.getByLabelText("Where"), CABIN.id);
    await fill("What do you need?", "Furnace rattles");
    await fill("Details", "Since Monday");
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(screen.getByLabelText("Where")).toHaveAccessibleDescription("Not one of your properties."));
    expect(screen.getByLabelText("Details")).toHaveAccessibleDescription(expect.stringContaining("Longer than maximum length 5000."));
    expect(onSubmit).toHaveBeenCalledWith({ property_id: CABIN.id, title: "Furnace rattles", description: "Since Monday" });
  });

  it("thanks the customer once the request is in", async () => {
    const onSubmit = vi.fn().mockResolvedValue({ id: "j1", status: "draft" });
    renderWithApp(<RequestServiceForm properties={[HOME]} onSubmit={onSubmit} />);
    await fill("What do you need?", "Gutter cleaning");
    await userEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(await screen.findByRole("status")).toHaveTextContent("we have your request “Gutter cleaning”");
    expect(onSubmit).toHaveBeenCalledWith({ property_id: HOME.id, title: "Gutter cleaning", description: null });
  });
});
