import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";

import { KINDS, useLinkCustomer, useRelationCandidates, useUnlinkCustomer, type Relation, type RelationKind } from "../api/relations";
import { ConfirmDialog } from "@/features/billing/components/confirm-dialog";
import { ApiError } from "@/lib/api-client";

type Props = { customerId: string; name: string; relations: Relation[] | undefined };

function errorText(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return Object.values(error.fields).flat()[0] || error.message;
  return "The link could not be saved. Try again.";
}

/** Link another customer: pick the kind, find the customer, save. */
function LinkForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const [kind, setKind] = useState<RelationKind>("bill_to");
  const [q, setQ] = useState("");
  const [searched] = useDebouncedValue(q, 200);
  const candidates = useRelationCandidates(customerId, searched);
  const link = useLinkCustomer(customerId);
  return (
    <Stack>
      <Radio.Group label="This customer" value={kind} onChange={(value) => setKind(value as RelationKind)}>
        <Stack gap={6} mt={6}>{KINDS.map((k) => <Radio key={k.value} value={k.value} label={k.label} />)}</Stack>
      </Radio.Group>
      <TextInput label="Find the other customer" placeholder="Name, phone, email or C-number" type="search"
        value={q} onChange={(event) => setQ(event.currentTarget.value)} data-autofocus />
      {errorText(link.error) && <Alert color="red" role="alert">{errorText(link.error)}</Alert>}
      <Stack gap={4} aria-label="Matching customers">
        {(candidates.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Text size="sm">{c.display_name} <Text span c="dimmed" size="xs">{c.number}</Text></Text>
            <Button size="compact-sm" variant="light" loading={link.isPending} aria-label={`Link ${c.display_name}`}
              onClick={() => link.mutate({ related_id: c.id!, kind }, { onSuccess: onDone })}>Link</Button>
          </Group>
        ))}
        {q.trim().length >= 2 && candidates.data?.length === 0 && <Text size="sm" c="dimmed">No customer matches.</Text>}
      </Stack>
    </Stack>
  );
}

/** Households, bill-to parents, property managers and tenants: each link read in this customer's words. */
export function RelatedCustomersCard({ customerId, name, relations }: Props) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Relation | null>(null);
  const unlink = useUnlinkCustomer(customerId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="related-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="related-title">Related customers</Title>
        <Button size="compact-xs" variant="light" onClick={() => setAdding(true)}>Link customer</Button>
      </Group>
      {relations === undefined ? <Text size="sm" c="dimmed">Related customers are unavailable right now.</Text>
        : relations.length === 0 ? <Text size="sm" c="dimmed">No related customers</Text> : (
          <Stack gap={6}>
            {relations.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">{r.label}</Text>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/customers/${r.customer?.id}`} size="sm">{r.customer?.display_name}</Anchor>
                    {r.customer?.archived && <Badge size="xs" variant="light" c="dark.8">archived</Badge>}
                  </Group>
                </Stack>
                <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove link to ${r.customer?.display_name}`}
                  onClick={() => { unlink.reset(); setRemoving(r); }}>Remove</Button>
              </Group>
            ))}
          </Stack>
        )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={`Link a customer to ${name}`} closeButtonProps={{ "aria-label": "Close" }}>
        {adding && <LinkForm customerId={customerId} onDone={() => setAdding(false)} />}
      </Modal>
      <ConfirmDialog opened={removing !== null} title="Remove this link?"
        message={removing ? `${name} will no longer be linked to ${removing.customer?.display_name} (${removing.label?.toLowerCase()}). Neither customer is changed otherwise.` : ""}
        confirm="Remove link" busy={unlink.isPending} error={errorText(unlink.error)}
        onConfirm={() => removing && unlink.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)} />
    </Paper>
  );
}
