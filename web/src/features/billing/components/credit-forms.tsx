import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useBillingSummary } from "../api/history";
import { useApplyCredit, type Invoice } from "../api/invoices";
import { useIssueCreditNote } from "../api/money-moves";
import { amountRule } from "./amount";
import { placeErrors } from "./form-errors";
import { centsToText, parseCents } from "./invoice-money";
import { money } from "@/lib/format";

type Props = { invoice: Invoice; onSaved: () => void; onCancel: () => void };
const RENAMED: Record<string, string> = { amount_cents: "amount" };

/** A credit note for the customer: taken off this invoice at once, or kept on account for later. */
export function CreditNoteForm({ invoice, onSaved, onCancel }: Props) {
  const issue = useIssueCreditNote(invoice.customer_id!);
  const [problems, setProblems] = useState<string[]>([]);
  const applicable = ["sent", "viewed", "partial", "overdue"].includes(invoice.status ?? "") && (invoice.balance_cents ?? 0) > 0;
  const form = useForm({
    mode: "controlled",
    initialValues: { amount: "", reason: "", apply: applicable },
    validate: { amount: amountRule, reason: (v) => (v.trim() ? null : "Say why the customer is credited.") },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await issue.mutateAsync({
        customer_id: invoice.customer_id!, amount_cents: parseCents(values.amount)!, reason: values.reason.trim(),
        currency: invoice.currency ?? "USD", invoice_id: values.apply ? invoice.id! : null,
      });
      onSaved();
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Credit note">
      <Stack gap="sm">
        <TextInput label="Amount" withAsterisk inputMode="decimal" placeholder="0.00" data-autofocus {...form.getInputProps("amount")} />
        <TextInput label="Reason" withAsterisk {...form.getInputProps("reason")} />
        {applicable && (
          <Checkbox label={`Take it off ${invoice.number} (owes ${money(invoice.balance_cents, invoice.currency)})`}
            {...form.getInputProps("apply", { type: "checkbox" })} />
        )}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not issued">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={issue.isPending}>Issue credit note</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The customer's unapplied payments and credit notes, used on this invoice (oldest first, as billing does). */
export function ApplyCreditForm({ invoice, onSaved, onCancel }: Props) {
  const summary = useBillingSummary(invoice.customer_id!);
  const apply = useApplyCredit(invoice);
  const [problems, setProblems] = useState<string[]>([]);
  const available = summary.data?.credit_cents ?? 0;
  const most = Math.min(available, invoice.balance_cents ?? 0);
  const form = useForm({
    mode: "controlled",
    initialValues: { amount: "" },
    validate: { amount: (v) => amountRule(v) ?? ((parseCents(v) ?? 0) > most ? `At most ${money(most, invoice.currency)}.` : null) },
  });
  const shown = form.getValues().amount || (most ? centsToText(most) : "");

  async function submit() {
    setProblems([]);
    try {
      await apply.mutateAsync(parseCents(shown)!);
      onSaved();
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Apply credit">
      <Stack gap="sm">
        <Text size="sm" aria-label="Credit available">
          {summary.isPending ? "Checking the customer's credit…" : `Credit available: ${money(available, invoice.currency)}`}
        </Text>
        <TextInput label="Amount to apply" inputMode="decimal" placeholder="0.00" {...form.getInputProps("amount")} value={shown}
          onChange={(event) => form.setFieldValue("amount", event.currentTarget.value)} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not applied">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={apply.isPending} disabled={!summary.isPending && most === 0}>Apply credit</Button>
        </Group>
      </Stack>
    </form>
  );
}
