import { Table, Text } from "@mantine/core";

import type { HistoryPreview } from "../api/imports";
import { day, money } from "@/lib/format";

/** A history import's first rows as they will be sent to jobs and billing: whose, the past job, the past invoice. */
export function HistoryPreviewTable({ rows }: { rows: HistoryPreview[] }) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label="Preview of the first rows">
        <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Customer</Table.Th><Table.Th>Past job</Table.Th>
          <Table.Th>Past invoice</Table.Th><Table.Th>Kept as archived data</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row_number}>
              <Table.Td>{r.row_number}</Table.Td>
              <Table.Td>{r.customer}</Table.Td>
              <Table.Td>{r.job ? <>
                {r.job.source_number ? `#${r.job.source_number} · ` : ""}{r.job.title}
                <Text size="xs" c="dimmed">done {day(r.job.completed_on)}{r.job.technician ? ` by ${r.job.technician}` : ""}</Text>
              </> : "—"}</Table.Td>
              <Table.Td>{r.invoice ? <>
                {r.invoice.source_number ? `#${r.invoice.source_number} · ` : ""}{money(r.invoice.total_cents, r.invoice.currency)}
                <Text size="xs" c="dimmed">{r.invoice.voided ? "void" : `${money(r.invoice.paid_cents, r.invoice.currency)} paid`} · issued {day(r.invoice.issued_on)}</Text>
              </> : "—"}</Table.Td>
              <Table.Td><Text size="xs">{Object.entries(r.archived ?? {}).map(([k, v]) => `${k}: ${v}`).join(" · ") || "—"}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
