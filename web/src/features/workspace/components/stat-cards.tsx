import { Paper, SimpleGrid, Text } from "@mantine/core";

import type { Header } from "../api/get-workspace";
import { money } from "@/lib/format";

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
    </Paper>
  );
}

/** The header figures; a figure whose service is down says so instead of a number. */
export function StatCards({ header }: { header: Header | undefined }) {
  const missing = new Set(header?.missing ?? []);
  const currency = header?.currency ?? "USD";
  const billing = (value: number | null | undefined) => (missing.has("billing") ? "Unavailable" : money(value, currency));
  const count = (service: string, value: number | null | undefined) =>
    missing.has(service) ? "Unavailable" : value === null || value === undefined ? "—" : String(value);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-label="Figures">
      <Stat label="Balance" value={billing(header?.balance_cents)} />
      <Stat label="Lifetime value" value={billing(header?.lifetime_value_cents)} />
      <Stat label="Total billed" value={billing(header?.total_billed_cents)} />
      <Stat label="Total paid" value={billing(header?.total_paid_cents)} />
      <Stat label="Open jobs" value={count("jobs", header?.open_job_count)} />
      <Stat label="Open invoices" value={count("billing", header?.open_invoice_count)} />
    </SimpleGrid>
  );
}
