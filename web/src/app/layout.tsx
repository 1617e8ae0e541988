import { AppShell, Button, Group, Anchor, TextInput, Kbd } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useRef, useState, type FormEvent } from "react";
import { Link, Outlet, useNavigate, useSearchParams } from "react-router";

import { ErrorBoundary } from "@/components/page-error";
import { clearToken } from "@/lib/auth";

/** The frame of every page: the brand, the search everyone reaches with `/`, and sign-out. */
export function Layout() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const search = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => search.current?.focus()]]);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(query.trim() ? `/customers?q=${encodeURIComponent(query.trim())}` : "/customers");
  }

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/customers" fw={700} size="lg" underline="never">Fieldwork</Anchor>
          <form role="search" onSubmit={submit} style={{ flex: 1, maxWidth: 560 }}>
            <TextInput
              ref={search}
              aria-label="Search customers"
              placeholder="Search customers by name, phone, email, address or C-number"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              rightSection={<Kbd size="xs">/</Kbd>}
            />
          </form>
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to="/unmatched" size="sm">Unmatched</Anchor>
            <Anchor component={Link} to="/settings/integrations" size="sm">Settings</Anchor>
            <Button variant="subtle" onClick={clearToken}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
