import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";

import type { CustomerSummary } from "../api/get-customers";
import { StatusBadge } from "@/components/status-badge";

function address(value: Record<string, unknown> | null | undefined) {
  if (!value) return "";
  return [value.line1, value.city, value.region].filter(Boolean).join(", ");
}

export function CustomersTable({ customers }: { customers: CustomerSummary[] }) {
  if (!customers.length) return <Text c="dimmed" py="lg">No customers match.</Text>;
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label="Customers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th><Table.Th>Number</Table.Th><Table.Th>Phone</Table.Th>
          <Table.Th>Email</Table.Th><Table.Th>Address</Table.Th><Table.Th>Status</Table.Th><Table.Th>Tags</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {customers.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>{c.display_name}</Anchor>
              {c.company && c.company !== c.display_name && <Text size="xs" c="dimmed">{c.company}</Text>}
            </Table.Td>
            <Table.Td>{c.number}</Table.Td>
            <Table.Td>{(c.primary_phone as { number?: string } | null)?.number ?? ""}</Table.Td>
            <Table.Td>{c.primary_email ?? ""}</Table.Td>
            <Table.Td>{address(c.primary_address)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                <StatusBadge status={c.status} />
                {c.do_not_service?.flag && <Badge color="red">Do not service</Badge>}
                {c.archived && <Badge color="gray" variant="outline">Archived</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>{(c.tags ?? []).map((t) => <Badge key={t} variant="dot" color="gray">{t}</Badge>)}</Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
