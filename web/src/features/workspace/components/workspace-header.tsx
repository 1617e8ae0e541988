import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";

import { useArchive } from "../api/archive-customer";
import type { Header, Profile } from "../api/get-workspace";
import { ActionsMenu, type Dialog } from "./actions-menu";
import { DuplicatesCard } from "./duplicates-card";
import { FollowUp } from "./follow-up";
import { LeadStatus } from "./lead-status";
import { QuickActions } from "./quick-actions";
import { TagsEditor } from "./tags-editor";
import { type Memberships, MembershipBadge } from "@/features/membership/components/membership";
import { day } from "@/lib/format";

type Props = {
  profile: Profile; header: Header | undefined; dialog: Dialog; onDialog: (dialog: Dialog) => void; membership?: Memberships;
};

/** Who the customer is, at a glance, with the changes an office user makes most. */
export function WorkspaceHeader({ profile, header, dialog, onDialog: setDialog, membership }: Props) {
  const customerId = profile.id!;
  const unarchive = useArchive(customerId, false);
  return (
    <Stack gap="xs">
      {profile.do_not_service?.flag && (
        <Alert color="red" variant="filled" title="Do not service" role="alert">
          {profile.do_not_service.reason || "No reason recorded."}
        </Alert>
      )}
      {profile.archived && (
        <Alert color="gray" title="This customer is archived" role="status">
          <Group justify="space-between">
            <Text size="sm">Archived {day(profile.archived_at)}. It does not appear in searches unless asked for.</Text>
            <Button size="xs" variant="white" color="dark" loading={unarchive.isPending} onClick={() => unarchive.mutate()}>Unarchive</Button>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm" align="baseline">
              <Title order={1} size="h2">{profile.display_name}</Title>
              <Text c="dimmed">{profile.number}</Text>
              <MembershipBadge membership={membership} />
            </Group>
            {profile.company && profile.company !== profile.display_name && <Text>{profile.company}</Text>}
            <Group gap="lg">
              <LeadStatus customerId={customerId} status={profile.status ?? "lead"} />
              <Text size="sm">Last contacted: <b>{day(header?.last_contacted_at ?? profile.last_contacted_at)}</b></Text>
              <FollowUp customerId={customerId} at={profile.next_follow_up_at} />
            </Group>
            <TagsEditor customerId={customerId} tags={profile.tags ?? []} />
          </Stack>
          <Stack gap="xs" align="flex-end">
            <ActionsMenu profile={profile} dialog={dialog} onDialog={setDialog} />
            <QuickActions profile={profile} />
          </Stack>
        </Group>
      </Paper>
      <DuplicatesCard customerId={customerId} onMerge={() => setDialog("merge")} />
    </Stack>
  );
}
