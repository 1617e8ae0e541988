import { Anchor, Button, Drawer, Loader, Paper, SimpleGrid, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";

import { useCardOnFile, useLedger } from "../api/billing";
import type { Header } from "../api/get-workspace";
import { PageError } from "@/components/page-error";
import { day, money } from "@/lib/format";

function Stat({ label, value, onOpen }: { label: string; value: string; onOpen?: () => void }) {
  const body = (
    <>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
      {onOpen && <VisuallyHidden>Open billing history</VisuallyHidden>}
    </>
  );
  return (
    <Paper withBorder p="sm">
      {onOpen ? <UnstyledButton onClick={onOpen} w="100%">{body}</UnstyledButton> : body}
    </Paper>
  );
}

function BillingHistory({ customerId }: { customerId: string }) {
  const ledger = useLedger(customerId, true);
  if (ledger.isPending) return <Loader size="sm" aria-label="Loading billing history" />;
  if (ledger.isError) return <PageError error={ledger.error} retry={() => ledger.refetch()} />;
  const entries = ledger.data.pages.flatMap((p) => p.items ?? []);
  if (!entries.length) return <Text c="dimmed" size="sm">Nothing billed yet.</Text>;
  return (
    <>
      <Table fz="sm" aria-label="Billing history">
        <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th>Charge</Table.Th><Table.Th>Credit</Table.Th><Table.Th>Balance</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{day(e.occurred_at)}</Table.Td><Table.Td>{e.description}</Table.Td>
              <Table.Td>{e.debit_cents ? money(e.debit_cents, e.currency) : ""}</Table.Td>
              <Table.Td>{e.credit_cents ? money(e.credit_cents, e.currency) : ""}</Table.Td>
              <Table.Td>{money(e.running_balance_cents, e.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {ledger.hasNextPage && <Button variant="default" size="xs" onClick={() => ledger.fetchNextPage()}>Load more</Button>}
    </>
  );
}

/** The header figures; a figure whose service is down says so instead of a number. */
export function StatCards({ customerId, header }: { customerId: string; header: Header | undefined }) {
  const [history, setHistory] = useState(false);
  const missing = new Set(header?.missing ?? []);
  const billingShown = header !== undefined && "balance_cents" in header && !missing.has("billing");
  const card = useCardOnFile(customerId, billingShown);
  const currency = header?.currency ?? "USD";
  const billing = (value: number | null | undefined) => (missing.has("billing") ? "Unavailable" : money(value, currency));
  const count = (service: string, value: number | null | undefined) =>
    missing.has(service) ? "Unavailable" : value === null || value === undefined ? "—" : String(value);
  const cardText = !billingShown ? "Unavailable" : card.isPending ? "…" : card.isError ? "Unavailable"
    : card.data ? `${card.data.brand} ·${card.data.last4}, exp ${String(card.data.exp_month).padStart(2, "0")}/${String(card.data.exp_year).slice(-2)}`
    : "None";
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" aria-label="Figures">
        <Stat label="Balance" value={billing(header?.balance_cents)} onOpen={billingShown ? () => setHistory(true) : undefined} />
        <Stat label="Lifetime revenue" value={billing(header?.lifetime_revenue_cents)} />
        <Stat label="Total billed" value={billing(header?.total_billed_cents)} />
        <Stat label="Total paid" value={billing(header?.total_paid_cents)} />
        <Stat label="Open jobs" value={count("jobs", header?.open_job_count)} />
        <Stat label="Open invoices" value={count("billing", header?.open_invoice_count)} />
        <Stat label="Card on file" value={cardText} />
      </SimpleGrid>
      <Drawer opened={history} onClose={() => setHistory(false)} position="right" size="xl" title="Billing history"
        closeButtonProps={{ "aria-label": "Close" }}>
        <Anchor component={Link} to={`/customers/${customerId}/billing`} size="sm">Open the full billing history</Anchor>
        {history && <BillingHistory customerId={customerId} />}
      </Drawer>
    </>
  );
}
