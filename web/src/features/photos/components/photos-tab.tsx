import { ActionIcon, Button, Group, Image, Loader, Select, SimpleGrid, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";

import { useDeletePhoto, useImage, useJobOptions, usePhotos, type Photo } from "../api/photos";
import { ON_CUSTOMER, PhotoUpload } from "./photo-upload";
import { PhotoViewer, Uploader, photoName } from "./photo-viewer";
import { PageError } from "@/components/page-error";
import { ConfirmDialog } from "@/features/billing/components/confirm-dialog";
import { day } from "@/lib/format";

const ALL = "all";

function Thumbnail({ photo, onOpen, onDelete }: { photo: Photo; onOpen: () => void; onDelete: () => void }) {
  const image = useImage(photo.thumbnail_url);
  const name = photoName(photo);
  return (
    <Stack gap={2} role="listitem" aria-label={name}>
      <UnstyledButton onClick={onOpen} aria-label={`Open ${name}`}>
        {image.isPending ? <Skeleton h={120} /> : image.isError
          ? <Text size="xs" c="dimmed" h={120}>Image unavailable</Text>
          : <Image src={image.data} alt={name} h={120} fit="cover" radius="sm" />}
      </UnstyledButton>
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text size="xs" truncate>{name}</Text>
        <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Delete ${name}`} onClick={onDelete}>
          <span aria-hidden>×</span>
        </ActionIcon>
      </Group>
      <Text size="xs" c="dimmed">{photo.job_number ?? "No job"} · {day(photo.uploaded_at)}</Text>
      <div><Uploader photo={photo} /></div>
    </Stack>
  );
}

/** Every photo of the customer's: their own uploads and their jobs' together, by job, uploaded, opened, deleted. */
export function PhotosTab({ customerId }: { customerId: string }) {
  const [job, setJob] = useState(ALL);
  const [target, setTarget] = useState(ON_CUSTOMER);
  const jobs = useJobOptions(customerId);
  const photos = usePhotos(customerId, job === ALL ? null : job);
  const remove = useDeletePhoto(customerId);
  const [shown, setShown] = useState<Photo | null>(null);
  const [deleting, setDeleting] = useState<Photo | null>(null);

  function filter(value: string | null) {
    const next = value ?? ALL;
    setJob(next);
    // Photos added while one job is shown go to that job, so they appear where the office is looking.
    if (next !== ALL) setTarget(next);
  }

  function askDelete(photo: Photo) {
    remove.reset();
    setDeleting(photo);
  }

  function confirmDelete() {
    remove.mutate(deleting!.id!, { onSuccess: () => { setDeleting(null); setShown(null); } });
  }

  const options = jobs.data ?? [];
  const items = photos.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack>
      <PhotoUpload customerId={customerId} jobs={options} target={target} onTarget={setTarget} />
      <Select label="Show photos of" w={320} value={job} onChange={filter} allowDeselect={false} searchable
        data={[{ value: ALL, label: "All jobs and the customer" }, ...options.map((o) => ({ value: o.id, label: o.label }))]} />
      {photos.isPending ? <Loader size="sm" aria-label="Loading photos" /> : photos.isError
        ? <PageError error={photos.error} retry={() => photos.refetch()} />
        : !items.length ? <Text c="dimmed" size="sm">{job === ALL ? "No photos yet." : "No photos of this job yet."}</Text> : (
          <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label="Photos">
            {items.map((photo) => (
              <Thumbnail key={photo.id} photo={photo} onOpen={() => setShown(photo)} onDelete={() => askDelete(photo)} />
            ))}
          </SimpleGrid>
        )}
      {photos.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={photos.isFetchingNextPage} onClick={() => photos.fetchNextPage()}>Load more</Button>
      )}
      <PhotoViewer photo={shown} onClose={() => setShown(null)} onDelete={askDelete} />
      <ConfirmDialog opened={deleting !== null} title="Delete this photo?"
        message={`${deleting ? photoName(deleting) : "The photo"} is removed for good, from the customer and from its job.`}
        confirm="Delete photo" busy={remove.isPending} error={remove.isError ? remove.error.message : null}
        onConfirm={confirmDelete} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
