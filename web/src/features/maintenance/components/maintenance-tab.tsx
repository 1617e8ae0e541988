import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useBookVisits, useMovePlan, usePlans, type Plan, type PlanStatus } from "../api/plans";
import { PlanForm } from "./plan-form";
import { PlanVisits } from "./plan-visits";
import { describe } from "./recurrence";
import { PageError } from "@/components/page-error";
import { SectionMessage, sectionOk, type Section } from "@/components/section-message";
import { StatusBadge } from "@/components/status-badge";
import { ConfirmDialog } from "@/features/billing/components/confirm-dialog";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { money, when } from "@/lib/format";

type PlansPage = { items?: Plan[]; next_cursor?: string | null };
type Props = { profile: Profile; currency?: string; section: Section<PlansPage> | undefined };

// The moves the office makes by hand from each status (cancelling asks first, below).
const MOVES: Record<string, [PlanStatus, string][]> = {
  assessment: [["active", "Activate"]], active: [["paused", "Pause"]], paused: [["active", "Resume"]],
};

function PlanCard({ plan, profile, onChange, onCancel }: { plan: Plan; profile: Profile; onChange: () => void; onCancel: () => void }) {
  const move = useMovePlan(profile.id!);
  const next = (plan.next_visits as string[] | undefined)?.[0];
  const open = plan.status !== "cancelled";
  return (
    <Paper withBorder p="sm" component="article" aria-label={plan.name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs"><Title order={4} size="h5">{plan.name}</Title><StatusBadge status={plan.status} /></Group>
            <Text size="sm">{describe(plan.rrule ?? "", plan.starts_at)} · {money(plan.price_per_visit_cents, plan.currency)} a visit</Text>
            <Text size="sm" c="dimmed">{plan.property_address || "No property"}{plan.service_type ? ` · ${plan.service_type}` : ""}</Text>
            <Text size="sm">
              Next visit: {next ? when(next) : plan.status === "paused" ? "none while paused" : plan.status === "assessment" ? "none until active" : "—"}
            </Text>
          </Stack>
          {open && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={onChange}>Change</Button>
              {MOVES[plan.status ?? ""]?.map(([to, label]) => (
                <Button key={to} size="xs" variant="light" loading={move.isPending && move.variables?.to === to}
                  onClick={() => move.mutate({ planId: plan.id!, to })}>{label}</Button>
              ))}
              <Button size="xs" variant="subtle" color="red" onClick={onCancel}>Cancel plan</Button>
            </Group>
          )}
        </Group>
        {move.isError && <Alert color="red" role="alert" title="Not changed">{move.error.message}</Alert>}
        {plan.status === "paused" && <Text size="xs" c="dimmed">No new visits are booked while paused; visits already booked stay on the schedule.</Text>}
        <PlanVisits customerId={profile.id!} plan={plan} />
      </Stack>
    </Paper>
  );
}

/** The customer's maintenance plans: how often, where, the next visit, the visits booked; set up, change, pause, cancel. */
export function MaintenanceTab({ profile, currency, section }: Props) {
  const plans = usePlans(profile.id!, sectionOk(section) ? section.data : undefined);
  const cancel = useMovePlan(profile.id!);
  const book = useBookVisits(profile.id!);
  const [editing, setEditing] = useState<Plan | "new" | null>(null);
  const [cancelling, setCancelling] = useState<Plan | null>(null);

  function saved(plan: Plan, bookNow: boolean) {
    setEditing(null);
    notifications.show({ color: "green", message: `${plan.name} saved.` });
    if (bookNow) book.mutate(plan.id!, { onError: (error) => notifications.show({ color: "red", message: `Visits not booked: ${error.message}` }) });
  }

  async function confirmCancel() {
    await cancel.mutateAsync({ planId: cancelling!.id!, to: "cancelled" });
    setCancelling(null);
  }

  // The workspace's own section says why plans are missing while the tab's own request has nothing better.
  if (!sectionOk(section) && (plans.isPending || plans.isError)) return <SectionMessage name="Maintenance plans" section={section} />;
  if (plans.isError) return <PageError error={plans.error} retry={() => plans.refetch()} />;
  const items = plans.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{items.length ? "Plans book their visits as jobs ahead of time." : "No maintenance plans."}</Text>
        <Button size="xs" onClick={() => setEditing("new")}>New plan</Button>
      </Group>
      {items.map((plan) => (
        <PlanCard key={plan.id} plan={plan} profile={profile} onChange={() => setEditing(plan)} onCancel={() => { cancel.reset(); setCancelling(plan); }} />
      ))}
      {plans.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={plans.isFetchingNextPage} onClick={() => plans.fetchNextPage()}>Load more</Button>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="lg" closeButtonProps={{ "aria-label": "Close" }}
        title={editing === "new" ? `New maintenance plan for ${profile.display_name}` : `Change ${editing?.name ?? "plan"}`}>
        {editing !== null && (
          <PlanForm profile={profile} currency={currency} plan={editing === "new" ? undefined : editing}
            onSaved={saved} onCancel={() => setEditing(null)} />
        )}
      </Modal>
      <ConfirmDialog opened={cancelling !== null} title={`Cancel ${cancelling?.name ?? "the plan"}?`}
        message="The plan books no more visits, and its visits still to come are cancelled. A cancelled plan cannot be resumed."
        confirm="Cancel plan" busy={cancel.isPending} error={cancel.isError ? cancel.error.message : null}
        onConfirm={() => { confirmCancel().catch(() => undefined); }} onClose={() => setCancelling(null)} />
    </Stack>
  );
}
