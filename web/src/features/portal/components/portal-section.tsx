import { Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import { words } from "@/lib/format";

export type SectionOf<T> = { status: string; items?: T[]; permission?: string };

/** One part of the customer's page, under its heading; a part that could not be had says so, never blank. */
export function PortalSection<T>({ id, title, section, empty, children }: {
  id: string; title: string; section: SectionOf<T>; empty: string; children: (items: T[]) => ReactNode;
}) {
  const items = section.items ?? [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-title`}>{title}</Title>
        {section.status === "not_permitted"
          ? <Text size="sm" c="dimmed">Hidden from you: it needs the {words(section.permission)} permission.</Text>
          : section.status !== "ok"
            ? <Text size="sm" role="status">This part of your page is unavailable right now. Please try again later.</Text>
            : items.length ? children(items) : <Text size="sm" c="dimmed">{empty}</Text>}
      </Stack>
    </Card>
  );
}
