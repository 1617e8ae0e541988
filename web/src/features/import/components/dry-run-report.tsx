import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import type { DryRun, ImportKind, ImportRow } from "../api/imports";
import { HistoryPreviewTable } from "./history-preview";
import { words } from "@/lib/format";

const COLOURS: Record<string, string> = { created: "green", matched: "blue", skipped: "red" };

export function OutcomeBadge({ outcome }: { outcome?: string }) {
  return <Badge size="sm" variant="light" color={COLOURS[outcome ?? ""] ?? "gray"} c="dark.7">{outcome}</Badge>;
}

/** What happens to each row: new, matched (and to whom, by what), or skipped and why. */
export function RowReport({ rows, label }: { rows: ImportRow[]; label: string }) {
  if (!rows.length) return <Text size="sm" c="dimmed">No rows to show.</Text>;
  return (
    <Table striped aria-label={label}>
      <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Matched by</Table.Th><Table.Th>Reason</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.row_number}>
            <Table.Td>{r.row_number}</Table.Td><Table.Td><OutcomeBadge outcome={r.outcome} /></Table.Td>
            <Table.Td>{r.customer_id ? <Anchor component={Link} to={`/customers/${r.customer_id}`} size="sm">{words(r.matched_by ?? "") || "Open customer"}</Anchor> : words(r.matched_by ?? "") || "—"}</Table.Td>
            <Table.Td>{r.reason ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const COUNTED: Record<ImportKind, [string, string]> = {
  customers: ["new customers", "match customers already here"],
  history: ["past jobs and invoices to import", "imported before"],
};

/** The dry run: the first rows as they will be stored, then every checked row that is not simply created. */
export function DryRunReport({ dryRun, totalRows, kind }: { dryRun: DryRun; totalRows: number; kind: ImportKind }) {
  const notNew = (dryRun.report ?? []).filter((r) => r.outcome !== "created");
  const [created, matched] = COUNTED[kind];
  return (
    <Stack>
      <Group gap="lg">
        <Text size="sm">{dryRun.rows_checked === totalRows ? `All ${totalRows} rows checked:` : `The first ${dryRun.rows_checked} of ${totalRows} rows checked:`}</Text>
        <Text size="sm"><b>{dryRun.would_create}</b> {created}</Text>
        <Text size="sm"><b>{dryRun.would_match}</b> {matched}</Text>
        <Text size="sm"><b>{dryRun.would_skip}</b> skipped</Text>
      </Group>
      <Title order={3} size="h5">Preview: the first rows as they will be stored</Title>
      {kind === "history" ? <HistoryPreviewTable rows={dryRun.history_preview ?? []} /> : <Table.ScrollContainer minWidth={700}>
        <Table striped aria-label="Preview of the first rows">
          <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Name</Table.Th><Table.Th>Email</Table.Th><Table.Th>Phone</Table.Th>
            <Table.Th>Address</Table.Th><Table.Th>Kept as archived data</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(dryRun.preview ?? []).map((p) => (
              <Table.Tr key={p.row_number}>
                <Table.Td>{p.row_number}</Table.Td>
                <Table.Td>{p.display_name}{p.company && p.company !== p.display_name ? <Text size="xs" c="dimmed">{p.company} · {p.kind}</Text> : null}</Table.Td>
                <Table.Td>{p.emails?.join(", ") || "—"}</Table.Td><Table.Td>{p.phones?.join(", ") || "—"}</Table.Td>
                <Table.Td>{p.address ? `${p.address.line1}, ${p.address.city}, ${p.address.region} ${p.address.postal_code}` : "—"}</Table.Td>
                <Table.Td><Text size="xs">{Object.entries(p.archived ?? {}).map(([k, v]) => `${k}: ${v}`).join(" · ") || "—"}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>}
      <Title order={3} size="h5">{kind === "history" ? "Rows imported before or skipped" : "Rows that match or are skipped"}</Title>
      <RowReport rows={notNew.slice(0, 100)} label="Dry-run report" />
      {notNew.length > 100 && <Text size="sm" c="dimmed">and {notNew.length - 100} more; the import's report lists every row.</Text>}
    </Stack>
  );
}
