import { Alert, Button, Group, Loader, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

import type { Communication } from "../api/feed";
import { useAssign, useCustomerSearch, type CustomerSummary } from "../api/unmatched";

type Props = { comm: Communication; onDone: (customer: CustomerSummary) => void; onCancel: () => void };

/** Finds the customer an unmatched call, text or email belongs to, and gives it to them. */
export function AssignDialog({ comm, onDone, onCancel }: Props) {
  const [q, setQ] = useState(comm.channel === "email" ? "" : (comm.from ?? "").replace(/^\+1/, ""));
  const [debounced] = useDebouncedValue(q, 250);
  const [chosen, setChosen] = useState<string | null>(null);
  const found = useCustomerSearch(debounced);
  const assign = useAssign();
  const customers = found.data?.items ?? [];
  const picked = customers.find((c) => c.id === chosen);

  return (
    <Stack>
      <TextInput label="Find a customer" placeholder="Name, phone, email or C-number" value={q} data-autofocus
        onChange={(event) => { setQ(event.currentTarget.value); setChosen(null); }} />
      <Radio.Group label="Customer" value={chosen} onChange={setChosen}>
        <Stack gap={6} mt={6}>
          {found.isFetching && <Loader size="xs" aria-label="Searching" />}
          {customers.map((c) => (
            <Radio key={c.id} value={c.id!}
              label={`${c.display_name} (${c.number})${c.primary_email ? ` · ${c.primary_email}` : ""}`} />
          ))}
          {!found.isFetching && debounced.trim().length >= 2 && !customers.length && <Text size="sm" c="dimmed">No customer matches “{debounced}”.</Text>}
          {debounced.trim().length < 2 && <Text size="sm" c="dimmed">Type at least two characters to search.</Text>}
        </Stack>
      </Radio.Group>
      {comm.channel === "sms" && picked && (
        <Text size="sm">The whole conversation with {comm.from} goes to {picked.display_name}, and later texts from that number too.</Text>
      )}
      {assign.isError && <Alert color="red" role="alert">{assign.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>Cancel</Button>
        <Button disabled={!picked} loading={assign.isPending}
          onClick={() => assign.mutate({ id: comm.id!, customerId: picked!.id! }, { onSuccess: () => onDone(picked!) })}>
          Assign
        </Button>
      </Group>
    </Stack>
  );
}
