import { Alert, Button, Group, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useUpdateJob, type Job } from "../api/job";

/** The office's internal notes on the job (never shown to the customer); kept writable after the job closes. */
export function JobNotes({ job }: { job: Job }) {
  const update = useUpdateJob(job);
  const [notes, setNotes] = useState(job.notes ?? "");
  const changed = notes !== (job.notes ?? "");
  const fieldError = update.error && "fields" in update.error ? (update.error.fields as Record<string, string[]>).notes?.join(" ") : undefined;

  function save() {
    // Saved notes come back with the job, which renews this form (its key): say so from the promise, which outlives it.
    update.mutateAsync({ notes: notes.trim() || null })
      .then(() => notifications.show({ color: "green", message: "Notes saved." }))
      .catch(() => undefined); // shown under the field or in the alert below
  }

  return (
    <Stack gap="xs">
      <Textarea label="Internal notes" description="For the office and the crew; the customer never sees them." autosize minRows={3}
        value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={fieldError} />
      {update.isError && !fieldError && <Alert color="red" role="alert">{update.error.message}</Alert>}
      <Group justify="flex-end" gap="xs">
        {changed && <Button variant="default" size="xs" onClick={() => setNotes(job.notes ?? "")}>Discard</Button>}
        <Button size="xs" disabled={!changed} loading={update.isPending} onClick={save}>Save notes</Button>
      </Group>
    </Stack>
  );
}
