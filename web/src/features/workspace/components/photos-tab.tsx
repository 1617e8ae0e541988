import { Button, Image, Loader, SimpleGrid, Skeleton, Stack, Text } from "@mantine/core";

import { useImage, usePhotos } from "../api/photos";
import { PageError } from "@/components/page-error";
import { day } from "@/lib/format";

function Thumbnail({ path, alt }: { path: string; alt: string }) {
  const image = useImage(path);
  if (image.isPending) return <Skeleton h={120} />;
  if (image.isError) return <Text size="xs" c="dimmed">Image unavailable</Text>;
  return <Image src={image.data} alt={alt} h={120} fit="cover" radius="sm" />;
}

/** Every photo taken on the customer's jobs, newest first. */
export function PhotosTab({ customerId }: { customerId: string }) {
  const photos = usePhotos(customerId);
  if (photos.isPending) return <Loader size="sm" aria-label="Loading photos" />;
  if (photos.isError) return <PageError error={photos.error} retry={() => photos.refetch()} />;
  const items = photos.data.pages.flatMap((p) => p.items ?? []);
  if (!items.length) return <Text c="dimmed" size="sm">No photos yet.</Text>;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Photos">
        {items.map((photo) => (
          <Stack key={photo.id} gap={2}>
            <Thumbnail path={`/api/photos/${photo.id}/thumbnail`} alt={photo.caption || photo.filename || "Job photo"} />
            <Text size="xs">{photo.caption || photo.filename}</Text>
            <Text size="xs" c="dimmed">{photo.job_number ? `${photo.job_number} · ` : ""}{day(photo.uploaded_at)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      {photos.hasNextPage && <Button variant="default" size="xs" w="fit-content" onClick={() => photos.fetchNextPage()}>Load more</Button>}
    </Stack>
  );
}
