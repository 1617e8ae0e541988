import { Anchor, Button, Group, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useApproveEstimate, useDeclineEstimate } from "../api/portal";
import type { PortalEstimate, PortalInvoice, PortalRecentVisit, PortalView, PortalVisit } from "../api/portal-client";
import { PortalSection } from "./portal-section";
import { StatusBadge } from "@/components/status-badge";
import { day, money, when } from "@/lib/format";

function Row({ title, children, side }: { title: string; children?: React.ReactNode; side?: React.ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
      <Stack gap={2} style={{ minWidth: 0, flex: "1 1 220px" }}>
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
      {side}
    </Group>
  );
}

export function UpcomingVisits({ view }: { view: PortalView }) {
  return (
    <PortalSection<PortalVisit> id="upcoming" title="Upcoming visits" section={view.upcoming_visits} empty="No visits booked.">
      {(visits) => <Stack gap="sm">{visits.map((v) => (
        <Row key={v.id} title={v.title ?? "Visit"} side={<StatusBadge status={v.status} />}>
          <Text size="sm">{when(v.scheduled_start)}</Text>
          {v.property_address && <Text size="sm" c="dimmed">{v.property_address}</Text>}
        </Row>
      ))}</Stack>}
    </PortalSection>
  );
}

export function RecentVisits({ view }: { view: PortalView }) {
  return (
    <PortalSection<PortalRecentVisit> id="recent" title="Recent visits" section={view.recent_visits} empty="No visits in the last 30 days.">
      {(visits) => <Stack gap="sm">{visits.map((v) => (
        <Row key={v.id} title={v.title ?? "Visit"} side={<StatusBadge status={v.status} />}>
          <Text size="sm">Completed {day(v.completed_at)}</Text>
          {v.property_address && <Text size="sm" c="dimmed">{v.property_address}</Text>}
        </Row>
      ))}</Stack>}
    </PortalSection>
  );
}

function EstimateActions({ estimate }: { estimate: PortalEstimate }) {
  const approve = useApproveEstimate();
  const decline = useDeclineEstimate();
  const [declining, setDeclining] = useState(false);
  const name = estimate.title ?? estimate.number ?? "estimate";
  const failed = (error: Error) => notifications.show({ color: "red", message: error.message });
  if (declining) {
    return (
      <Group gap="xs" role="group" aria-label={`Decline ${name}?`}>
        <Text size="sm">Decline this estimate?</Text>
        <Button size="xs" color="red" loading={decline.isPending} onClick={() => decline.mutate(estimate.id!, {
          onSuccess: () => notifications.show({ message: `You declined ${name}.` }), onError: failed,
        })}>Yes, decline</Button>
        <Button size="xs" variant="default" onClick={() => setDeclining(false)}>Keep it</Button>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button size="sm" loading={approve.isPending} aria-label={`Approve ${name}`} onClick={() => approve.mutate(estimate.id!, {
        onSuccess: () => notifications.show({ color: "green", message: `Approved ${name}. We will be in touch to schedule the work.` }),
        onError: failed,
      })}>Approve</Button>
      <Button size="sm" variant="default" aria-label={`Decline ${name}`} onClick={() => setDeclining(true)}>Decline</Button>
    </Group>
  );
}

export function EstimatesToApprove({ view, readOnly }: { view: PortalView; readOnly: boolean }) {
  return (
    <PortalSection<PortalEstimate> id="estimates" title="Estimates to approve" section={view.estimates_to_approve}
      empty="No estimates waiting for you.">
      {(estimates) => <Stack gap="md">{estimates.map((e) => (
        <Stack key={e.id} gap="xs" id={`estimate-${e.id}`}>
          <Row title={`${e.title ?? "Estimate"} · ${money(e.total_cents, e.currency ?? "USD")}`}>
            <Text size="sm" c="dimmed">{e.number}{e.valid_until ? ` · valid until ${day(e.valid_until)}` : ""}</Text>
            {e.property_address && <Text size="sm">{e.property_address}</Text>}
            {e.description && <Text size="sm">{e.description}</Text>}
            {(e.line_items?.length ?? 0) > 0 && (
              <List size="sm">{e.line_items!.map((line, i) => (
                <List.Item key={i}>{String(line.description ?? "")} — {money(Number(line.total_cents ?? line.unit_price_cents ?? 0), e.currency ?? "USD")}</List.Item>
              ))}</List>
            )}
          </Row>
          {!readOnly && <EstimateActions estimate={e} />}
        </Stack>
      ))}</Stack>}
    </PortalSection>
  );
}

export function Invoices({ view, readOnly }: { view: PortalView; readOnly: boolean }) {
  const section = view.invoices;
  return (
    <PortalSection<PortalInvoice> id="invoices" title="Invoices" section={section} empty="No invoices.">
      {(invoices) => (
        <Stack gap="sm">
          <Text fw={700}>Balance due: {money(section.balance_cents, invoices[0]?.currency ?? "USD")}</Text>
          {invoices.map((i) => (
            <div key={i.id} id={`invoice-${i.id}`}><Row title={`Invoice ${i.number ?? ""}`} side={
              <Group gap="xs">
                <StatusBadge status={i.status} />
                {!readOnly && <Anchor href={i.pdf} target="_blank" rel="noopener" size="sm">Open PDF of {i.number}</Anchor>}
              </Group>
            }>
              <Text size="sm">Issued {day(i.issue_date)} · due {day(i.due_date)}</Text>
              <Text size="sm">Total {money(i.total_cents, i.currency ?? "USD")} · paid {money(i.paid_cents, i.currency ?? "USD")} · <b>balance {money(i.balance_cents, i.currency ?? "USD")}</b></Text>
            </Row></div>
          ))}
        </Stack>
      )}
    </PortalSection>
  );
}
