import { Badge, Box, Button, Collapse, Group, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

import type { Communication } from "../api/feed";
import { useRetrySend } from "../api/send-message";
import { DeliveryStatus, SendProblem } from "./delivery-status";
import { when } from "@/lib/format";

/** Seconds as a call's length: 3:34, or 1:02:05 for the long ones. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

type HandledBy = { kind?: string; id?: string | null; name?: string | null };
/** Who handled it: the API documents the shape in words only, so it is read here once. */
const handler = (comm: Communication) => (comm.handled_by ?? {}) as HandledBy;

function Header({ title, comm, extra }: { title: string; comm: Communication; extra?: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Group gap="xs">
        <Text fw={600} size="sm" component="h3" m={0}>{title}</Text>
        {extra}
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">{when(comm.occurred_at)}</Text>
        <DeliveryStatus comm={comm} />
      </Group>
    </Group>
  );
}

function Retry({ comm, customerId }: { comm: Communication; customerId: string }) {
  const retry = useRetrySend(customerId);
  if (comm.status !== "failed" || comm.direction !== "outbound") return null;
  return <Button size="compact-xs" variant="default" w="fit-content" loading={retry.isPending} onClick={() => retry.mutate(comm.id!)}>Try again</Button>;
}

export function CallItem({ comm }: { comm: Communication }) {
  const [open, { toggle }] = useDisclosure(false);
  const inbound = comm.direction === "inbound";
  const transcriptId = `transcript-${comm.id}`;
  return (
    <Paper withBorder p="sm" component="article" aria-label={`${inbound ? "Inbound" : "Outbound"} call, ${when(comm.occurred_at)}`}>
      <Stack gap={6}>
        <Header comm={comm} title={inbound ? "Inbound call" : "Outbound call"}
          extra={<>
            <Text size="sm" c="dimmed">{[inbound ? comm.from : comm.to, comm.duration_seconds != null ? duration(comm.duration_seconds) : null].filter(Boolean).join(" · ")}</Text>
            {handler(comm).kind === "ai" && <Badge variant="light" color="violet" c="dark.8">AI-handled</Badge>}
          </>} />
        {comm.subject && <Text size="sm">{comm.subject}</Text>}
        {comm.body && <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{comm.body}</Text>}
        {comm.recording_url && (
          <audio controls preload="none" src={comm.recording_url} aria-label="Call recording" style={{ width: "100%", maxWidth: 420 }} />
        )}
        {comm.transcript && (
          <Box>
            <Button size="compact-xs" variant="default" onClick={toggle} aria-expanded={open} aria-controls={transcriptId}>
              {open ? "Hide transcript" : "Show transcript"}
            </Button>
            <Collapse expanded={open} id={transcriptId}>
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>{comm.transcript}</Text>
            </Collapse>
          </Box>
        )}
        {(comm.notes ?? []).map((note) => <Text key={note.id} size="sm" c="dimmed">Note: {note.body}</Text>)}
        {handler(comm).kind !== "ai" && handler(comm).name && <Text size="xs" c="dimmed">by {handler(comm).name}</Text>}
      </Stack>
    </Paper>
  );
}

export function EmailItem({ comm, customerId }: { comm: Communication; customerId: string }) {
  const inbound = comm.direction === "inbound";
  return (
    <Paper withBorder p="sm" component="article" aria-label={`Email: ${comm.subject ?? "(no subject)"}`}>
      <Stack gap={6}>
        <Header comm={comm} title={comm.subject || "(no subject)"} extra={<Badge variant="outline" color="gray" c="dark.8">Email</Badge>} />
        <Text size="xs" c="dimmed">{inbound ? `From ${comm.from ?? "—"}` : `To ${comm.to ?? "—"}`}{handler(comm).name && !inbound ? ` · by ${handler(comm).name}` : ""}</Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} lineClamp={12}>{comm.body}</Text>
        <SendProblem comm={comm} />
        <Retry comm={comm} customerId={customerId} />
      </Stack>
    </Paper>
  );
}

/** A text as a bubble: theirs on the left, ours on the right. */
export function TextBubble({ comm, customerId }: { comm: Communication; customerId: string }) {
  const inbound = comm.direction === "inbound";
  return (
    <Group justify={inbound ? "flex-start" : "flex-end"} component="article" aria-label={`${inbound ? "Text received" : "Text sent"}, ${when(comm.occurred_at)}`}>
      <Stack gap={2} maw="75%" align={inbound ? "flex-start" : "flex-end"}>
        <Paper p="xs" radius="lg" bg={inbound ? "gray.1" : "blue.0"} withBorder>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{comm.body}</Text>
        </Paper>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">{inbound ? comm.from : `to ${comm.to}`} · {when(comm.occurred_at)}</Text>
          {!inbound && <DeliveryStatus comm={comm} />}
        </Group>
        <SendProblem comm={comm} />
        <Retry comm={comm} customerId={customerId} />
      </Stack>
    </Group>
  );
}

export function FeedItem({ comm, customerId }: { comm: Communication; customerId: string }) {
  if (comm.channel === "call") return <CallItem comm={comm} />;
  if (comm.channel === "email") return <EmailItem comm={comm} customerId={customerId} />;
  return <TextBubble comm={comm} customerId={customerId} />;
}
