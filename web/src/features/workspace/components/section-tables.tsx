import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

import { useSectionPages } from "../api/get-section-page";
import type { Workspace } from "../api/get-workspace";
import { ImportedBadge } from "@/components/imported-badge";
import { SectionMessage, sectionOk, type Section } from "@/components/section-message";
import { StatusBadge } from "@/components/status-badge";
import { InvoiceStatus } from "@/features/billing/components/invoice-status";
import { NewInvoiceButton } from "@/features/billing/components/new-invoice";
import { useOpenWorkForm } from "@/features/jobs/components/work-forms";
import { day, money, when } from "@/lib/format";

type Column<T> = [header: string, cell: (row: T) => ReactNode];

type TableProps<T> = {
  name: string; list: string; ws: Workspace; section: Section<{ items: T[]; next_cursor?: string | null }> | undefined;
  columns: Column<T>[]; empty: string; emptyAction?: ReactNode;
};

function SectionTable<T extends { id?: string }>({ name, list, ws, section, columns, empty, emptyAction }: TableProps<T>) {
  const pages = useSectionPages<T>(ws.customer_id, list, sectionOk(section) ? section.data : undefined);
  if (!sectionOk(section)) return <SectionMessage name={name} section={section} />;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? section.data.items;
  if (!items.length) return <Group gap="sm"><Text c="dimmed" size="sm">{empty}</Text>{emptyAction}</Group>;
  return (
    <Stack gap="xs">
      <Table striped verticalSpacing="xs" aria-label={name}>
        <Table.Thead><Table.Tr>{columns.map(([h]) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {items.map((row, i) => (
            <Table.Tr key={row.id ?? i}>{columns.map(([h, cell]) => <Table.Td key={h}>{cell(row)}</Table.Td>)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages.hasNextPage && (
        <Button variant="default" size="xs" w="fit-content" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}

export function JobsTable({ ws }: { ws: Workspace }) {
  const openWork = useOpenWorkForm();
  const first = <Button size="xs" onClick={() => openWork({ form: "schedule" })}>Schedule first job</Button>;
  return <SectionTable name="Jobs" list="jobs" ws={ws} section={ws.jobs} empty="No jobs yet." emptyAction={first} columns={[
    ["Job", (j) => <Anchor component={Link} to={`/jobs/${j.id}`} size="sm">{j.number}</Anchor>],
    ["Title", (j) => <>{j.title} <ImportedBadge from={j.imported_from} number={j.source_number} /></>], ["Property", (j) => j.property_address ?? "—"],
    ["Scheduled", (j) => (j.imported_from ? `done ${day(j.completed_at)}` : when(j.scheduled_start))], ["Total", (j) => money(j.total_cents, j.currency)],
    ["Status", (j) => <StatusBadge status={j.status} />],
    ["Billing", (j) => (j.status === "completed" ? <NewInvoiceButton customer={ws.profile.data} currency={ws.header?.currency} job={j} /> : null)],
  ]} />;
}

export function EstimatesTable({ ws }: { ws: Workspace }) {
  const openWork = useOpenWorkForm();
  const first = <Button size="xs" variant="light" onClick={() => openWork({ form: "estimate" })}>New estimate</Button>;
  return <SectionTable name="Estimates" list="estimates" ws={ws} section={ws.estimates} empty="No estimates." emptyAction={first} columns={[
    ["Estimate", (e) => <Anchor component={Link} to={`/estimates/${e.id}`} size="sm">{e.number}</Anchor>], ["Title", (e) => e.title], ["Valid until", (e) => day(e.valid_until)],
    ["Total", (e) => money(e.total_cents, e.currency)], ["Status", (e) => <StatusBadge status={e.status as string} />],
  ]} />;
}

/** Who pays an invoice: this customer, or the bill-to customer it was sent to (named from the related customers). */
function BilledTo({ ws, payerId }: { ws: Workspace; payerId?: string | null }) {
  if (!payerId || payerId === ws.customer_id) return <>This customer</>;
  const related = ws.related_customers?.data?.items?.find((r) => r.customer?.id === payerId)?.customer;
  return <Anchor component={Link} to={`/customers/${payerId}`} size="sm">{related?.display_name ?? "The bill-to customer"}</Anchor>;
}

export function InvoicesTable({ ws }: { ws: Workspace }) {
  return <Stack gap="xs" align="flex-start"><NewInvoiceButton customer={ws.profile.data} currency={ws.header?.currency} />
    <SectionTable name="Invoices" list="invoices" ws={ws} section={ws.invoices} empty="No invoices." columns={[
    ["Invoice", (i) => <><Anchor component={Link} to={`/invoices/${i.id}`} size="sm">{i.number}</Anchor> <ImportedBadge from={i.imported_from} number={i.source_number} /></>],
    ["Billed to", (i) => <BilledTo ws={ws} payerId={i.bill_to_customer_id} />],
    ["Issued", (i) => day(i.issue_date)], ["Due", (i) => day(i.due_date)],
    ["Total", (i) => money(i.total_cents, i.currency)], ["Balance", (i) => money(i.balance_cents, i.currency)],
    ["Status", (i) => <InvoiceStatus status={i.status as string} />],
  ]} /></Stack>;
}
