import { Button, Loader, Paper, Table, Text, Title } from "@mantine/core";

import { useLedger } from "../api/history";
import { PageError } from "@/components/page-error";
import { day, money } from "@/lib/format";

/** Every invoice, payment, credit and refund, newest first, with what the customer owed after each. */
export function LedgerCard({ customerId }: { customerId: string }) {
  const ledger = useLedger(customerId);
  const entries = ledger.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label="Ledger">
      <Title order={2} size="h4" mb="xs">Ledger</Title>
      {ledger.isPending ? <Loader size="sm" aria-label="Loading the ledger" />
        : ledger.isError ? <PageError error={ledger.error} retry={() => ledger.refetch()} />
        : !entries.length ? <Text c="dimmed" size="sm">Nothing billed yet.</Text>
        : (
          <Table fz="sm" striped aria-label="Ledger entries">
            <Table.Thead>
              <Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th ta="right">Charge</Table.Th><Table.Th ta="right">Credit</Table.Th><Table.Th ta="right">Balance</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{day(e.occurred_at)}</Table.Td><Table.Td>{e.description}</Table.Td>
                  <Table.Td ta="right">{e.debit_cents ? money(e.debit_cents, e.currency) : ""}</Table.Td>
                  <Table.Td ta="right">{e.credit_cents ? money(e.credit_cents, e.currency) : ""}</Table.Td>
                  <Table.Td ta="right">{money(e.running_balance_cents, e.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      {ledger.hasNextPage && (
        <Button variant="default" size="xs" mt="xs" loading={ledger.isFetchingNextPage} onClick={() => ledger.fetchNextPage()}>Load more</Button>
      )}
    </Paper>
  );
}
