import { Anchor, Button, Group, Loader, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { useArchiveItem, usePriceBook, useRestoreItem, type PriceBookItem } from "../api/price-book";
import { ItemForm } from "./item-form";
import { PROPERTY_KINDS } from "./item-values";
import { PageError } from "@/components/page-error";
import { SettingsNav } from "@/components/settings-nav";
import { ConfirmDialog } from "@/features/billing/components/confirm-dialog";
import { money } from "@/lib/format";

// New prices are kept in billing's currency (it has no per-account currency setting yet: USD unless told otherwise).
const CURRENCY = "USD";

type Editing = { item?: PriceBookItem } | null;

/** Settings → Price book: the services the account sells and what each costs at each kind of property. */
export function PriceBookPage() {
  const [q, setQ] = useState("");
  const [search] = useDebouncedValue(q.trim(), 200);
  const [shown, setShown] = useState<"live" | "archived">("live");
  const book = usePriceBook(search, shown === "archived");
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<PriceBookItem | null>(null);
  const archive = useArchiveItem();
  const restore = useRestoreItem();

  function restored(item: PriceBookItem) {
    restore.mutate(item.id!, {
      onSuccess: () => notifications.show({ color: "green", message: `${item.name} is back in the price book.` }),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  }

  function archived(item: PriceBookItem) {
    archive.mutate(item.id!, {
      onSuccess: () => {
        setArchiving(null);
        const id = `archived-${item.id}`;
        notifications.show({
          id, color: "gray", autoClose: 8000,
          message: <Group gap="xs">{item.name} deleted from the price book.
            <Anchor component="button" type="button" size="sm" onClick={() => { notifications.hide(id); restored(item); }}>Undo</Anchor></Group>,
        });
      },
    });
  }

  const items = book.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Stack>
      <SettingsNav current="price-book" />
      <Group justify="space-between">
        <Title order={1} size="h2">Settings · Price book</Title>
        <Button onClick={() => setEditing({})}>Add service</Button>
      </Group>
      <Text size="sm" c="dimmed">What each service costs. Where a service costs differently at a commercial or residential property, give that
        price too: estimates and invoices pick it for the job's property, and customers' pricing tables show it.</Text>
      <Group>
        <TextInput aria-label="Search the price book" placeholder="Search services" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
        <SegmentedControl aria-label="Which services" value={shown} onChange={(v) => setShown(v as "live" | "archived")}
          data={[{ value: "live", label: "In use" }, { value: "archived", label: "Deleted" }]} />
      </Group>
      <Paper withBorder p="md">
        {book.isPending ? <Loader aria-label="Loading the price book" />
          : book.isError ? <PageError error={book.error} retry={() => book.refetch()} />
          : !items.length ? <Text size="sm" c="dimmed">{search ? `No service matches "${search}".` : shown === "live" ? "No services yet. Add the first one." : "No deleted services."}</Text>
          : (
            <Table striped aria-label="Price book">
              <Table.Thead><Table.Tr>
                <Table.Th>Service</Table.Th><Table.Th ta="right">Standard</Table.Th>
                {PROPERTY_KINDS.map(([k, label]) => <Table.Th key={k} ta="right">{label}</Table.Th>)}
                <Table.Th ta="right">Tax</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td><Text size="sm" fw={500}>{item.name}</Text>{item.description && <Text size="xs" c="dimmed">{item.description}</Text>}</Table.Td>
                    <Table.Td ta="right">{money(item.unit_price_cents, item.currency)}</Table.Td>
                    {PROPERTY_KINDS.map(([k]) => (
                      <Table.Td key={k} ta="right">{item.kind_prices && k in item.kind_prices ? money(item.kind_prices[k], item.currency) : <Text span size="sm" c="dimmed">standard</Text>}</Table.Td>
                    ))}
                    <Table.Td ta="right">{Number(item.tax_rate ?? 0) ? `${Number(item.tax_rate)}%` : "—"}</Table.Td>
                    <Table.Td>
                      {item.archived
                        ? <Button size="compact-sm" variant="light" onClick={() => restored(item)}>Restore {item.name}</Button>
                        : <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" variant="default" onClick={() => setEditing({ item })} aria-label={`Edit ${item.name}`}>Edit</Button>
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setArchiving(item)} aria-label={`Delete ${item.name}`}>Delete</Button>
                        </Group>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        {book.hasNextPage && <Button mt="sm" variant="default" size="xs" loading={book.isFetchingNextPage} onClick={() => book.fetchNextPage()}>Load more</Button>}
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.item ? `Edit ${editing.item.name}` : "New service"}
        size="lg" closeButtonProps={{ "aria-label": "Close" }}>
        {editing && <ItemForm item={editing.item} currency={CURRENCY} onCancel={() => setEditing(null)}
          onSaved={(saved) => { setEditing(null); notifications.show({ color: "green", message: `${saved.name} saved.` }); }} />}
      </Modal>
      <ConfirmDialog opened={archiving !== null} title={`Delete ${archiving?.name ?? ""}?`} confirm="Delete service"
        message="It leaves the price book and customers' pricing tables. Invoices and estimates that used it keep their lines. You can undo this."
        busy={archive.isPending} error={archive.error?.message} onConfirm={() => archiving && archived(archiving)} onClose={() => setArchiving(null)} />
    </Stack>
  );
}
