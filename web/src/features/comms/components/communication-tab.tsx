import { Button, Group, Loader, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";

import { useFeed, type ChannelFilter, type CommPage } from "../api/feed";
import { ComposeForm } from "./compose-form";
import { FeedItem } from "./feed-item";
import { SmsThreads } from "./sms-threads";
import { SectionMessage, sectionOk, type Section } from "@/components/section-message";

export const CHANNEL_FILTERS: { value: ChannelFilter; label: string }[] = [
  { value: "all", label: "All" }, { value: "call", label: "Calls" }, { value: "sms", label: "Texts" }, { value: "email", label: "Emails" },
];

type Compose = { channel: "sms" | "email"; to: string | null };
type Props = { customerId: string; section: Section<CommPage> | undefined; phone?: string | null; email?: string | null };

/** Every call, text and email with the customer in one feed, with a text or an email written in place. */
export function CommunicationTab({ customerId, section, phone, email }: Props) {
  const [channel, setChannel] = useState<ChannelFilter>("all");
  const [compose, setCompose] = useState<Compose | null>(null);
  if (!sectionOk(section)) return <SectionMessage name="Communication" section={section} />;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl aria-label="Channel" size="xs" value={channel} data={CHANNEL_FILTERS}
          onChange={(value) => setChannel(value as ChannelFilter)} />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setCompose({ channel: "sms", to: phone ?? null })}>New text</Button>
          <Button size="xs" variant="default" onClick={() => setCompose({ channel: "email", to: email ?? null })}>New email</Button>
        </Group>
      </Group>
      {compose && (
        <Paper withBorder p="sm" shadow="xs">
          <Text fw={600} size="sm" mb="xs">{compose.channel === "sms" ? "New text" : "New email"}</Text>
          <ComposeForm key={`${compose.channel}-${compose.to}`} customerId={customerId} channel={compose.channel} defaultTo={compose.to}
            onSent={() => setCompose(null)} onCancel={() => setCompose(null)} />
        </Paper>
      )}
      {channel === "sms"
        ? <SmsThreads customerId={customerId} onReply={(to) => setCompose({ channel: "sms", to })} />
        : <Feed key={channel} customerId={customerId} channel={channel} first={section.data} />}
    </Stack>
  );
}

const EMPTY: Record<ChannelFilter, string> = {
  all: "No calls, texts or emails yet.", call: "No calls yet.", sms: "No texts yet.", email: "No emails yet.",
};

function Feed({ customerId, channel, first }: { customerId: string; channel: ChannelFilter; first: CommPage }) {
  const feed = useFeed(customerId, channel, first);
  if (feed.isPending) return <Loader size="sm" aria-label="Loading communications" />;
  if (feed.isError) return <Text c="red.9" size="sm" role="alert">{feed.error.message}</Text>;
  const items = feed.data.pages.flatMap((p) => p.items);
  if (!items.length) return <Text c="dimmed" size="sm">{EMPTY[channel]}</Text>;
  return (
    <Stack gap="xs" aria-label="Communications" role="feed" aria-busy={feed.isFetching}>
      {items.map((comm) => <FeedItem key={comm.id} comm={comm} customerId={customerId} />)}
      {feed.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={feed.isFetchingNextPage} onClick={() => feed.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
