import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link } from "react-router";

import { usePricingTable, useSendPricingTable } from "../api/price-book";
import { money } from "@/lib/format";

type Props = { customerId: string; primaryEmail?: string | null; onDone: () => void };

/** The customer's pricing table as they will get it (every service priced at each of their properties), then sent. */
export function PricingTableDialog({ customerId, primaryEmail, onDone }: Props) {
  const table = usePricingTable(customerId);
  const send = useSendPricingTable(customerId);
  const [email, setEmail] = useState(primaryEmail ?? "");

  if (table.isPending) return <Loader size="sm" aria-label="Making the pricing table" />;
  if (table.isError) return <Alert color="red" role="alert">{table.error.message}</Alert>;
  const { places = [], rows = [], currency } = table.data;
  return (
    <Stack>
      {!rows.length ? (
        <Text size="sm">The price book has no services yet. <Anchor component={Link} to="/settings/price-book">Add them in Settings → Price book</Anchor>.</Text>
      ) : (
        <Table striped aria-label="Pricing table">
          <Table.Thead><Table.Tr><Table.Th>Service</Table.Th>
            {places.map((p) => <Table.Th key={p.property_id ?? "standard"} ta="right">{p.label}{p.kind && <Text size="xs" c="dimmed">{p.kind}</Text>}</Table.Th>)}
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.item_id}><Table.Td>{row.name}</Table.Td>
                {(row.prices_cents ?? []).map((cents, i) => <Table.Td key={i} ta="right">{money(cents, currency)}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TextInput label="Send to" type="email" placeholder="The customer's primary email" value={email}
        onChange={(event) => setEmail(event.currentTarget.value)} />
      {send.isError && <Alert color="red" role="alert">{send.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button disabled={!rows.length} loading={send.isPending} onClick={() => send.mutate(email.trim() || null, {
          onSuccess: () => { notifications.show({ message: `Pricing table sent to ${email.trim() || "the customer"}.` }); onDone(); },
        })}>Send pricing table</Button>
      </Group>
    </Stack>
  );
}
