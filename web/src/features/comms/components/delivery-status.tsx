import { Badge, Loader, Text } from "@mantine/core";

import type { Communication } from "../api/feed";
import { words } from "@/lib/format";

const COLORS: Record<string, string> = {
  queued: "gray", sending: "blue", sent: "yellow", delivered: "green", failed: "red",
  received: "gray", completed: "green", missed: "orange", voicemail: "grape",
};
const LABELS: Record<string, string> = { queued: "Queued", sending: "Sending", sent: "Sent", delivered: "Delivered", failed: "Failed" };

/** Where a communication stands, as a tag. */
export function DeliveryStatus({ comm }: { comm: Communication }) {
  const status = comm.status ?? "";
  const moving = status === "queued" || status === "sending";
  // The tint carries the colour; the text stays dark so every status reads at AA contrast.
  return (
    <Badge color={COLORS[status] ?? "gray"} variant="light" c="dark.8" style={{ flexShrink: 0 }}
      leftSection={moving ? <Loader size={8} color="dark.8" aria-hidden /> : null}>
      {LABELS[status] ?? words(status)}
    </Badge>
  );
}

/** Why a send failed, or why it is still waiting: on its own line, as long as the reason is. */
export function SendProblem({ comm }: { comm: Communication }) {
  if (comm.status === "failed") {
    return <Text size="xs" c="red.9">Not sent: {comm.failure_reason ?? "no reason was given."}</Text>;
  }
  if (comm.status === "queued" && (comm.attempts ?? 0) > 0) {
    return <Text size="xs" c="dimmed">Tried {comm.attempts}×, trying again{comm.failure_reason ? `: ${comm.failure_reason}` : "."}</Text>;
  }
  return null;
}
