import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ItemForm } from "./item-form";
import { pickedLine, priceAt } from "./price-book-picker";
import { answerRequests, fill, renderWithApp } from "@/testing/render";

const item = {
  id: "i-1", name: "Spring tune-up", description: null, currency: "USD", unit_price_cents: 12900,
  kind_prices: { commercial: 18950 }, tax_rate: "8.250", archived: false,
};

describe("ItemForm", () => {
  it("sends prices as exact cents and leaves out kinds priced as standard", async () => {
    const requests = answerRequests({ status: 201, body: { ...item, id: "i-2" } });
    const onSaved = vi.fn();
    renderWithApp(<ItemForm currency="USD" onSaved={onSaved} onCancel={vi.fn()} />);
    await fill("Name *", "Spring tune-up");
    await fill("Standard price (USD) *", "129.99");
    await fill("Commercial price", "1,189.5");
    await userEvent.click(screen.getByRole("button", { name: "Add service" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(requests[0].body).toEqual({
      name: "Spring tune-up", description: null, currency: "USD", unit_price_cents: 12999,
      kind_prices: { commercial: 118950 }, tax_rate: "0",
    });
  });

  it("asks for a price before calling the server, and shows the server's refusal under the name", async () => {
    const requests = answerRequests({ status: 422, body: { error: { code: "validation_error", message: "Invalid",
      fields: { name: ['The price book already has an item named "Spring tune-up".'] } } } });
    renderWithApp(<ItemForm currency="USD" onSaved={vi.fn()} onCancel={vi.fn()} />);
    await fill("Name *", "Spring tune-up");
    await userEvent.click(screen.getByRole("button", { name: "Add service" }));
    expect(screen.getByText("A price like 129 or 89.50.")).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await fill("Standard price (USD) *", "129");
    await userEvent.click(screen.getByRole("button", { name: "Add service" }));
    expect(await screen.findByText('The price book already has an item named "Spring tune-up".')).toBeInTheDocument();
  });

  it("changes an item with a patch that keeps its currency", async () => {
    const requests = answerRequests({ status: 200, body: item });
    renderWithApp(<ItemForm item={item} currency="EUR" onSaved={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.getByLabelText("Commercial price")).toHaveValue("189.50");
    expect(screen.getByLabelText("Tax %")).toHaveValue("8.25");
    await fill("Commercial price", "");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: "PATCH", body: { kind_prices: {}, unit_price_cents: 12900, tax_rate: "8.25" } });
    expect(requests[0].body).not.toHaveProperty("currency");
  });
});

describe("a picked price book line", () => {
  it("takes the price of the property's kind, else the standard one", () => {
    expect(priceAt(item, "commercial")).toBe(18950);
    expect(priceAt(item, "residential")).toBe(12900);
    expect(priceAt(item, null)).toBe(12900);
    expect(pickedLine(item, "commercial")).toEqual({ description: "Spring tune-up", quantity: "1", price: "189.50", tax_rate: "8.25" });
  });
});
