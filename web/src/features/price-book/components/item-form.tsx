import { Alert, Button, Group, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useAddItem, useChangeItem, type PriceBookItem } from "../api/price-book";
import { PROPERTY_KINDS, emptyItem, itemBody, itemRules, itemValues } from "./item-values";
import { placeErrors } from "@/features/billing/components/form-errors";

const RENAMED: Record<string, string> = { unit_price_cents: "price" };
const rename = (path: string) => RENAMED[path] ?? (path.startsWith("kind_prices") ? "kind_prices" : path);

type Props = { item?: PriceBookItem; currency: string; onSaved: (item: PriceBookItem) => void; onCancel: () => void };

/** A service of the price book: its standard price and, where it differs, its price at each kind of property. */
export function ItemForm({ item, currency, onSaved, onCancel }: Props) {
  const add = useAddItem();
  const change = useChangeItem();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({ mode: "controlled", initialValues: item ? itemValues(item) : emptyItem(), validate: itemRules });

  async function submit(values: typeof form.values) {
    setProblems([]);
    const body = itemBody(values, item?.currency ?? currency);
    try {
      if (item) {
        const { currency: _unchanged, ...patch } = body;
        onSaved(await change.mutateAsync({ id: item.id!, body: patch }));
      } else {
        onSaved(await add.mutateAsync(body));
      }
    } catch (error) {
      setProblems(placeErrors(form, error, rename));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={item ? "Edit service" : "New service"}>
      <Stack gap="sm">
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps("name")} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
        <SimpleGrid cols={2}>
          <TextInput label={`Standard price (${currency})`} withAsterisk inputMode="decimal" placeholder="0.00"
            {...form.getInputProps("price")} />
          <TextInput label="Tax %" inputMode="decimal" placeholder="0" {...form.getInputProps("tax_rate")} />
          {PROPERTY_KINDS.map(([kind, label]) => (
            <TextInput key={kind} label={`${label} price`} inputMode="decimal" placeholder="Standard price"
              description="Only where it differs" {...form.getInputProps(`kind_prices.${kind}`)} />
          ))}
        </SimpleGrid>
        {form.errors.kind_prices && <Alert color="red" role="alert">{form.errors.kind_prices}</Alert>}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={add.isPending || change.isPending}>{item ? "Save" : "Add service"}</Button>
        </Group>
      </Stack>
    </form>
  );
}
