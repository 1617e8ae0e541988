import { Badge, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";

import { useArchived } from "../api/imports";
import { PageError } from "@/components/page-error";
import { when } from "@/lib/format";

/** The customer's columns from another system that map to nothing here, one record per import, marked imported. */
export function ArchivedTab({ customerId }: { customerId: string }) {
  const archived = useArchived(customerId);
  if (archived.isPending) return <Loader size="sm" aria-label="Loading archived data" />;
  if (archived.isError) return <PageError error={archived.error} retry={() => archived.refetch()} />;
  const records = archived.data.items ?? [];
  if (!records.length) return <Text size="sm" c="dimmed">No archived or imported records for this customer. Customers imported under Settings → Import keep here the columns that map to nothing in Fieldwork.</Text>;
  return (
    <Stack>
      {records.map((record) => (
        <Paper key={record.id} withBorder p="sm">
          <Group gap="xs" mb="xs">
            <Badge size="sm" variant="light" color="grape" c="grape.9">Imported</Badge>
            <Text size="sm" fw={500}>From {record.source}</Text>
            <Text size="sm" c="dimmed">{when(record.imported_at)}</Text>
          </Group>
          <Table aria-label={`Archived data from ${record.source}`} withRowBorders>
            <Table.Tbody>
              {(record.fields ?? []).map((f) => (
                <Table.Tr key={f.name}><Table.Th w="30%" fw={500}>{f.name}</Table.Th><Table.Td>{f.value}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
