import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

import { usePriceBook, type PriceBookItem } from "../api/price-book";
import { centsToText } from "@/lib/money";

/** A line as the invoice and estimate forms hold it: text, read to cents exactly when saved. */
export type PickedLine = { description: string; quantity: string; price: string; tax_rate: string };

/** The item's price at a property of ``kind``: its own price for that kind, else the standard one (as billing prices). */
export function priceAt(item: PriceBookItem, kind: string | null | undefined): number {
  const prices = item.kind_prices ?? {};
  return kind && kind in prices ? prices[kind] : item.unit_price_cents ?? 0;
}

export function pickedLine(item: PriceBookItem, kind: string | null | undefined): PickedLine {
  return {
    description: item.description ? `${item.name} — ${item.description}` : item.name ?? "", quantity: "1",
    price: centsToText(priceAt(item, kind)), tax_rate: Number(item.tax_rate ?? 0) ? String(Number(item.tax_rate)) : "",
  };
}

type Props = { propertyKind?: string | null; onPick: (line: PickedLine) => void };

/** "Add from price book": the account's services by name, priced for the property the work is at. Asks only once opened. */
export function PriceBookPicker({ propertyKind, onPick }: Props) {
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 200);
  const book = usePriceBook(q, false, opened);
  const items = book.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Select
      aria-label="Add from price book" placeholder="Add from price book…" searchable clearable={false} w={260} size="xs"
      value={null} searchValue={search} onSearchChange={setSearch} onDropdownOpen={() => setOpened(true)}
      nothingFoundMessage={book.isPending ? "Loading…" : "No service by that name"} filter={({ options }) => options}
      data={items.map((item) => ({ value: item.id!, label: item.name! }))}
      onChange={(id) => {
        const item = items.find((i) => i.id === id);
        if (item) onPick(pickedLine(item, propertyKind));
        setSearch("");
      }}
    />
  );
}
