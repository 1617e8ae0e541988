import { Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";

import { useJob, useJobInvoices, type Job } from "../api/job";
import { JobActions } from "./job-actions";
import { windowText } from "./job-format";
import { JobNotes } from "./job-notes";
import { JobPhotos } from "./job-photos";
import { JobVisits } from "./job-visits";
import { Card, LineItems } from "./record-parts";
import { PageError } from "@/components/page-error";
import { ImportedBadge } from "@/components/imported-badge";
import { StatusBadge } from "@/components/status-badge";
import { useCustomer, type Customer } from "@/features/billing/api/customer";
import { InvoiceStatus } from "@/features/billing/components/invoice-status";
import { NewInvoiceButton } from "@/features/billing/components/new-invoice";
import { money, when } from "@/lib/format";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" component="div" aria-label={label}>{children}</Text>
    </Group>
  );
}

/** The job's invoice: a link to each invoice naming it, or Create invoice once the work is done. */
function JobInvoice({ job, customer }: { job: Job; customer: Customer | undefined }) {
  const invoices = useJobInvoices(job);
  if (invoices.isPending) return <Text size="sm" c="dimmed">Looking for its invoice…</Text>;
  if (invoices.isError) return <Text size="sm" c="dimmed">Billing is unavailable right now.</Text>;
  if (invoices.data.length) {
    return (
      <Stack gap={4}>
        {invoices.data.map((invoice) => (
          <Group key={invoice.id} gap="xs">
            <Anchor component={Link} to={`/invoices/${invoice.id}`} size="sm">Invoice {invoice.number}</Anchor>
            <InvoiceStatus status={invoice.status as string} />
            <Text size="sm">{money(invoice.total_cents, invoice.currency)}</Text>
          </Group>
        ))}
      </Stack>
    );
  }
  if (job.status === "completed" && customer) return <NewInvoiceButton customer={customer} currency={job.currency} job={job} />;
  return <Text size="sm" c="dimmed">{job.status === "cancelled" ? "Cancelled: nothing to invoice." : "Invoiced once the job is completed."}</Text>;
}

/** One job: where and when, who does it, its visits, notes, photos and invoice, and the moves its state allows. */
export function JobPage({ jobId }: { jobId: string }) {
  const job = useJob(jobId);
  const customer = useCustomer(job.data?.customer_id);
  if (job.isPending) return <Loader aria-label="Loading the job" m="xl" />;
  if (job.isError) return <PageError error={job.error} retry={() => job.refetch()} />;
  const j = job.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/customers/${j.customer_id}/jobs`} size="sm">← {customer.data?.display_name ?? "Customer"}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm"><Title order={1} size="h2">Job {j.number}</Title><StatusBadge status={j.status} />
            <ImportedBadge from={j.imported_from} number={j.source_number} /></Group>
          <Text fw={500}>{j.title}</Text>
          {j.property_address && <Text size="sm" c="dimmed">{j.property_address}</Text>}
        </Stack>
        <JobActions job={j} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title="Details">
          <Stack gap={6}>
            <Fact label="Schedule">{windowText(j.scheduled_start, j.scheduled_end)}</Fact>
            <Fact label="Technicians">{j.technicians?.join(", ") || "Not assigned"}</Fact>
            <Fact label="Property">{j.property_address ?? "—"}</Fact>
            <Fact label="Service type">{j.service_type ?? "—"}</Fact>
            {j.started_at && <Fact label="Started">{when(j.started_at)}</Fact>}
            {j.completed_at && <Fact label="Completed">{when(j.completed_at)}</Fact>}
            {j.cancelled_at && <Fact label="Cancelled">{when(j.cancelled_at)}</Fact>}
            {j.estimate_id && <Fact label="From estimate"><Anchor component={Link} to={`/estimates/${j.estimate_id}`} size="sm">Open the estimate</Anchor></Fact>}
            <Fact label="Created">{when(j.created_at)} by {j.created_by}</Fact>
          </Stack>
        </Card>
        <Card title="Invoice"><JobInvoice job={j} customer={customer.data} /></Card>
      </SimpleGrid>
      <Card title="Work">
        {j.description && <Text size="sm" mb="sm">{j.description}</Text>}
        <LineItems items={j.line_items} currency={j.currency} total={j.total_cents} />
      </Card>
      <Card title="Visits"><JobVisits job={j} /></Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title="Notes"><JobNotes key={j.notes ?? ""} job={j} /></Card>
        <Card title="Photos"><JobPhotos jobId={j.id!} customerId={j.customer_id} /></Card>
      </SimpleGrid>
    </Stack>
  );
}
