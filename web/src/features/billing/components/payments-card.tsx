import { Button, Modal, Paper, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useLedger, type LedgerEntry } from "../api/history";
import type { Invoice } from "../api/invoices";
import { RefundForm } from "./refund-form";
import { day, money } from "@/lib/format";

const MONEY_IN = new Set(["payment", "credit", "refund"]);

/**
 * The customer's payments, credit notes and refunds, from the ledger: billing does not yet say which payment
 * went to which invoice, so the invoice's own share is its Paid and Credits figures. A payment can be refunded.
 */
export function PaymentsCard({ invoice }: { invoice: Invoice }) {
  const ledger = useLedger(invoice.customer_id!);
  const [refunding, setRefunding] = useState<LedgerEntry | null>(null);
  const entries = (ledger.data?.pages.flatMap((p) => p.items ?? []) ?? []).filter((e) => MONEY_IN.has(e.kind ?? ""));
  return (
    <Paper withBorder p="md" component="section" aria-label="Payments and credits">
      <Title order={2} size="h4" mb="xs">Payments and credits</Title>
      <Text size="sm" mb="xs">
        On this invoice: paid {money(invoice.paid_cents, invoice.currency)}, credited {money(invoice.credited_cents, invoice.currency)}.
      </Text>
      {ledger.isError && <Text size="sm" c="red">The customer's payments could not be loaded: {ledger.error.message}</Text>}
      {entries.length > 0 ? (
        <Table fz="sm" aria-label="Customer payments and credits">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th>Amount</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{day(e.occurred_at)}</Table.Td><Table.Td>{e.description}</Table.Td>
                <Table.Td>{money(e.credit_cents || e.debit_cents, e.currency)}</Table.Td>
                <Table.Td>{e.kind === "payment" && (
                  <Button size="compact-xs" variant="subtle" color="red" aria-label={`Refund ${e.description} of ${day(e.occurred_at)}`}
                    onClick={() => setRefunding(e)}>Refund</Button>
                )}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : !ledger.isPending && <Text size="sm" c="dimmed">No payments or credits from this customer yet.</Text>}
      {ledger.hasNextPage && <Button variant="default" size="xs" mt="xs" onClick={() => ledger.fetchNextPage()}>Load more</Button>}
      <Modal opened={refunding !== null} onClose={() => setRefunding(null)} title="Refund a payment" closeButtonProps={{ "aria-label": "Close" }}>
        {refunding && (
          <RefundForm customerId={invoice.customer_id!} payment={refunding} invoice={invoice} onCancel={() => setRefunding(null)}
            onSaved={() => { notifications.show({ color: "green", message: "Refund recorded." }); setRefunding(null); }} />
        )}
      </Modal>
    </Paper>
  );
}
