import { Anchor, Button, Drawer, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link } from "react-router";

import { useCustomer } from "../api/customer";
import { useBillingSummary } from "../api/history";
import { CardOnFile } from "./card-on-file";
import { LedgerCard } from "./ledger-card";
import { PaymentForm } from "./payment-form";
import { StatementCard } from "./statement-card";
import { PageError } from "@/components/page-error";
import { day, money } from "@/lib/format";

function Figures({ customerId }: { customerId: string }) {
  const summary = useBillingSummary(customerId);
  if (summary.isError) return <PageError error={summary.error} retry={() => summary.refetch()} />;
  const s = summary.data;
  const figure = (label: string, cents: number | undefined) => (
    <Paper withBorder p="sm" key={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg" aria-label={label}>{summary.isPending ? "…" : money(cents, s?.currency)}</Text>
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="Billing figures">
      {figure("Balance", s?.balance_cents)}
      {figure("Credit on account", s?.credit_cents)}
      {figure("Overdue", s?.overdue_cents)}
      <Paper withBorder p="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Oldest overdue</Text>
        <Text fw={700} size="lg">{summary.isPending ? "…" : day(s?.oldest_overdue_due_date)}</Text>
      </Paper>
    </SimpleGrid>
  );
}

/** A customer's billing history: figures, the ledger with its running balance, the AR statement and the card. */
export function BillingHistoryPage({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  const [paying, setPaying] = useState(false);
  if (customer.isError) return <PageError error={customer.error} retry={() => customer.refetch()} />;
  const name = customer.data?.display_name ?? "Customer";
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to={`/customers/${customerId}`} size="sm">← {name}</Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">Billing history · {name}</Title>
        <Button onClick={() => setPaying(true)}>Record payment</Button>
      </Group>
      <Figures customerId={customerId} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}><LedgerCard customerId={customerId} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <StatementCard customerId={customerId} email={customer.data?.primary_email} />
            <CardOnFile customerId={customerId} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Drawer opened={paying} onClose={() => setPaying(false)} position="right" size="xl" title={`Record a payment from ${name}`}
        closeButtonProps={{ "aria-label": "Close" }}>
        {paying && (
          <PaymentForm customerId={customerId} onCancel={() => setPaying(false)}
            onSaved={() => { notifications.show({ color: "green", message: "Payment recorded." }); setPaying(false); }} />
        )}
      </Drawer>
    </Stack>
  );
}
