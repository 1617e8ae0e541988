import { Badge, Button, Group, Menu, Popover, Stack, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";

import { useChangeStatus, useStatusHistory, type LeadStatus } from "../api/change-status";
import { when, words } from "@/lib/format";

const STATUSES: LeadStatus[] = ["lead", "prospect", "quoted", "active", "inactive"];
const COLORS: Record<string, string> = { lead: "indigo", prospect: "cyan", quoted: "grape", active: "green", inactive: "gray" };

/** The lead-status badge: click to change it; its history beside it. */
export function LeadStatus({ customerId, status }: { customerId: string; status: string }) {
  const change = useChangeStatus(customerId);
  const [historyOpen, setHistoryOpen] = useState(false);
  const history = useStatusHistory(customerId, historyOpen);

  return (
    <Group gap={6}>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`Lead status: ${words(status)}. Change`}>
            <Badge size="lg" variant="light" c="dark.8" color={COLORS[status] ?? "gray"} style={{ cursor: "pointer" }} rightSection="▾">{words(status)}</Badge>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Change status to</Menu.Label>
          {STATUSES.filter((s) => s !== status).map((s) => (
            <Menu.Item key={s} onClick={() => change.mutate(s)}>{words(s)}</Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={historyOpen} onChange={setHistoryOpen} width={340} position="bottom-start" withinPortal>
        <Popover.Target>
          <Button variant="subtle" size="compact-xs" onClick={() => setHistoryOpen((o) => !o)}>History</Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={6}>
            {history.isPending && <Text size="sm">Loading…</Text>}
            {history.isError && <Text size="sm" c="red">The history could not be loaded.</Text>}
            {history.data?.items?.map((h) => (
              <Text key={h.id} size="sm">
                {when(h.changed_at)}: {h.from ? `${words(h.from)} → ` : ""}<b>{words(h.to)}</b>
                <Text span c="dimmed" size="xs"> {h.automatic ? `automatic${h.cause ? ` (${words(h.cause)})` : ""}` : h.changed_by ?? ""}</Text>
              </Text>
            ))}
            {history.data && !history.data.items?.length && <Text size="sm" c="dimmed">No changes yet.</Text>}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
