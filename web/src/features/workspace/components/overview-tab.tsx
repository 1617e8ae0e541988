import { Stack, Table, Text, Title } from "@mantine/core";

import type { Workspace } from "../api/get-workspace";
import { SectionMessage, sectionOk } from "@/components/section-message";
import { StatusBadge } from "@/components/status-badge";
import { day, when } from "@/lib/format";

type Visit = { id?: string; title?: string; service_type?: string; property_address?: string | null;
  scheduled_start?: string | null; completed_at?: string | null; status?: string };

function Visits({ visits, empty, date }: { visits: Visit[]; empty: string; date: (v: Visit) => string }) {
  if (!visits.length) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Table verticalSpacing={4}>
      <Table.Tbody>
        {visits.map((v, i) => (
          <Table.Tr key={v.id ?? i}>
            <Table.Td>{v.title || v.service_type}</Table.Td><Table.Td>{v.property_address ?? "—"}</Table.Td>
            <Table.Td>{date(v)}</Table.Td><Table.Td><StatusBadge status={v.status} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Recent activity: completed in the last 30 days, and what is coming. */
export function OverviewTab({ ws }: { ws: Workspace }) {
  const section = ws.recent_activity;
  if (!sectionOk(section)) return <SectionMessage name="Recent activity" section={section} />;
  const data = section.data as { completed_recently?: Visit[]; upcoming?: Visit[] };
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">Completed in the last 30 days</Title>
      <Visits visits={data.completed_recently ?? []} empty="Nothing completed recently." date={(v) => day(v.completed_at ?? v.scheduled_start)} />
      <Title order={3} size="h5">Upcoming</Title>
      <Visits visits={data.upcoming ?? []} empty="Nothing scheduled." date={(v) => when(v.scheduled_start)} />
    </Stack>
  );
}
