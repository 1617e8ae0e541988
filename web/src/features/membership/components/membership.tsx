import { Badge, Paper, Stack, Text, Title } from "@mantine/core";

import type { components } from "@/lib/api-types";
import { day } from "@/lib/format";

export type Memberships = components["schemas"]["CustomersMembershipsOut"];

/** The header's badge: the plan the customer is a member of, or nothing. */
export function MembershipBadge({ membership }: { membership: Memberships | undefined }) {
  const current = membership?.current;
  if (!current) return null;
  return (
    <Badge color="teal.9" variant="filled" title={`Member since ${day(current.since)}; renews ${day(current.renewal_date)}`}>
      Member · {current.name}
    </Badge>
  );
}

/** The side panel's membership: plan name, since, next visit and renewal date. */
export function MembershipCard({ membership }: { membership: Memberships | undefined }) {
  const current = membership?.current;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="membership-title">
      <Title order={2} size="h4" id="membership-title" mb="xs">Membership</Title>
      {membership === undefined ? <Text size="sm" c="dimmed">Membership is unavailable right now.</Text>
        : !current ? <Text size="sm" c="dimmed">Not a member: no active maintenance plan</Text> : (
          <Stack gap={2}>
            <Text fw={500} size="sm">{current.name}</Text>
            <Text size="sm">Member since <b>{day(current.since)}</b></Text>
            <Text size="sm">Next visit <b>{current.next_visit_at ? day(current.next_visit_at) : "not scheduled"}</b></Text>
            <Text size="sm">Renews <b>{day(current.renewal_date)}</b></Text>
          </Stack>
        )}
    </Paper>
  );
}
