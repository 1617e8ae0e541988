import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useImports, useStart, type ImportCreated, type ImportKind } from "../api/imports";
import { DryRunReport } from "./dry-run-report";
import { ImportProgress } from "./import-progress";
import { UploadForm } from "./upload-form";
import { SettingsNav } from "@/components/settings-nav";
import { when } from "@/lib/format";

const STATUS_COLOURS: Record<string, string> = { ready: "gray", running: "blue", done: "green", failed: "red" };
const KINDS = [{ value: "customers", label: "Customers" }, { value: "history", label: "Past jobs and invoices" }];

/** Settings → Import: bring customers over from another system's export, then their past jobs and invoices, each
 * file checked by a dry run, then run in the background while this page shows how far it is. */
export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>("customers");
  const [checked, setChecked] = useState<ImportCreated | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const imports = useImports();
  const start = useStart();
  const current = checked?.import;
  const startedId = shownId ?? (current && current.status !== "ready" ? current.id! : null);

  return (
    <Stack>
      <SettingsNav current="import" />
      <Title order={1} size="h2">Settings · Import</Title>
      <Text size="sm" c="dimmed">Bring your customers over from another field-service system: export them as CSV there, upload the file here.
        Each customer keeps its contact and address; the other columns are kept on the customer's Archived data tab. A customer
        already here (same phone, email or number, or imported before) is matched, never created twice.</Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">1. Check the file</Title>
        <SegmentedControl aria-label="What to import" mb="sm" data={KINDS} value={kind}
          onChange={(value) => { setKind(value as ImportKind); setChecked(null); setShownId(null); }} />
        {kind === "history" && <Text size="sm" c="dimmed" mb="sm">Import the customers first: each row of the history names its customer
          by the other system's customer id (or our number, an email or a phone). Jobs and invoices land marked imported; money
          already paid is kept as paid.</Text>}
        <UploadForm key={kind} kind={kind} onChecked={(created) => { setChecked(created); setShownId(null); }} />
      </Paper>
      {current && current.status === "ready" && !startedId && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">2. Dry run of {current.filename}</Title>
            <Button loading={start.isPending} onClick={() => start.mutate(current.id!, {
              onSuccess: (started) => { setShownId(started.id!); notifications.show({ color: "blue", message: "Import started." }); },
              onError: (error) => notifications.show({ color: "red", message: error.message }),
            })}>Start import of {current.total_rows?.toLocaleString()} rows</Button>
          </Group>
          <DryRunReport dryRun={checked!.dry_run} totalRows={current.total_rows ?? 0} kind={(current.kind ?? "customers") as ImportKind} />
        </Paper>
      )}
      {startedId && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">Import {imports.data?.find((i) => i.id === startedId)?.filename ?? current?.filename ?? ""}</Title>
          <ImportProgress id={startedId} />
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">Earlier imports</Title>
        {!imports.data?.length ? <Text size="sm" c="dimmed">No imports yet.</Text> : (
          <Table striped aria-label="Earlier imports">
            <Table.Thead><Table.Tr><Table.Th>File</Table.Th><Table.Th>What</Table.Th><Table.Th>Status</Table.Th><Table.Th ta="right">Rows</Table.Th>
              <Table.Th ta="right">Created</Table.Th><Table.Th ta="right">Matched</Table.Th><Table.Th ta="right">Failed</Table.Th><Table.Th>By</Table.Th><Table.Th>When</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {imports.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.status === "ready" ? i.filename
                    : <UnstyledButton c="blue.8" fz="sm" td="underline" onClick={() => setShownId(i.id!)}>{i.filename}</UnstyledButton>}</Table.Td>
                  <Table.Td>{i.kind === "history" ? "Past jobs and invoices" : "Customers"}</Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color={STATUS_COLOURS[i.status ?? ""] ?? "gray"} c="dark.7">{i.status === "ready" ? "not started" : i.status}</Badge></Table.Td>
                  <Table.Td ta="right">{i.total_rows?.toLocaleString()}</Table.Td><Table.Td ta="right">{i.rows_created?.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{i.rows_matched?.toLocaleString()}</Table.Td><Table.Td ta="right">{i.rows_failed?.toLocaleString()}</Table.Td>
                  <Table.Td>{i.created_by}</Table.Td><Table.Td>{when(i.created_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
