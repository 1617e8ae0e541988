import { Badge, Button, Group, Image, Modal, Skeleton, Stack, Text } from "@mantine/core";

import { useImage, type Photo } from "../api/photos";
import { day } from "@/lib/format";

export function photoName(photo: Photo): string {
  return photo.caption || photo.filename || (photo.job_number ? `Photo of ${photo.job_number}` : "Photo");
}

/** Uploaded by the customer in the client portal, rather than by someone in the office. */
export function fromCustomer(photo: Photo): boolean {
  return (photo.uploaded_by ?? "").startsWith("portal:");
}

export function Uploader({ photo }: { photo: Photo }) {
  return fromCustomer(photo)
    ? <Badge size="xs" variant="light" color="grape" c="dark.8">From the customer</Badge>
    : <Text size="xs" c="dimmed" span>{photo.uploaded_by}</Text>;
}

type Props = { photo: Photo | null; onClose: () => void; onDelete: (photo: Photo) => void };

/** One photo at full size, with what it is, where it belongs and who took it. */
export function PhotoViewer({ photo, onClose, onDelete }: Props) {
  const image = useImage(photo?.url);
  const name = photo ? photoName(photo) : "";
  return (
    <Modal opened={photo !== null} onClose={onClose} size="xl" title={name} closeButtonProps={{ "aria-label": "Close" }}>
      {photo && (
        <Stack gap="xs">
          {image.isError ? <Text size="sm" c="red.8">{image.error.message}</Text>
            : image.data ? <Image src={image.data} alt={name} fit="contain" mah="70vh" /> : <Skeleton h={400} />}
          <Group justify="space-between">
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {photo.job_number ? `${photo.job_number} ${photo.job_title ?? ""}` : "The customer"} · {photo.width} × {photo.height} · {day(photo.uploaded_at)}
              </Text>
              <Uploader photo={photo} />
            </Group>
            <Button size="xs" color="red" variant="light" onClick={() => onDelete(photo)}>Delete photo</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
