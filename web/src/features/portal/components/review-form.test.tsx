import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ReviewForm } from "./review-form";
import { ApiError } from "@/lib/api-client";
import { fill, renderWithApp } from "@/testing/render";

describe("ReviewForm", () => {
  it("asks for a rating before calling the server", async () => {
    const onSubmit = vi.fn();
    renderWithApp(<ReviewForm jobTitle="Furnace tune-up" onSubmit={onSubmit} />);
    await fill("Comment", "Great work");
    await userEvent.click(screen.getByRole("button", { name: "Send review" }));
    expect(await screen.findByText("Choose a rating from 1 to 5.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends the rating as a number and shows the server's field error under the comment", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(422, "validation_error", "The input is not valid.", {
      comment: ["Longer than maximum length 2000."],
    }));
    renderWithApp(<ReviewForm jobTitle="Furnace tune-up" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByLabelText("4 — Good"));
    await fill("Comment", "On time, tidy");
    await userEvent.click(screen.getByRole("button", { name: "Send review" }));
    await waitFor(() => expect(screen.getByLabelText("Comment")).toHaveAccessibleDescription(expect.stringContaining("Longer than maximum length 2000.")));
    expect(onSubmit).toHaveBeenCalledWith({ rating: 4, comment: "On time, tidy" });
  });

  it("says why when the job cannot be reviewed", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(409, "conflict", "This job was already reviewed."));
    renderWithApp(<ReviewForm jobTitle="Furnace tune-up" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByLabelText("1 — Very poor"));
    await userEvent.click(screen.getByRole("button", { name: "Send review" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This job was already reviewed.");
    expect(onSubmit).toHaveBeenCalledWith({ rating: 1, comment: null });
  });
});
