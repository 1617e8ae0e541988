import { Alert, Button, Checkbox, Group, Radio, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { LedgerEntry } from "../api/history";
import type { Invoice } from "../api/invoices";
import { useRefund } from "../api/money-moves";
import { amountRule } from "./amount";
import { placeErrors } from "./form-errors";
import { parseCents } from "./invoice-money";
import { day, money } from "@/lib/format";

type Props = { customerId: string; payment: LedgerEntry; invoice?: Invoice; onSaved: () => void; onCancel: () => void };
const RENAMED: Record<string, string> = { amount_cents: "amount", invoice_id: "from_invoice" };

/**
 * Money of one payment given back: to the customer, or (off an invoice) onto account credit. From an invoice,
 * that invoice owes the amount again; without one it comes out of the payment's unapplied part.
 */
export function RefundForm({ customerId, payment, invoice, onSaved, onCancel }: Props) {
  const refund = useRefund(customerId);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    mode: "controlled",
    initialValues: { amount: "", destination: "customer", from_invoice: Boolean(invoice && (invoice.paid_cents ?? 0) > 0), reason: "" },
    validate: { amount: amountRule },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await refund.mutateAsync({
        payment_id: payment.record_id!, amount_cents: parseCents(values.amount)!, reason: values.reason.trim() || null,
        destination: values.destination as "customer" | "account_credit", invoice_id: values.from_invoice && invoice ? invoice.id! : null,
      });
      onSaved();
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Refund">
      <Stack gap="sm">
        <TextInput label="Payment" readOnly value={`${payment.description} · ${money(payment.credit_cents, payment.currency)} · ${day(payment.occurred_at)}`} />
        <TextInput label="Amount" withAsterisk inputMode="decimal" placeholder="0.00" data-autofocus {...form.getInputProps("amount")} />
        {invoice && <Checkbox label={`Take it off ${invoice.number} (it owes the amount again)`} {...form.getInputProps("from_invoice", { type: "checkbox" })} />}
        <Radio.Group label="Where the money goes" {...form.getInputProps("destination")}>
          <Group mt={4}>
            <Radio value="customer" label="Back to the customer" />
            <Radio value="account_credit" label="Onto account credit" />
          </Group>
        </Radio.Group>
        <TextInput label="Reason" {...form.getInputProps("reason")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not refunded">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" color="red" loading={refund.isPending}>Refund</Button>
        </Group>
      </Stack>
    </form>
  );
}
