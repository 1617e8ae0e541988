import { Button, Group, Popover, Text } from "@mantine/core";
import { DatePicker } from "@mantine/dates";
import { useState } from "react";

import { useUpdateCustomer } from "../api/update-customer";
import { day } from "@/lib/format";

/** The next follow-up: set with a date picker, cleared with one click. */
export function FollowUp({ customerId, at }: { customerId: string; at: string | null | undefined }) {
  const update = useUpdateCustomer(customerId);
  const [open, setOpen] = useState(false);

  function set(value: string | null) {
    // A follow-up is a day; 9:00 local time on it.
    const next = value ? new Date(`${value}T09:00:00`).toISOString() : null;
    update.mutate({ next_follow_up_at: next }, { onSuccess: () => setOpen(false) });
  }

  return (
    <Group gap={4}>
      <Text size="sm">Follow-up: <b>{day(at)}</b></Text>
      <Popover opened={open} onChange={setOpen} withinPortal>
        <Popover.Target>
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)}>{at ? "Change" : "Set"}</Button>
        </Popover.Target>
        <Popover.Dropdown>
          <DatePicker aria-label="Follow-up date" onChange={(value) => set(value)} />
        </Popover.Dropdown>
      </Popover>
      {at && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => set(null)} loading={update.isPending}>Clear</Button>}
    </Group>
  );
}
