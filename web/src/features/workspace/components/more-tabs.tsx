import { Badge, Button, Menu, Table, Text } from "@mantine/core";

import type { Workspace } from "../api/get-workspace";
import { addressOf } from "./property-map";
import { ReviewsSection } from "./reviews-section";
import { ArchivedTab } from "@/features/import/components/archived-tab";
import { day, words } from "@/lib/format";

/** The tabs behind More, as the product documents list them; each shows what the API has, and says when it has none. */
export const MORE_TABS = [["equipment", "Equipment"], ["reviews", "Reviews"], ["archived-data", "Archived data"]] as const;

export function MoreMenu({ current, onPick }: { current: string; onPick: (tab: string) => void }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="sm" rightSection="▾" aria-label="More tabs">More</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {MORE_TABS.map(([key, label]) => (
          <Menu.Item key={key} onClick={() => onPick(key)} aria-current={current === key ? "page" : undefined}>{label}</Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Every piece of equipment at every property, warranties that have run out marked. */
function EquipmentTab({ ws }: { ws: Workspace }) {
  const today = new Date().toISOString().slice(0, 10);
  const rows = (ws.profile.data.properties ?? []).flatMap((p) => (p.equipment ?? []).map((e) => ({ property: p, e })));
  if (!rows.length) return <Text size="sm" c="dimmed">No equipment recorded. Add it under a property in the sidebar.</Text>;
  return (
    <Table striped aria-label="Equipment">
      <Table.Thead><Table.Tr><Table.Th>Equipment</Table.Th><Table.Th>Make / model</Table.Th><Table.Th>Serial</Table.Th>
        <Table.Th>Installed</Table.Th><Table.Th>Warranty</Table.Th><Table.Th>Property</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {rows.map(({ property, e }) => (
          <Table.Tr key={e.id}>
            <Table.Td>{words(e.kind)}</Table.Td><Table.Td>{[e.make, e.model].filter(Boolean).join(" ") || "—"}</Table.Td>
            <Table.Td>{e.serial ?? "—"}</Table.Td><Table.Td>{day(e.installed_on)}</Table.Td>
            <Table.Td>{e.warranty_until && e.warranty_until < today
              ? <Badge size="xs" color="red" variant="light" c="red.9">expired {day(e.warranty_until)}</Badge> : day(e.warranty_until)}</Table.Td>
            <Table.Td>{addressOf(property)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function morePanels(ws: Workspace): Record<string, React.ReactNode> {
  return {
    equipment: <EquipmentTab ws={ws} />,
    reviews: <ReviewsSection ws={ws} />,
    "archived-data": <ArchivedTab customerId={ws.profile.data.id!} />,
  };
}
