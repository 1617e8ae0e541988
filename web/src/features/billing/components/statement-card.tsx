import { Alert, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";

import { useSendStatement } from "../api/history";
import { pdfUrl, useOpenInvoices } from "../api/invoices";
import { BUCKETS, age } from "./aging";
import { money } from "@/lib/format";

const today = () => new Date().toLocaleDateString("en-CA"); // YYYY-MM-DD in the browser's own day

function Preview({ customerId, asOf }: { customerId: string; asOf: string }) {
  const [pdf, setPdf] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    pdfUrl(`/api/customers/${customerId}/statement.pdf?as_of=${asOf}`)
      .then((made) => { url = made; setPdf(made); }, (error: Error) => setProblem(error.message));
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [customerId, asOf]);
  if (problem) return <Alert color="red" role="alert">{problem}</Alert>;
  return pdf ? <iframe title="Statement preview" src={pdf} style={{ width: "100%", height: 520, border: "1px solid #dee2e6" }} />
    : <Loader size="sm" aria-label="Making the statement" />;
}

/** The AR statement as of a day: its aging buckets, the PDF the customer gets, and sending it. */
export function StatementCard({ customerId, email, currency = "USD" }: { customerId: string; email?: string | null; currency?: string }) {
  const [asOf, setAsOf] = useState<string>(today());
  const [previewing, setPreviewing] = useState(false);
  const [to, setTo] = useState(email ?? "");
  const open = useOpenInvoices(customerId);
  const send = useSendStatement(customerId);
  // Today's open balances, aged by how late they will be on the day (a future day shows what falls due by then).
  const buckets = age(open.data ?? [], asOf);

  return (
    <Paper withBorder p="md" component="section" aria-label="AR statement">
      <Title order={2} size="h4" mb="xs">AR statement</Title>
      <Stack gap="sm">
        <DateInput label="As of" valueFormat="YYYY-MM-DD" w={180} value={asOf} onChange={(v) => setAsOf(v ?? today())} />
        {asOf < today() ? (
          // Billing gives a past day's aging only in the statement itself: today's balances would mislead.
          <Text size="sm" c="dimmed">The aging as of a past day is in the statement: preview the PDF.</Text>
        ) : (
          <SimpleGrid cols={5} role="list" aria-label="Aging">
            {BUCKETS.map(([key, label]) => (
              <Stack key={key} gap={0} role="listitem" aria-label={`${label}: ${money(buckets[key], currency)}`}>
                <Text size="xs" c="dimmed" fw={600}>{label}</Text>
                <Text size="sm" fw={600}>{open.isPending ? "…" : money(buckets[key], currency)}</Text>
              </Stack>
            ))}
          </SimpleGrid>
        )}
        <Group align="flex-end">
          <TextInput label="Send to" type="email" value={to} onChange={(e) => setTo(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button variant="default" onClick={() => setPreviewing(true)}>Preview PDF</Button>
          <Button loading={send.isPending} onClick={() => send.mutate({ email: to.trim() || null, asOf }, {
            onSuccess: () => notifications.show({ color: "green", message: `Statement as of ${asOf} sent to ${to.trim() || "the customer"}.` }),
          })}>Send statement</Button>
        </Group>
        {send.isError && <Alert color="red" role="alert">{send.error.message}</Alert>}
      </Stack>
      <Modal opened={previewing} onClose={() => setPreviewing(false)} title={`Statement as of ${asOf}`} size="xl"
        closeButtonProps={{ "aria-label": "Close" }}>
        {previewing && <Preview customerId={customerId} asOf={asOf} />}
      </Modal>
    </Paper>
  );
}
