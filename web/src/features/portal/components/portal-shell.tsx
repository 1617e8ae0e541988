import { AppShell, Container, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

import { ErrorBoundary } from "@/components/page-error";

/** The frame of the customer's page: no office navigation, only who they are signed in as. */
export function PortalShell({ name, children }: { name?: string | null; children: ReactNode }) {
  return (
    <AppShell header={{ height: 56 }} padding={{ base: "xs", sm: "md" }}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg" component="p">Your service portal</Text>
          {name && <Text size="sm" c="dimmed" truncate>Signed in as {name}</Text>}
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" px={0}>
          <ErrorBoundary>{children}</ErrorBoundary>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
