import { Alert, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useCard, useRemoveCard, useSetCard } from "../api/history";
import { ConfirmDialog } from "./confirm-dialog";
import { placeErrors } from "./form-errors";

const BRANDS = ["visa", "mastercard", "amex", "discover", "other"].map((b) => ({ value: b, label: b === "amex" ? "American Express" : b[0].toUpperCase() + b.slice(1) }));

/** A card the processor holds, saved by its token: we never see nor keep the card's number. */
function CardForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const save = useSetCard(customerId);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    mode: "controlled",
    initialValues: { processor_token: "", brand: "visa" as string | null, last4: "", exp_month: "", exp_year: "" },
    validate: {
      processor_token: (v) => (/^(tok|pm|card|src)_[A-Za-z0-9]{6,100}$/.test(v.trim()) ? null : "The processor's token, like tok_1AbCdEf."),
      last4: (v) => (/^\d{4}$/.test(v) ? null : "The last four digits."),
      exp_month: (v) => (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12 ? null : "A month, 1 to 12."),
      exp_year: (v) => (/^\d{4}$/.test(v) ? null : "A year like 2029."),
    },
  });

  async function submit(v: typeof form.values) {
    setProblems([]);
    try {
      await save.mutateAsync({
        processor_token: v.processor_token.trim(), brand: v.brand as "visa", last4: v.last4,
        exp_month: Number(v.exp_month), exp_year: Number(v.exp_year),
      });
      notifications.show({ color: "green", message: "Card on file saved." });
      onDone();
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Card on file">
      <Stack gap="sm">
        <TextInput label="Processor token" withAsterisk placeholder="tok_…" data-autofocus {...form.getInputProps("processor_token")} />
        <SimpleGrid cols={4}>
          <Select label="Brand" data={BRANDS} allowDeselect={false} {...form.getInputProps("brand")} />
          <TextInput label="Last 4" withAsterisk inputMode="numeric" {...form.getInputProps("last4")} />
          <TextInput label="Exp. month" withAsterisk inputMode="numeric" {...form.getInputProps("exp_month")} />
          <TextInput label="Exp. year" withAsterisk inputMode="numeric" {...form.getInputProps("exp_year")} />
        </SimpleGrid>
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>Save card</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CardOnFile({ customerId }: { customerId: string }) {
  const card = useCard(customerId);
  const remove = useRemoveCard(customerId);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const c = card.data;
  return (
    <Paper withBorder p="md" component="section" aria-label="Card on file">
      <Title order={2} size="h4" mb="xs">Card on file</Title>
      <Group justify="space-between">
        <Text size="sm" aria-label="Card">
          {card.isPending ? "…" : card.isError ? "Unavailable right now." : c
            ? `${c.brand} ·${c.last4}, expires ${String(c.exp_month).padStart(2, "0")}/${c.exp_year}` : "No card on file."}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setEditing(true)} disabled={card.isError}>{c ? "Replace card" : "Set card"}</Button>
          {c && <Button size="xs" variant="outline" color="red" onClick={() => { remove.reset(); setRemoving(true); }}>Remove card</Button>}
        </Group>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={c ? "Replace the card on file" : "Set a card on file"} size="lg"
        closeButtonProps={{ "aria-label": "Close" }}>
        {editing && <CardForm customerId={customerId} onDone={() => setEditing(false)} />}
      </Modal>
      <ConfirmDialog opened={removing} title="Remove the card on file?" confirm="Remove card" busy={remove.isPending}
        message="Future charges will need a new card from the customer." error={remove.error?.message}
        onClose={() => setRemoving(false)} onConfirm={() => remove.mutate(undefined, {
          onSuccess: () => { notifications.show({ message: "Card removed." }); setRemoving(false); },
        })} />
    </Paper>
  );
}
