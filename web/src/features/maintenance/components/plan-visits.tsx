import { Anchor, Button, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";

import { useBookVisits, usePlanVisits, type Plan } from "../api/plans";
import { StatusBadge } from "@/components/status-badge";
import { when } from "@/lib/format";

/** The jobs the plan booked that are still to be done, and (for an active plan) booking the coming weeks now. */
export function PlanVisits({ customerId, plan }: { customerId: string; plan: Plan }) {
  const visits = usePlanVisits(customerId, plan.id!, plan.status !== "cancelled");
  const book = useBookVisits(customerId);
  const items = visits.data?.items ?? [];
  const bookButton = plan.status === "active" && (
    <Button size="compact-xs" variant="light" loading={book.isPending} onClick={() => book.mutate(plan.id!)}>
      Book the next 30 days
    </Button>
  );

  if (plan.status === "cancelled") return null;
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text size="sm" fw={500}>Visits booked</Text>
        {bookButton}
      </Group>
      {book.isError && <Text size="xs" c="red.8" role="alert">Not booked: {book.error.message}</Text>}
      {visits.isPending ? <Skeleton h={24} /> : visits.isError ? (
        <Text size="xs" c="red.8" role="alert">The visits could not be loaded: {visits.error.message}</Text>
      ) : !items.length ? (
        <Text size="xs" c="dimmed">
          {plan.status === "active" ? "None booked yet: the scheduler books the coming 30 days, or book them now." : "None booked."}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={`Visits booked for ${plan.name}`}>
          <Table.Thead><Table.Tr><Table.Th>Job</Table.Th><Table.Th>When</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((visit) => (
              <Table.Tr key={visit.id}>
                <Table.Td><Anchor component={Link} to={`/jobs/${visit.id}`} size="sm">{visit.number}</Anchor></Table.Td>
                <Table.Td>{when(visit.scheduled_start)}</Table.Td>
                <Table.Td><StatusBadge status={visit.status} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {visits.data?.next_cursor && <Text size="xs" c="dimmed">More visits are booked further ahead; the Jobs tab lists them all.</Text>}
    </Stack>
  );
}
