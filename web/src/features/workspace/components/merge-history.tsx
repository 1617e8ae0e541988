import { Alert, Button, Group, Loader, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useCustomerName, useMergeHistory, useUndoMerge } from "../api/merge";
import { PageError } from "@/components/page-error";
import type { components } from "@/lib/api-types";
import { when } from "@/lib/format";

type Merge = components["schemas"]["CustomersMergeOut"];

const SINGULAR = { contacts: "contact", properties: "property", notes: "note" } as const;

function moved(merge: Merge): string {
  const plan = (merge.moved ?? {}) as Record<string, unknown[]>;
  const parts = (["contacts", "properties", "notes"] as const)
    .map((kind) => [plan[kind]?.length ?? 0, kind] as const).filter(([count]) => count > 0)
    .map(([count, kind]) => `${count} ${count === 1 ? SINGULAR[kind] : kind}`);
  return parts.length ? `${parts.join(", ")}, with its jobs, estimates, invoices and messages` : "its jobs, estimates, invoices and messages";
}

function MergeRow({ customerId, merge }: { customerId: string; merge: Merge }) {
  const name = useCustomerName(merge.duplicate_id!);
  const undo = useUndoMerge(customerId);
  const [confirming, setConfirming] = useState(false);
  const label = name.data ?? "a customer";
  function confirm() {
    undo.mutate(merge.id!, { onSuccess: () => {
      setConfirming(false);
      notifications.show({ message: `Merge of ${label} undone: its records are back under it.` });
    } });
  }
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td>{when(merge.merged_at)}<Text size="xs" c="dimmed">by {merge.merged_by}</Text></Table.Td>
      <Table.Td><Text size="sm">{moved(merge)}</Text></Table.Td>
      <Table.Td>
        {merge.undone_at ? <Text size="sm">Undone {when(merge.undone_at)}</Text> : confirming ? (
          <Stack gap={4} role="group" aria-label={`Undo the merge of ${label}?`}>
            <Text size="sm">Move {label}'s records back to it?</Text>
            <Group gap={4}>
              <Button size="compact-xs" color="red" loading={undo.isPending} onClick={confirm}>Yes, undo</Button>
              <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>Keep merged</Button>
            </Group>
            {undo.isError && <Text size="xs" c="red.8" role="alert">{undo.error.message}</Text>}
          </Stack>
        ) : <Button size="compact-xs" variant="light" aria-label={`Undo merge of ${label}`} onClick={() => setConfirming(true)}>Undo</Button>}
      </Table.Td>
    </Table.Tr>
  );
}

/** Every merge into this customer; one not yet undone can be, after a confirmation. */
export function MergeHistory({ customerId }: { customerId: string }) {
  const history = useMergeHistory(customerId);
  if (history.isPending) return <Loader size="sm" aria-label="Loading the merge history" />;
  if (history.isError) return <PageError error={history.error} retry={() => history.refetch()} />;
  const merges = history.data.items ?? [];
  if (!merges.length) return <Alert color="gray" role="status">No customer has been merged into this one.</Alert>;
  return (
    <Table aria-label="Merge history" verticalSpacing="xs">
      <Table.Thead><Table.Tr><Table.Th>Merged</Table.Th><Table.Th>When</Table.Th><Table.Th>What moved</Table.Th><Table.Th>Undo</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>{merges.map((m) => <MergeRow key={m.id} customerId={customerId} merge={m} />)}</Table.Tbody>
    </Table>
  );
}
