import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import type { Profile } from "../api/get-workspace";
import { useSendPortalInvite } from "../api/portal";

/** Emails the customer a single-use link into the client portal. */
export function PortalInviteDialog({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const [email, setEmail] = useState(profile.primary_email ?? "");
  const send = useSendPortalInvite(profile.id!);
  const fieldError = send.error && "fields" in send.error ? (send.error.fields as Record<string, string[]>).email?.join(" ") : undefined;
  return (
    <Stack>
      <Text size="sm">The customer gets an email with a link that signs them into the portal once.</Text>
      <TextInput label="Email" type="email" value={email} error={fieldError} data-autofocus
        onChange={(event) => setEmail(event.currentTarget.value)} />
      {send.isError && !fieldError && <Alert color="red" role="alert">{send.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button loading={send.isPending} onClick={() => send.mutate(email.trim() || null, {
          onSuccess: (invite) => { notifications.show({ message: `Portal invite sent to ${invite.email}.` }); onDone(); },
        })}>Send invite</Button>
      </Group>
    </Stack>
  );
}
