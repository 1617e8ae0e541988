import { Badge, Group, Loader, Text } from "@mantine/core";

import type { Communication } from "../api/feed";
import { words } from "@/lib/format";

const COLORS: Record<string, string> = {
  queued: "gray", sending: "blue", sent: "yellow", delivered: "green", failed: "red",
  received: "gray", completed: "green", missed: "orange", voicemail: "grape",
};
const LABELS: Record<string, string> = { queued: "Queued", sending: "Sending", sent: "Sent", delivered: "Delivered", failed: "Failed" };

/** Where a communication stands; a failed send says why, a send on its way says which attempt it is on. */
export function DeliveryStatus({ comm }: { comm: Communication }) {
  const status = comm.status ?? "";
  const moving = status === "queued" || status === "sending";
  return (
    <Group gap={6} wrap="nowrap" align="center">
      {/* The tint carries the colour; the text stays dark so every status reads at AA contrast. */}
      <Badge color={COLORS[status] ?? "gray"} variant="light" c="dark.8" leftSection={moving ? <Loader size={8} color="dark.8" aria-hidden /> : null}>
        {LABELS[status] ?? words(status)}
      </Badge>
      {status === "failed" && comm.failure_reason && <Text size="xs" c="red.9">{comm.failure_reason}</Text>}
      {status === "queued" && (comm.attempts ?? 0) > 0 && (
        <Text size="xs" c="dimmed">tried {comm.attempts}×, trying again{comm.failure_reason ? `: ${comm.failure_reason}` : ""}</Text>
      )}
    </Group>
  );
}
