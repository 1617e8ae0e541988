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
  // Until the user types, the amount offered is the most that can be applied (known once the summary answers).
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const amount = typed ?? (most ? centsToText(most) : "");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblems([]);
    const problem = amountRule(amount) ?? ((parseCents(amount) ?? 0) > most ? `At most ${money(most, invoice.currency)}.` : null);
    setError(problem);
    if (problem) return;
    try {
      await apply.mutateAsync(parseCents(amount)!);
      onSaved();
    } catch (failure) {
      const fields = (failure as { fields?: Record<string, string[]> }).fields ?? {};
      if (fields.amount_cents) setError(fields.amount_cents.join(" "));
      else setProblems([failure instanceof Error ? failure.message : "Something went wrong."]);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Apply credit">
      <Stack gap="sm">
        <Text size="sm" aria-label="Credit available">
          {summary.isPending ? "Checking the customer's credit…" : `Credit available: ${money(available, invoice.currency)}`}
        </Text>
        <TextInput label="Amount to apply" inputMode="decimal" placeholder="0.00" value={amount} error={error}
          onChange={(event) => setTyped(event.currentTarget.value)} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not applied">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={apply.isPending} disabled={!summary.isPending && most === 0}>Apply credit</Button>
        </Group>
      </Stack>
    </form>
  );
}
