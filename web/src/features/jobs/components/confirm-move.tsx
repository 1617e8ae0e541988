import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

type Props = {
  opened: boolean; title: string; message: ReactNode; confirm: string; color?: string; busy?: boolean; error?: string | null;
  onConfirm: () => void; onClose: () => void; children?: ReactNode;
};

/** A move that cannot be taken back, asked first: what will happen, then the one button that does it. */
export function ConfirmMove({ opened, title, message, confirm, color, busy, error, onConfirm, onClose, children }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ "aria-label": "Close" }}>
      <Stack>
        <Text size="sm">{message}</Text>
        {children}
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Not now</Button>
          <Button color={color} loading={busy} onClick={onConfirm}>{confirm}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
