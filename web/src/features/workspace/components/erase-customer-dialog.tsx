import { Alert, Button, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useEraseCustomer } from "../api/erase-customer";
import type { Profile } from "../api/get-workspace";
import { ApiError } from "@/lib/api-client";

const same = (typed: string, name: string) =>
  typed.trim().replace(/\s+/g, " ").toLowerCase() === name.trim().replace(/\s+/g, " ").toLowerCase();

/** Deleting a customer (a privacy request): what goes and what stays, confirmed by typing the customer's name. */
export function EraseCustomerDialog({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const [typed, setTyped] = useState("");
  const erase = useEraseCustomer(profile.id!);
  const name = profile.display_name ?? "";
  const fieldError = erase.error instanceof ApiError ? erase.error.fields.confirm_name?.join(" ") : undefined;

  return (
    <Stack>
      <Alert color="red" title="This cannot be undone">
        The customer's personal data is erased in every part of Fieldwork. To only hide a customer, archive them instead.
      </Alert>
      <div>
        <Text fw={500}>Erased</Text>
        <List size="sm">
          <List.Item>Names, contacts, emails, phone numbers and addresses, with equipment and access notes</List.Item>
          <List.Item>Notes, messages, call transcripts and recordings, photos and review comments</List.Item>
        </List>
        <Text fw={500} mt="xs">Kept</Text>
        <List size="sm">
          <List.Item>Invoices and payments, as the law requires, shown as “Erased customer {profile.number}”</List.Item>
          <List.Item>A record of who deleted this customer and when</List.Item>
        </List>
      </div>
      <TextInput
        label={`Type the customer's name (${name}) to confirm`}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        error={fieldError}
        autoComplete="off"
        data-autofocus
      />
      {erase.isError && !fieldError && <Alert color="red" role="alert">{erase.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button color="red" disabled={!same(typed, name)} loading={erase.isPending}
          onClick={() => erase.mutate(typed, {
            onSuccess: (done) => {
              notifications.show({ message: `Personal data erased: the customer is now ${done.pseudonym}.` });
              onDone();
            },
          })}>Delete customer</Button>
      </Group>
    </Stack>
  );
}
