import { Alert, Button, Group, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import type { Profile } from "../api/get-workspace";
import { useDuplicates, useMerge, useMergeCandidates, useUndoMerge } from "../api/merge";

type Candidate = { id?: string; display_name?: string; number?: string; primary_email?: string | null };

/** Merges another customer into this one: pick it (suggested duplicates or a search), see what moves, confirm. */
export function MergeDialog({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const customerId = profile.id!;
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 250);
  const [chosen, setChosen] = useState<string | null>(null);
  const duplicates = useDuplicates(customerId);
  const found = useMergeCandidates(customerId, debounced);
  const merge = useMerge(customerId);
  const undo = useUndoMerge(customerId);

  const candidates = new Map<string, Candidate>();
  for (const d of duplicates.data?.items ?? []) if (d.customer?.id) candidates.set(d.customer.id, d.customer);
  for (const c of found.data ?? []) if (c.id) candidates.set(c.id, c);
  const picked = chosen ? candidates.get(chosen) : undefined;

  function confirm() {
    merge.mutate(chosen!, {
      onSuccess: (done) => {
        const id = `merge-${done.id}`;
        notifications.show({
          id, autoClose: false, title: `${picked?.display_name} merged into ${profile.display_name}`,
          message: (
            <Group gap="xs">
              <Text size="sm">Its records are now here.</Text>
              {/* The dialog is closed by now: the promise, unlike mutate's callbacks, outlives it. */}
              <Button size="compact-xs" variant="light" onClick={() => undo.mutateAsync(done.id!).then(() => {
                notifications.hide(id);
                notifications.show({ message: "Merge undone." });
              }, () => {})}>Undo</Button>
            </Group>
          ),
        });
        onDone();
      },
    });
  }

  return (
    <Stack>
      <Text size="sm">Choose the duplicate to merge into <b>{profile.display_name}</b> ({profile.number}).</Text>
      <TextInput label="Find a customer" placeholder="Name, phone, email or C-number" value={q} data-autofocus
        onChange={(event) => setQ(event.currentTarget.value)} />
      <Radio.Group label="Duplicate" value={chosen} onChange={setChosen}>
        <Stack gap={6} mt={6}>
          {[...candidates.values()].map((c) => (
            <Radio key={c.id} value={c.id!} label={`${c.display_name} (${c.number})${c.primary_email ? ` · ${c.primary_email}` : ""}`} />
          ))}
          {!candidates.size && <Text size="sm" c="dimmed">No suggested duplicates; search for one above.</Text>}
        </Stack>
      </Radio.Group>
      {picked && (
        <Alert color="yellow" title="What will move" role="status">
          {picked.display_name}'s contacts, properties, jobs, estimates, plans, invoices, payments, messages and notes
          move to {profile.display_name}; {picked.number} then points here. You can undo it afterwards.
        </Alert>
      )}
      {merge.isError && <Alert color="red" role="alert">{merge.error.message}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>Cancel</Button>
        <Button color="red" disabled={!picked} loading={merge.isPending} onClick={confirm}>Merge</Button>
      </Group>
    </Stack>
  );
}
