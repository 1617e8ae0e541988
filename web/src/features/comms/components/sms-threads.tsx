import { Button, Group, Loader, Paper, Stack, Text } from "@mantine/core";

import { useThreadMessages, useThreads, type Thread } from "../api/threads";
import { TextBubble } from "./feed-item";
import { when } from "@/lib/format";

/** The customer's texts as conversations, one a number, both directions, oldest at the top. */
export function SmsThreads({ customerId, onReply }: { customerId: string; onReply: (to: string) => void }) {
  const threads = useThreads(customerId);
  if (threads.isPending) return <Loader size="sm" aria-label="Loading conversations" />;
  if (threads.isError) return <Text c="red.9" size="sm" role="alert">{threads.error.message}</Text>;
  const items = threads.data.pages.flatMap((p) => p.items);
  if (!items.length) return <Text c="dimmed" size="sm">No texts yet.</Text>;
  return (
    <Stack gap="sm">
      {items.map((thread) => <Conversation key={thread.id} customerId={customerId} thread={thread} onReply={onReply} />)}
      {threads.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={threads.isFetchingNextPage} onClick={() => threads.fetchNextPage()}>
          More conversations
        </Button>
      )}
    </Stack>
  );
}

function Conversation({ customerId, thread, onReply }: { customerId: string; thread: Thread; onReply: (to: string) => void }) {
  const messages = useThreadMessages(customerId, thread.id!);
  const texts = (messages.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse();
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Conversation with ${thread.counterpart}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm" component="h3" m={0}>Conversation with {thread.counterpart}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">last {when(thread.last_message_at)}</Text>
          <Button size="compact-xs" variant="default" onClick={() => onReply(thread.counterpart!)}>Reply</Button>
        </Group>
      </Group>
      {messages.hasNextPage && (
        <Button size="compact-xs" variant="default" mb="xs" loading={messages.isFetchingNextPage} onClick={() => messages.fetchNextPage()}>
          Earlier texts
        </Button>
      )}
      {messages.isPending ? <Loader size="xs" aria-label="Loading texts" /> : (
        <Stack gap={6}>{texts.map((comm) => <TextBubble key={comm.id} comm={comm} customerId={customerId} />)}</Stack>
      )}
    </Paper>
  );
}
