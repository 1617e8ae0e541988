import { Group, Paper, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import type { Job } from "../api/job";
import { money } from "@/lib/format";

/** A titled card of a record page, named by its title for assistive technology. */
export function Card({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const id = `card-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs"><Title order={2} size="h4" id={id}>{title}</Title>{action}</Group>
      {children}
    </Paper>
  );
}

export function LineItems({ items, currency, total }: { items: Job["line_items"]; currency?: string; total?: number }) {
  if (!items?.length) return <Text size="sm" c="dimmed">No line items.</Text>;
  return (
    <Table aria-label="Line items" fz="sm" striped>
      <Table.Thead>
        <Table.Tr><Table.Th>Description</Table.Th><Table.Th ta="right">Qty</Table.Th><Table.Th ta="right">Unit price</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((line, i) => (
          <Table.Tr key={i}>
            <Table.Td>{line.description}</Table.Td><Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td ta="right">{money(line.unit_price_cents, currency)}</Table.Td><Table.Td ta="right">{money(line.total_cents, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr><Table.Th colSpan={3} ta="right">Total</Table.Th><Table.Th ta="right" aria-label="Total">{money(total, currency)}</Table.Th></Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
