import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

import { invoiceTotals, lineFigures, parseCents, parseHundredths, parseRate, type LineText } from "./invoice-money";
import { PriceBookPicker } from "@/features/price-book/components/price-book-picker";
import { money } from "@/lib/format";

export type InvoiceLineValues = LineText & { description: string };
type WithLines = { lines: InvoiceLineValues[] };

export const emptyInvoiceLine = (): InvoiceLineValues => ({ description: "", quantity: "1", price: "", tax_rate: "" });

export const invoiceLineRules = {
  description: (v: string) => (v.trim() ? null : "Describe the line."),
  quantity: (v: string) => (parseHundredths(v) === null ? "A quantity like 1 or 1.5." : null),
  price: (v: string) => (parseCents(v) === null ? "A price like 125 or 89.50." : null),
  tax_rate: (v: string) => (parseRate(v) === null ? "A rate in percent, like 8.25." : null),
};

/** An invoice's lines: quantity, unit price and tax rate typed as text and read to cents exactly, or picked from the
 * price book at the price for the invoice's property. */
export function InvoiceLinesField<V extends WithLines>({ form, currency, propertyKind }: { form: UseFormReturnType<V>; currency: string; propertyKind?: string | null }) {
  const f = form as unknown as UseFormReturnType<WithLines>;
  const lines = f.getValues().lines;
  const totals = invoiceTotals(lines);
  return (
    <Stack gap="xs" role="group" aria-label="Line items">
      <Text size="sm" fw={500}>Line items</Text>
      {lines.map((line, i) => (
        <Group key={f.key(`lines.${i}`)} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={`Line ${i + 1} description`} {...f.getInputProps(`lines.${i}.description`)} />
          <TextInput w={80} label={`Line ${i + 1} quantity`} inputMode="decimal" {...f.getInputProps(`lines.${i}.quantity`)} />
          <TextInput w={110} label={`Line ${i + 1} unit price`} inputMode="decimal" placeholder="0.00"
            {...f.getInputProps(`lines.${i}.price`)} />
          <TextInput w={80} label={`Line ${i + 1} tax %`} inputMode="decimal" placeholder="0"
            {...f.getInputProps(`lines.${i}.tax_rate`)} />
          <Text w={90} mt={30} size="sm" ta="right" aria-label={`Line ${i + 1} amount`}>{money(lineFigures(line)?.amount, currency)}</Text>
          <ActionIcon mt={28} variant="subtle" color="red" aria-label={`Remove line ${i + 1}`} disabled={lines.length === 1}
            onClick={() => f.removeListItem("lines", i)}>×</ActionIcon>
        </Group>
      ))}
      <Group justify="space-between" align="flex-start">
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => f.insertListItem("lines", emptyInvoiceLine())}>Add line</Button>
          <PriceBookPicker propertyKind={propertyKind} onPick={(line) => {
            // A picked service fills the one empty line a new invoice starts with, else comes as a new line.
            const last = lines.length - 1;
            if (!lines[last].description.trim() && !lines[last].price.trim()) f.replaceListItem("lines", last, line);
            else f.insertListItem("lines", line);
          }} />
        </Group>
        <Stack gap={0} align="flex-end">
          <Text size="sm">Subtotal {money(totals.subtotal, currency)} · Tax {money(totals.tax, currency)}</Text>
          <Text fw={600} aria-label="Invoice total">Total {money(totals.total, currency)}</Text>
        </Stack>
      </Group>
    </Stack>
  );
}
