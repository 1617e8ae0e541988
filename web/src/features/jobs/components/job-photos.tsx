import { Alert, Button, FileButton, Group, Image, Modal, SimpleGrid, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState, type DragEvent } from "react";

import { useImage, useJobPhotos, useUploadJobPhotos, type Photo } from "../api/job-photos";
import { day } from "@/lib/format";

const ACCEPT = "image/png,image/jpeg,image/webp";

function Thumbnail({ photo, onOpen }: { photo: Photo; onOpen: () => void }) {
  const image = useImage(photo.thumbnail_url);
  const name = photo.caption || photo.filename || "Job photo";
  return (
    <Stack gap={2} role="listitem">
      <UnstyledButton onClick={onOpen} aria-label={`Open ${name}`}>
        {image.isPending ? <Skeleton h={110} /> : image.isError
          ? <Text size="xs" c="dimmed">Image unavailable</Text>
          : <Image src={image.data} alt={name} h={110} fit="cover" radius="sm" />}
      </UnstyledButton>
      <Text size="xs" truncate>{name}</Text>
      <Text size="xs" c="dimmed">{day(photo.uploaded_at)} · {photo.uploaded_by}</Text>
    </Stack>
  );
}

function FullView({ photo, onClose }: { photo: Photo | null; onClose: () => void }) {
  const image = useImage(photo?.url);
  const name = photo?.caption || photo?.filename || "Job photo";
  return (
    <Modal opened={photo !== null} onClose={onClose} size="xl" title={name} closeButtonProps={{ "aria-label": "Close" }}>
      {image.data ? <Image src={image.data} alt={name} fit="contain" mah="75vh" /> : <Skeleton h={400} />}
      {photo && <Text size="xs" c="dimmed" mt="xs">{photo.width} × {photo.height} · {photo.filename} · {day(photo.uploaded_at)} by {photo.uploaded_by}</Text>}
    </Modal>
  );
}

/** The job's photos: drop files on the area or pick them, see thumbnails, open one full size. */
export function JobPhotos({ jobId, customerId }: { jobId: string; customerId?: string }) {
  const photos = useJobPhotos(jobId);
  const upload = useUploadJobPhotos(jobId, customerId);
  const [over, setOver] = useState(false);
  const [shown, setShown] = useState<Photo | null>(null);
  const send = (files: File[]) => { if (files.length) upload.mutate(files); };

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    send(Array.from(event.dataTransfer.files));
  }

  const items = photos.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="sm">
      <Group role="region" aria-label="Drop photos here" justify="center" p="md" gap="sm"
        onDragOver={(event) => { event.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
        style={{ border: `2px dashed var(--mantine-color-${over ? "blue-6" : "gray-4"})`, borderRadius: 8,
          background: over ? "var(--mantine-color-blue-0)" : undefined }}>
        <Text size="sm">Drop photos here or</Text>
        <FileButton onChange={(files) => send(files ?? [])} accept={ACCEPT} multiple>
          {(props) => <Button size="xs" variant="default" loading={upload.isPending} {...props}>Choose photos</Button>}
        </FileButton>
      </Group>
      {upload.isError && <Alert color="red" role="alert" title="Not uploaded">{upload.error.message}</Alert>}
      {photos.isError && <Alert color="orange" role="status">Photos could not be loaded: {photos.error.message}</Alert>}
      {photos.isPending ? <Skeleton h={110} /> : !items.length ? <Text size="sm" c="dimmed">No photos yet.</Text> : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label="Job photos">
          {items.map((photo) => <Thumbnail key={photo.id} photo={photo} onOpen={() => setShown(photo)} />)}
        </SimpleGrid>
      )}
      {photos.hasNextPage && <Button variant="default" size="xs" w="fit-content" onClick={() => photos.fetchNextPage()}>Load more</Button>}
      <FullView photo={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
