import { Loader, Stack, Table, Text, Title } from "@mantine/core";

import { usePortalView, type PortalSection } from "../api/portal";
import { PageError } from "@/components/page-error";
import { words } from "@/lib/format";

const COLUMNS = ["number", "title", "status", "scheduled_start", "due_date", "balance_cents"];

function Section({ name, section }: { name: string; section: PortalSection }) {
  const items = section.items ?? [];
  const columns = COLUMNS.filter((c) => items.some((i) => i[c] !== undefined));
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{words(name)}</Title>
      {section.status !== "ok" ? <Text size="sm" c="dimmed">Unavailable right now.</Text>
        : !items.length ? <Text size="sm" c="dimmed">Nothing here.</Text> : (
          <Table fz="sm">
            <Table.Thead><Table.Tr>{columns.map((c) => <Table.Th key={c}>{words(c)}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={String(item.id ?? i)}>
                  {columns.map((c) => <Table.Td key={c}>{c.endsWith("_cents") ? (Number(item[c]) / 100).toFixed(2) : String(item[c] ?? "—")}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
    </Stack>
  );
}

/** The portal as the customer sees it, read-only, with only the sections this staff user may see. */
export function PortalViewDialog({ customerId }: { customerId: string }) {
  const view = usePortalView(customerId, true);
  if (view.isPending) return <Loader size="sm" aria-label="Loading the client's view" />;
  if (view.isError) return <PageError error={view.error} retry={() => view.refetch()} />;
  const sections = Object.entries(view.data).filter(([key, value]) => key !== "customer" && value && typeof value === "object" && "status" in (value as object));
  return (
    <Stack>
      <Text size="sm" c="dimmed">Read-only: what {view.data.customer.name} sees in the client portal.</Text>
      {sections.map(([name, section]) => <Section key={name} name={name} section={section as PortalSection} />)}
    </Stack>
  );
}
