import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";

type Props = {
  opened: boolean; title: string; message: string; confirm: string; busy?: boolean; error?: string | null;
  onConfirm: () => void; onClose: () => void;
};

/** A destructive action asked twice: what will happen, then the one button that does it. */
export function ConfirmDialog({ opened, title, message, confirm, busy, error, onConfirm, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ "aria-label": "Close" }}>
      <Stack>
        <Text size="sm">{message}</Text>
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Keep it</Button>
          <Button color="red" loading={busy} onClick={onConfirm}>{confirm}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
