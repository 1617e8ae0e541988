import type { PriceBookItem, PriceBookItemIn } from "../api/price-book";
import { parseCents, parseRate } from "@/features/billing/components/invoice-money";
import { centsToText } from "@/lib/money";

/** The kinds of property customers have (the customers service's words), each of which may have its own price. */
export const PROPERTY_KINDS = [["residential", "Residential"], ["commercial", "Commercial"]] as const;

export type ItemValues = {
  name: string; description: string; price: string; tax_rate: string;
  kind_prices: Record<string, string>;
};

export const emptyItem = (): ItemValues => ({
  name: "", description: "", price: "", tax_rate: "", kind_prices: Object.fromEntries(PROPERTY_KINDS.map(([k]) => [k, ""])),
});

export function itemValues(item: PriceBookItem): ItemValues {
  const prices = item.kind_prices ?? {};
  return {
    name: item.name ?? "", description: item.description ?? "", price: centsToText(item.unit_price_cents ?? 0),
    tax_rate: item.tax_rate && Number(item.tax_rate) !== 0 ? String(Number(item.tax_rate)) : "",
    kind_prices: Object.fromEntries(PROPERTY_KINDS.map(([k]) => [k, k in prices ? centsToText(prices[k]) : ""])),
  };
}

export const itemRules = {
  name: (v: string) => (v.trim() ? null : "Name the service."),
  price: (v: string) => (parseCents(v) === null ? "A price like 129 or 89.50." : null),
  tax_rate: (v: string) => (parseRate(v) === null ? "A rate in percent, like 8.25." : null),
  kind_prices: Object.fromEntries(PROPERTY_KINDS.map(([k]) => [k, (v: string) => (v.trim() && parseCents(v) === null ? "A price like 189 or leave it empty." : null)])),
};

/** The body the API takes: cents for prices, a decimal string for the rate; empty kind prices mean "the standard". */
export function itemBody(values: ItemValues, currency: string): PriceBookItemIn {
  const kindPrices = Object.fromEntries(Object.entries(values.kind_prices)
    .filter(([, text]) => text.trim()).map(([kind, text]) => [kind, parseCents(text)!]));
  return {
    name: values.name.trim(), description: values.description.trim() || null, currency,
    unit_price_cents: parseCents(values.price)!, kind_prices: kindPrices, tax_rate: values.tax_rate.trim() || "0",
  };
}
