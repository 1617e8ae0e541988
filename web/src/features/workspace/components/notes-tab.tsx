import { Badge, Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";

import { useCalls } from "../api/get-calls";
import { useCreateNote, useNotes, useUpdateNote } from "../api/notes";
import type { Note } from "../api/get-workspace";
import { NoteForm, type CallOption } from "./note-form";
import { PageError } from "@/components/page-error";
import { when } from "@/lib/format";

function NoteCard({ customerId, note, calls }: { customerId: string; note: Note; calls: CallOption[] }) {
  const update = useUpdateNote(customerId);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Paper withBorder p="sm">
        <NoteForm submitLabel="Save note" calls={calls}
          initial={{ body: note.body ?? "", pinned: !!note.pinned, communication_id: note.communication_id ?? null }}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => { await update.mutateAsync({ noteId: note.id!, body }); setEditing(false); }} />
      </Paper>
    );
  }
  return (
    <Paper component="article" withBorder p="sm" bg={note.pinned ? "yellow.0" : undefined} aria-label={note.pinned ? "Pinned note" : "Note"}>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{note.body}</Text>
      {note.communication_id && (
        <Text size="xs" mt={4} aria-label="Linked call">
          📞 {calls.find((c) => c.value === note.communication_id)?.label ?? "A call"}
        </Text>
      )}
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed">
          {note.pinned && <Badge size="xs" color="yellow" variant="light" c="dark.8" mr={6}>pinned</Badge>}
          {note.author} · {when(note.created_at)}{note.updated_at ? ` · edited ${when(note.updated_at)}` : ""}
        </Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>Edit</Button>
          <Button size="compact-xs" variant="subtle" loading={update.isPending}
            onClick={() => update.mutate({ noteId: note.id!, body: { pinned: !note.pinned } })}>
            {note.pinned ? "Unpin" : "Pin"}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** Every note, pinned first; add, edit, pin and unpin. */
export function NotesTab({ customerId }: { customerId: string }) {
  const notes = useNotes(customerId);
  const create = useCreateNote(customerId);
  const callList = useCalls(customerId);
  const calls: CallOption[] = (callList.data?.items ?? []).map((c) => ({
    value: c.id!, label: `${c.direction === "inbound" ? "Call from" : "Call to"} ${c.direction === "inbound" ? c.from ?? "" : c.to ?? ""} · ${when(c.occurred_at)}${c.body ? ` · ${c.body.slice(0, 60)}` : ""}`,
  }));
  const items = [...(notes.data?.items ?? [])].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned));
  return (
    <Stack>
      <NoteForm submitLabel="Add note" calls={calls} onSubmit={(body) => create.mutateAsync(body)} />
      {notes.isPending ? <Loader size="sm" aria-label="Loading notes" />
        : notes.isError ? <PageError error={notes.error} retry={() => notes.refetch()} />
        : items.length ? items.map((n) => <NoteCard key={n.id} customerId={customerId} note={n} calls={calls} />)
        : <Text c="dimmed" size="sm">No notes yet.</Text>}
    </Stack>
  );
}
