import { Alert, Anchor, Button, Group, List, Text } from "@mantine/core";
import { Link } from "react-router";

import { useDuplicates } from "../api/merge";

/** Suggested duplicates of this customer, each a click away from the merge dialog. */
export function DuplicatesCard({ customerId, onMerge }: { customerId: string; onMerge: () => void }) {
  const duplicates = useDuplicates(customerId);
  const items = duplicates.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert color="yellow" title="Possible duplicates" role="status">
      <List size="sm" spacing={2}>
        {items.map(({ customer, reasons }) => (
          <List.Item key={customer?.id}>
            <Anchor component={Link} to={`/customers/${customer?.id}`} size="sm">{customer?.display_name} ({customer?.number})</Anchor>
            <Text span size="xs"> — same {reasons?.join(", ").replaceAll("_", " ")}</Text>
          </List.Item>
        ))}
      </List>
      <Group mt="xs"><Button size="xs" variant="white" onClick={onMerge}>Review and merge</Button></Group>
    </Alert>
  );
}
