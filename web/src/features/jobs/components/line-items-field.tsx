import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

import { money } from "@/lib/format";
import { parseCents } from "@/lib/money";

export type LineItemValues = { description: string; quantity: number | string; price: string };
type WithItems = { line_items: LineItemValues[] };

export const emptyLine = (): LineItemValues => ({ description: "", quantity: 1, price: "" });

/** A line's total in cents, or null while its quantity or price is not a number yet. */
export function lineCents(line: LineItemValues): number | null {
  const cents = parseCents(line.price);
  const quantity = Number(line.quantity);
  return cents === null || !Number.isInteger(quantity) || quantity < 1 ? null : cents * quantity;
}

export const lineRules = {
  description: (v: string) => (v.trim() ? null : "Describe the line."),
  quantity: (v: number | string) => (Number.isInteger(Number(v)) && Number(v) >= 1 && v !== "" ? null : "A whole number, 1 or more."),
  price: (v: string) => (parseCents(v) === null ? "A price like 125 or 89.50." : null),
};

/** Line items with quantity and unit price; prices are read as cents from the text typed, never as floats. */
export function LineItemsField<V extends WithItems>({ form, currency }: { form: UseFormReturnType<V>; currency: string }) {
  const lines = (form.getValues() as WithItems).line_items;
  const total = lines.reduce((sum, line) => sum + (lineCents(line) ?? 0), 0);
  const f = form as unknown as UseFormReturnType<WithItems>;
  return (
    <Stack gap="xs" role="group" aria-label="Line items">
      <Text size="sm" fw={500}>Line items</Text>
      {lines.map((line, i) => (
        <Group key={f.key(`line_items.${i}`)} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={`Line ${i + 1} description`} {...f.getInputProps(`line_items.${i}.description`)} />
          <NumberInput w={90} label={`Line ${i + 1} quantity`} min={1} allowDecimal={false} allowNegative={false}
            {...f.getInputProps(`line_items.${i}.quantity`)} />
          <TextInput w={120} label={`Line ${i + 1} unit price`} inputMode="decimal" placeholder="0.00"
            {...f.getInputProps(`line_items.${i}.price`)} />
          <Text w={100} mt={30} size="sm" ta="right" aria-label={`Line ${i + 1} total`}>{money(lineCents(line), currency)}</Text>
          <ActionIcon mt={28} variant="subtle" color="red" aria-label={`Remove line ${i + 1}`} onClick={() => f.removeListItem("line_items", i)}>×</ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button size="compact-sm" variant="light" onClick={() => f.insertListItem("line_items", emptyLine())}>Add line</Button>
        <Text fw={600} aria-label="Estimate total">Total {money(total, currency)}</Text>
      </Group>
    </Stack>
  );
}
