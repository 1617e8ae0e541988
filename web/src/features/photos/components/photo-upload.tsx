import { Alert, Button, FileButton, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState, type DragEvent } from "react";

import { useUploadPhotos, type JobOption } from "../api/photos";
import { ApiError } from "@/lib/api-client";

const ACCEPT = "image/png,image/jpeg,image/webp,image/heic";
export const ON_CUSTOMER = "customer";

function reason(error: Error): string {
  const fields = error instanceof ApiError ? Object.values(error.fields).flat() : [];
  return fields.length ? `${error.message.split(":")[0]}: ${fields.join(" ")}` : error.message;
}

type Props = { customerId: string; jobs: JobOption[]; target: string; onTarget: (target: string) => void };

/** Photos dropped on the area or picked, filed under the customer or one of their jobs, with an optional caption. */
export function PhotoUpload({ customerId, jobs, target, onTarget }: Props) {
  const upload = useUploadPhotos(customerId);
  const [over, setOver] = useState(false);
  const [caption, setCaption] = useState("");
  const [sent, setSent] = useState<number | null>(null);

  function send(files: File[]) {
    if (!files.length) return;
    setSent(null);
    upload.mutate({ files, jobId: target === ON_CUSTOMER ? null : target, caption: caption.trim() }, {
      onSuccess: (saved) => { setSent(saved.length); setCaption(""); },
    });
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    send(Array.from(event.dataTransfer.files));
  }

  return (
    <Stack gap="xs">
      <Group grow align="flex-end">
        <Select label="File under" data={[{ value: ON_CUSTOMER, label: "The customer (no job)" }, ...jobs.map((j) => ({ value: j.id, label: j.label }))]}
          value={target} onChange={(value) => onTarget(value ?? ON_CUSTOMER)} allowDeselect={false} searchable />
        <TextInput label="Caption" placeholder="What the photos show (optional)" value={caption} maxLength={500}
          onChange={(event) => setCaption(event.currentTarget.value)} />
      </Group>
      <Group role="region" aria-label="Drop photos here" justify="center" p="md" gap="sm"
        onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
        style={{ border: `2px dashed var(--mantine-color-${over ? "blue-6" : "gray-5"})`, borderRadius: 8,
          background: over ? "var(--mantine-color-blue-0)" : undefined }}>
        <Text size="sm">Drop photos here or</Text>
        <FileButton onChange={(files) => send(files ?? [])} accept={ACCEPT} multiple>
          {(props) => <Button size="xs" variant="light" loading={upload.isPending} {...props}>Choose photos</Button>}
        </FileButton>
        <Text size="xs" c="dimmed">JPEG, PNG, WebP or HEIC</Text>
      </Group>
      {upload.isError && <Alert color="red" role="alert" title="Not uploaded">{reason(upload.error)}</Alert>}
      {sent !== null && <Text size="sm" role="status">{sent === 1 ? "1 photo uploaded." : `${sent} photos uploaded.`}</Text>}
    </Stack>
  );
}
