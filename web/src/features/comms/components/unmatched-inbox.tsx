import { Anchor, Box, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import type { ChannelFilter, Communication } from "../api/feed";
import { useUnmatched } from "../api/unmatched";
import { AssignDialog } from "./assign-dialog";
import { CHANNEL_FILTERS } from "./communication-tab";
import { FeedItem } from "./feed-item";

const KIND: Record<string, string> = { call: "Call", sms: "Text", email: "Email" };

/** Calls, texts and emails from people no customer record matched, each waiting for someone to say whose it is. */
export function UnmatchedInbox() {
  const [channel, setChannel] = useState<ChannelFilter>("all");
  const [assigning, setAssigning] = useState<Communication | null>(null);
  const inbox = useUnmatched(channel);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack maw={960}>
      <Box>
        <Title order={1} size="h2">Unmatched inbox</Title>
        <Text c="dimmed" size="sm">Inbound calls, texts and emails from numbers and addresses no customer has on file. Assign each to its customer.</Text>
      </Box>
      <SegmentedControl aria-label="Channel" size="xs" w="fit-content" value={channel} data={CHANNEL_FILTERS}
        onChange={(value) => setChannel(value as ChannelFilter)} />
      {inbox.isPending && <Loader size="sm" aria-label="Loading the inbox" />}
      {inbox.isError && <Text c="red.9" size="sm" role="alert">{inbox.error.message}</Text>}
      {inbox.isSuccess && !items.length && <Text c="dimmed" size="sm">Nothing waiting: every inbound item has its customer.</Text>}
      <Stack gap="sm" aria-label="Unmatched items" role="list">
        {items.map((comm) => (
          <Group key={comm.id} align="flex-start" wrap="nowrap" role="listitem">
            <Box style={{ flex: 1 }}>
              <Text size="xs" c="dimmed" mb={4}>{KIND[comm.channel ?? ""] ?? comm.channel} from {comm.from ?? "an unknown sender"}</Text>
              <FeedItem comm={comm} customerId="" />
            </Box>
            <Button size="xs" mt="lg" onClick={() => setAssigning(comm)}
              aria-label={`Assign the ${(KIND[comm.channel ?? ""] ?? "item").toLowerCase()} from ${comm.from ?? "an unknown sender"}`}>
              Assign…
            </Button>
          </Group>
        ))}
      </Stack>
      {inbox.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={inbox.isFetchingNextPage} onClick={() => inbox.fetchNextPage()}>
          Load more
        </Button>
      )}
      <Modal opened={assigning !== null} onClose={() => setAssigning(null)} closeButtonProps={{ "aria-label": "Close" }}
        title={assigning ? `Assign the ${(KIND[assigning.channel ?? ""] ?? "item").toLowerCase()} from ${assigning.from ?? "an unknown sender"}` : ""}>
        {assigning && (
          <AssignDialog comm={assigning} onCancel={() => setAssigning(null)} onDone={(customer) => {
            setAssigning(null);
            notifications.show({
              title: `Assigned to ${customer.display_name}`,
              message: <Anchor href={`/customers/${customer.id}/communication`} size="sm">Open their communication</Anchor>,
            });
          }} />
        )}
      </Modal>
    </Stack>
  );
}
