import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import type { Workspace } from "../api/get-workspace";
import { PropertyMap, addressOf } from "./property-map";
import { SectionMessage, sectionOk } from "@/components/section-message";
import { StatusBadge } from "@/components/status-badge";
import { day, when } from "@/lib/format";

type Visit = { id?: string; title?: string; service_type?: string | null; property_address?: string | null;
  scheduled_start?: string | null; completed_at?: string | null; status?: string };

function Visits({ label, visits, empty, date }: { label: string; visits: Visit[]; empty: string; date: (v: Visit) => string }) {
  if (!visits.length) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Table verticalSpacing={4} aria-label={label}>
      <Table.Tbody>
        {visits.map((v, i) => (
          <Table.Tr key={v.id ?? i}>
            <Table.Td>
              {v.id ? <Anchor component={Link} to={`/jobs/${v.id}`} size="sm">{v.title || v.service_type}</Anchor> : v.title || v.service_type}
            </Table.Td>
            <Table.Td>{v.property_address ?? "—"}</Table.Td>
            <Table.Td>{date(v)}</Table.Td><Table.Td><StatusBadge status={v.status} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RecentActivity({ ws }: { ws: Workspace }) {
  const section = ws.recent_activity;
  if (!sectionOk(section)) return <SectionMessage name="Recent activity" section={section} />;
  const data = section.data as { completed_recently?: Visit[]; upcoming?: Visit[] };
  return (
    <>
      <Title order={3} size="h5">Completed in the last 30 days</Title>
      <Visits label="Completed in the last 30 days" visits={data.completed_recently ?? []} empty="Nothing completed recently."
        date={(v) => day(v.completed_at ?? v.scheduled_start)} />
      <Title order={3} size="h5">Upcoming</Title>
      <Visits label="Upcoming" visits={data.upcoming ?? []} empty="Nothing scheduled." date={(v) => when(v.scheduled_start)} />
    </>
  );
}

/** The customer at a glance: who to reach, where the work is (on a map), what was done lately and what is next. */
export function OverviewTab({ ws }: { ws: Workspace }) {
  const profile = ws.profile.data;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4} component="section" aria-labelledby="overview-contacts">
          <Title order={3} size="h5" id="overview-contacts">Contact details</Title>
          {profile.contacts?.length ? profile.contacts.map((c) => (
            <Text key={c.id} size="sm">
              <b>{c.name}</b>{c.is_primary ? " (primary)" : ""}
              {c.phones?.map((p) => <span key={p.number}> · <Anchor size="sm" href={p.tel ?? `tel:${p.e164}`}>{p.number}</Anchor></span>)}
              {c.emails?.map((e) => <span key={e}> · <Anchor size="sm" href={`mailto:${e}`}>{e}</Anchor></span>)}
            </Text>
          )) : <Text size="sm" c="dimmed">No contacts</Text>}
        </Stack>
        <Stack gap={4} component="section" aria-labelledby="overview-addresses">
          <Title order={3} size="h5" id="overview-addresses">Addresses</Title>
          {profile.properties?.length ? profile.properties.map((p) => (
            <Stack key={p.id} gap={2}>
              <Group gap={6}><Text size="sm">{addressOf(p)}</Text>{p.is_primary && <Badge size="xs">primary</Badge>}</Group>
              <PropertyMap property={p} />
            </Stack>
          )) : <Text size="sm" c="dimmed">No properties</Text>}
        </Stack>
      </SimpleGrid>
      <RecentActivity ws={ws} />
    </Stack>
  );
}
