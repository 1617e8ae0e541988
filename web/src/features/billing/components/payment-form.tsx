import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useOpenInvoices } from "../api/invoices";
import { useRecordPayment } from "../api/money-moves";
import { amountRule } from "./amount";
import { placeErrors } from "./form-errors";
import { allocateOldestFirst, centsToText, parseCents } from "./invoice-money";
import { PageError } from "@/components/page-error";
import { day, money } from "@/lib/format";

const METHODS = [{ value: "card", label: "Card" }, { value: "cash", label: "Cash" }, { value: "check", label: "Check" }, { value: "ach", label: "ACH transfer" }];

const RENAMED: Record<string, string> = { amount_cents: "amount", allocations: "shares" };

type Props = { customerId: string; currency?: string; onSaved: () => void; onCancel: () => void };

/**
 * A payment received: its method and amount, spread over the customer's open invoices oldest first (each share
 * can be changed); what no invoice takes stays on account as credit.
 */
export function PaymentForm({ customerId, currency = "USD", onSaved, onCancel }: Props) {
  const open = useOpenInvoices(customerId);
  const record = useRecordPayment(customerId);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    mode: "controlled",
    initialValues: { method: "check" as string | null, amount: "", reference: "", shares: {} as Record<string, string> },
    validate: {
      method: (v) => (v ? null : "Pick how it was paid."),
      amount: amountRule,
      shares: (shares, all) => {
        const cents = Object.values(shares).map((s) => (s.trim() ? parseCents(s) : 0));
        if (cents.some((c) => c === null)) return "Each share is an amount like 125 or 89.50, or empty.";
        const sum = (cents as number[]).reduce((a, b) => a + b, 0);
        return sum > (parseCents(all.amount) ?? 0) ? "The shares add up to more than the payment." : null;
      },
    },
    onValuesChange: (values, previous) => {
      // A new amount spreads itself oldest first again; a share typed by hand stays until then.
      if (values.amount === previous.amount || !open.data) return;
      const shares = allocateOldestFirst(parseCents(values.amount) ?? 0, open.data.map((i) => ({
        id: i.id!, due_date: i.due_date, balance_cents: i.balance_cents ?? 0,
      })));
      form.setFieldValue("shares", Object.fromEntries(Object.entries(shares).map(([id, c]) => [id, c ? centsToText(c) : ""])));
    },
  });
  if (open.isPending) return <Loader size="sm" aria-label="Loading open invoices" />;
  if (open.isError) return <PageError error={open.error} retry={() => open.refetch()} />;

  const values = form.getValues();
  const amount = parseCents(values.amount) ?? 0;
  const applied = Object.values(values.shares).reduce((sum, s) => sum + (parseCents(s) ?? 0), 0);

  async function submit(v: typeof values) {
    setProblems([]);
    const allocations = Object.entries(v.shares)
      .map(([invoice_id, text]) => ({ invoice_id, amount_cents: text.trim() ? parseCents(text)! : 0 }))
      .filter((a) => a.amount_cents > 0);
    try {
      await record.mutateAsync({
        customer_id: customerId, method: v.method as "card" | "cash" | "check" | "ach", amount_cents: parseCents(v.amount)!,
        currency, reference: v.reference.trim() || null, allocations,
      });
      onSaved();
    } catch (error) {
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Record a payment">
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <Select label="Method" data={METHODS} withAsterisk allowDeselect={false} {...form.getInputProps("method")} key={form.key("method")} />
          <TextInput label="Amount" withAsterisk inputMode="decimal" placeholder="0.00" data-autofocus
            {...form.getInputProps("amount")} key={form.key("amount")} />
          <TextInput label="Reference" placeholder="Check number" {...form.getInputProps("reference")} key={form.key("reference")} />
        </SimpleGrid>
        {open.data.length ? (
          <Table aria-label="Allocation" fz="sm">
            <Table.Thead><Table.Tr><Table.Th>Invoice</Table.Th><Table.Th>Due</Table.Th><Table.Th>Owes</Table.Th><Table.Th>Apply</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {open.data.map((invoice) => (
                <Table.Tr key={invoice.id}>
                  <Table.Td>{invoice.number}</Table.Td><Table.Td>{day(invoice.due_date)}</Table.Td>
                  <Table.Td>{money(invoice.balance_cents, invoice.currency)}</Table.Td>
                  <Table.Td>
                    <TextInput size="xs" w={110} aria-label={`Apply to ${invoice.number}`} inputMode="decimal" placeholder="0.00"
                      {...form.getInputProps(`shares.${invoice.id}`)} value={values.shares[invoice.id!] ?? ""} key={form.key(`shares.${invoice.id}`)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : <Text size="sm" c="dimmed">No open invoices: the whole payment stays on account.</Text>}
        {form.errors.shares && <Text size="sm" c="red" role="alert">{form.errors.shares}</Text>}
        <Text size="sm" aria-label="Remainder on account">
          Applied {money(applied, currency)} · on account {money(Math.max(0, amount - applied), currency)}
        </Text>
        {problems.length > 0 && <Alert color="red" role="alert" title="Not recorded">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={record.isPending}>Record payment</Button>
        </Group>
      </Stack>
    </form>
  );
}
