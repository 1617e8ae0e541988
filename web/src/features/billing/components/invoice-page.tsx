import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useCustomer } from "../api/customer";
import { useInvoice, type Invoice } from "../api/invoices";
import { InvoiceActions } from "./invoice-actions";
import { ImportedBadge } from "@/components/imported-badge";
import { InvoiceStatus } from "./invoice-status";
import { PaymentsCard } from "./payments-card";
import { PageError } from "@/components/page-error";
import { day, money, when } from "@/lib/format";

function Figure({ label, cents, currency, strong }: { label: string; cents: number | undefined; currency?: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xl">
      <Text size="sm" fw={strong ? 700 : 400}>{label}</Text>
      <Text size="sm" fw={strong ? 700 : 400} aria-label={label}>{money(cents, currency)}</Text>
    </Group>
  );
}

function Lines({ invoice }: { invoice: Invoice }) {
  return (
    <Table aria-label="Line items" fz="sm" striped>
      <Table.Thead>
        <Table.Tr><Table.Th>Description</Table.Th><Table.Th ta="right">Qty</Table.Th><Table.Th ta="right">Unit price</Table.Th><Table.Th ta="right">Tax</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(invoice.lines ?? []).map((line, i) => (
          <Table.Tr key={i}>
            <Table.Td>{line.description}</Table.Td><Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td ta="right">{money(line.unit_price_cents, invoice.currency)}</Table.Td>
            <Table.Td ta="right">{money(line.tax_cents, invoice.currency)}{Number(line.tax_rate) ? ` (${line.tax_rate}%)` : ""}</Table.Td>
            <Table.Td ta="right">{money(line.amount_cents, invoice.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function History({ invoice }: { invoice: Invoice }) {
  const steps: [string, string | null | undefined][] = [
    ["Created", invoice.created_at], ["Sent", invoice.sent_at], ["Viewed by the customer", invoice.viewed_at],
    ["Paid in full", invoice.paid_at], ["Voided", invoice.voided_at],
  ];
  return (
    <Stack gap={4} role="list" aria-label="History">
      {steps.filter(([, at]) => at).map(([what, at]) => (
        <Text key={what} size="sm" role="listitem">{what} · <Text span c="dimmed" size="sm">{when(at)}</Text></Text>
      ))}
    </Stack>
  );
}

/** One invoice: who it bills, what for, what is paid and owed, and what can be done to it now. */
export function InvoicePage({ invoiceId }: { invoiceId: string }) {
  const invoice = useInvoice(invoiceId);
  const customer = useCustomer(invoice.data?.customer_id);
  if (invoice.isPending) return <Loader aria-label="Loading the invoice" m="xl" />;
  if (invoice.isError) return <PageError error={invoice.error} retry={() => invoice.refetch()} />;
  const inv = invoice.data;
  const currency = inv.currency;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/customers/${inv.customer_id}/invoices`} size="sm">
        ← {customer.data?.display_name ?? "Customer"}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm"><Title order={1} size="h2">Invoice {inv.number}</Title><InvoiceStatus status={inv.status} />
            <ImportedBadge from={inv.imported_from} number={inv.source_number} /></Group>
          <Text size="sm" c="dimmed">Issued {day(inv.issue_date)} · due {day(inv.due_date)}</Text>
        </Stack>
        <InvoiceActions invoice={inv} customer={customer.data} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md" style={{ gridColumn: "span 2" }}>
          <Lines invoice={inv} />
          {inv.notes && <Text size="sm" mt="sm">{inv.notes}</Text>}
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Totals">
          <Stack gap={6}>
            <Figure label="Subtotal" cents={inv.subtotal_cents} currency={currency} />
            <Figure label="Tax" cents={inv.tax_cents} currency={currency} />
            <Figure label="Total" cents={inv.total_cents} currency={currency} strong />
            <Figure label="Paid" cents={inv.paid_cents} currency={currency} />
            <Figure label="Credits" cents={inv.credited_cents} currency={currency} />
            <Figure label="Balance" cents={inv.balance_cents} currency={currency} strong />
          </Stack>
        </Paper>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PaymentsCard invoice={inv} />
        <Paper withBorder p="md" component="section" aria-label="Invoice history">
          <Title order={2} size="h4" mb="xs">History</Title>
          <History invoice={inv} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
