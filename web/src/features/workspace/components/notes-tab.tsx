import { Badge, Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";

import { useCreateNote, useNotes, useUpdateNote } from "../api/notes";
import type { Note } from "../api/get-workspace";
import { NoteForm } from "./note-form";
import { PageError } from "@/components/page-error";
import { when } from "@/lib/format";

function NoteCard({ customerId, note }: { customerId: string; note: Note }) {
  const update = useUpdateNote(customerId);
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <Paper withBorder p="sm">
        <NoteForm submitLabel="Save note" initial={{ body: note.body ?? "", pinned: !!note.pinned }}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => { await update.mutateAsync({ noteId: note.id!, body }); setEditing(false); }} />
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" bg={note.pinned ? "yellow.0" : undefined} aria-label={note.pinned ? "Pinned note" : "Note"}>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{note.body}</Text>
      <Group justify="space-between" mt={6}>
        <Text size="xs" c="dimmed">
          {note.pinned && <Badge size="xs" color="yellow" mr={6}>pinned</Badge>}
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
  const items = [...(notes.data?.items ?? [])].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned));
  return (
    <Stack>
      <NoteForm submitLabel="Add note" onSubmit={(body) => create.mutateAsync(body)} />
      {notes.isPending ? <Loader size="sm" aria-label="Loading notes" />
        : notes.isError ? <PageError error={notes.error} retry={() => notes.refetch()} />
        : items.length ? items.map((n) => <NoteCard key={n.id} customerId={customerId} note={n} />)
        : <Text c="dimmed" size="sm">No notes yet.</Text>}
    </Stack>
  );
}
