import { Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useEstimate, type Estimate } from "../api/estimate";
import { EstimateMoves } from "./estimate-moves";
import { Card, LineItems } from "./record-parts";
import { PageError } from "@/components/page-error";
import { StatusBadge } from "@/components/status-badge";
import { useCustomer } from "@/features/billing/api/customer";
import { day, when } from "@/lib/format";

const DAY_MS = 24 * 3600 * 1000;

/** When the estimate stops being open by itself: its last valid day, and how far off that is. */
function expiry(estimate: Estimate): string {
  if (!estimate.valid_until) return "No expiry date";
  const lastDay = day(`${estimate.valid_until}T12:00:00`); // a calendar day: read at noon, never the day before
  const status = estimate.status as string;
  if (status === "expired") return `Expired after ${lastDay}`;
  if (!["draft", "sent", "viewed"].includes(status)) return `Was valid until ${lastDay}`;
  const today = new Date();
  const last = new Date(`${estimate.valid_until}T23:59:59`);
  const days = Math.ceil((last.getTime() - today.getTime()) / DAY_MS) - 1;
  const left = days <= 0 ? "last day today" : days === 1 ? "1 day left" : `${days} days left`;
  return `Valid until ${lastDay} (${left})`;
}

/** One estimate: what is quoted, for how much, until when; sent, approved or declined from here, and its job. */
export function EstimatePage({ estimateId }: { estimateId: string }) {
  const estimate = useEstimate(estimateId);
  const customer = useCustomer(estimate.data?.customer_id);
  if (estimate.isPending) return <Loader aria-label="Loading the estimate" m="xl" />;
  if (estimate.isError) return <PageError error={estimate.error} retry={() => estimate.refetch()} />;
  const e = estimate.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/customers/${e.customer_id}/estimates`} size="sm">← {customer.data?.display_name ?? "Customer"}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm"><Title order={1} size="h2">Estimate {e.number}</Title><StatusBadge status={e.status as string} /></Group>
          <Text fw={500}>{e.title}</Text>
          <Text size="sm" c={e.status === "expired" ? "red.9" : "dimmed"} aria-label="Expiry">{expiry(e)}</Text>
        </Stack>
        <EstimateMoves estimate={e} />
      </Group>
      <Card title="Quoted work">
        {e.description && <Text size="sm" mb="sm">{e.description}</Text>}
        <LineItems items={e.line_items} currency={e.currency} total={e.total_cents} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title="Details">
          <Stack gap={6}>
            <Text size="sm"><Text span c="dimmed">Property · </Text>{e.property_address ?? "—"}</Text>
            <Text size="sm"><Text span c="dimmed">Service type · </Text>{e.service_type ?? "—"}</Text>
            <Text size="sm"><Text span c="dimmed">Created · </Text>{when(e.created_at)}</Text>
            <Text size="sm"><Text span c="dimmed">Last change · </Text>{when(e.updated_at)}</Text>
          </Stack>
        </Card>
        <Card title="Job">
          {e.job_id
            ? <Anchor component={Link} to={`/jobs/${e.job_id}`} size="sm">Open the job made from this estimate</Anchor>
            : <Text size="sm" c="dimmed">{e.status === "approved" ? "Approved without a job yet: convert it when the work is booked." : "A job is made when the customer approves."}</Text>}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
