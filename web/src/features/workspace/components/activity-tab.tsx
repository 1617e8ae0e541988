import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Timeline } from "@mantine/core";
import { Link } from "react-router";

import { useTimeline } from "../api/get-timeline";
import { placeOfLink } from "./record-links";
import { PageError } from "@/components/page-error";
import { StatusBadge } from "@/components/status-badge";
import { money, when, words } from "@/lib/format";

/** The merged timeline of everything that happened to the customer, newest first, loading more on demand. */
export function ActivityTab({ customerId }: { customerId: string }) {
  const timeline = useTimeline(customerId);
  if (timeline.isPending) return <Loader size="sm" aria-label="Loading activity" />;
  if (timeline.isError) return <PageError error={timeline.error} retry={() => timeline.refetch()} />;
  const pages = timeline.data.pages;
  const items = pages.flatMap((p) => p.items ?? []);
  const missing = pages[pages.length - 1]?.unavailable ?? [];
  return (
    <Stack>
      {missing.length > 0 && (
        <Alert color="orange" role="status">Activity from {missing.join(", ")} is unavailable right now; the rest is shown.</Alert>
      )}
      {items.length ? (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Activity">
          {items.map((item) => (
            <Timeline.Item key={`${item.kind}-${item.id}`} title={
              <Group gap={6}>
                <Badge size="xs" variant="light" c="dark.8">{words(item.kind)}</Badge>
                {placeOfLink(item.link, customerId)
                  ? <Anchor component={Link} to={placeOfLink(item.link, customerId)!} size="sm" fw={500}>{item.title}</Anchor>
                  : <Text size="sm" fw={500}>{item.title}</Text>}
                <StatusBadge status={item.status} />
                {item.amount_cents != null && <Text size="sm">{money(item.amount_cents, item.currency ?? "USD")}</Text>}
              </Group>
            }>
              {item.summary && <Text size="xs">{item.summary}</Text>}
              <Text size="xs" c="dimmed">{when(item.occurred_at)}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      ) : <Text c="dimmed" size="sm">Nothing has happened yet.</Text>}
      {timeline.hasNextPage && (
        <Button variant="default" w="fit-content" loading={timeline.isFetchingNextPage} onClick={() => timeline.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
