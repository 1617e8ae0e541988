import { Button, Group, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import { useMoveVisit, useVisits, type Job } from "../api/job";
import { windowText } from "./job-format";
import { SectionMessage } from "@/components/section-message";
import { StatusBadge } from "@/components/status-badge";
import { when } from "@/lib/format";

/** The trips the job takes, each with its window, crew and outcome; a scheduled one can be marked made or called off. */
export function JobVisits({ job }: { job: Job }) {
  const visits = useVisits(job.id!);
  const move = useMoveVisit(job);
  if (visits.isPending) return <Text size="sm" c="dimmed">Loading visits…</Text>;
  if (visits.isError) return <SectionMessage name="Visits" section={{ status: "unavailable" }} />;
  if (!visits.data.length) return <Text size="sm" c="dimmed">No visits besides the job's own schedule.</Text>;

  function moveVisit(visitId: string, to: "completed" | "cancelled") {
    move.mutate({ visitId, to }, {
      onSuccess: () => notifications.show({ color: "green", message: `Visit ${to === "completed" ? "marked done" : "cancelled"}.` }),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  }

  return (
    <Table aria-label="Visits" fz="sm" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr><Table.Th>When</Table.Th><Table.Th>Technicians</Table.Th><Table.Th>Notes</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {visits.data.map((visit) => (
          <Table.Tr key={visit.id}>
            <Table.Td>{windowText(visit.scheduled_start, visit.scheduled_end)}</Table.Td>
            <Table.Td>{visit.technicians?.join(", ") || "—"}</Table.Td>
            <Table.Td>{visit.notes || "—"}</Table.Td>
            <Table.Td>
              <StatusBadge status={visit.status} />
              {visit.completed_at && <Text size="xs" c="dimmed">{when(visit.completed_at)}</Text>}
            </Table.Td>
            <Table.Td>
              {visit.status === "scheduled" && (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => moveVisit(visit.id!, "completed")}
                    aria-label={`Mark the visit of ${windowText(visit.scheduled_start, null)} done`}>Done</Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => moveVisit(visit.id!, "cancelled")}
                    aria-label={`Cancel the visit of ${windowText(visit.scheduled_start, null)}`}>Cancel</Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
