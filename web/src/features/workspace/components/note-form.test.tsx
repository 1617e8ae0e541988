import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { NoteForm } from "./note-form";
import { ApiError } from "@/lib/api-client";
import { fill, renderWithApp } from "@/testing/render";

describe("NoteForm", () => {
  it("refuses an empty note without calling the server", async () => {
    const onSubmit = vi.fn();
    renderWithApp(<NoteForm submitLabel="Add note" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Write the note first.")).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the server's message for the body under the note", async () => {
    const onSubmit = vi.fn().mockRejectedValue(new ApiError(422, "validation_error", "The input is not valid.", {
      body: ["Longer than maximum length 20000."],
    }));
    renderWithApp(<NoteForm submitLabel="Add note" onSubmit={onSubmit} />);
    await fill("Note", "Gate code 1234");
    await userEvent.click(screen.getByLabelText("Pin to top"));
    await userEvent.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(screen.getByLabelText("Note")).toHaveAccessibleDescription(expect.stringContaining("Longer than maximum length 20000.")));
    expect(onSubmit).toHaveBeenCalledWith({ body: "Gate code 1234", pinned: true, communication_id: null });
  });
});
