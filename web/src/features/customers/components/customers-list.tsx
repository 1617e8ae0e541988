import { Button, Group, Loader, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { useCustomers, type CustomerQuery } from "../api/get-customers";
import { CustomerFilters, type Filters } from "./customer-filters";
import { CustomersTable } from "./customers-table";
import { NewCustomerForm } from "./new-customer-form";
import { PageError } from "@/components/page-error";

const PAGE_SIZE = 25;

function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get("q") ?? "", status: params.get("status") ?? "", tag: params.get("tag") ?? "",
    kind: params.get("kind") ?? "", archived: params.get("archived") === "1", member: params.get("member") ?? "",
  };
}

/** The customers list: search as you type, filters kept in the address, pages by cursor. */
export function CustomersList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const [debounced] = useDebouncedValue(filters, 250);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, { open, close }] = useDisclosure(false);

  // The header's search box navigates here with ?q=…; follow it.
  useEffect(() => setFilters(filtersFrom(params)), [params]);

  function change(next: Partial<Filters>) {
    const merged = { ...filters, ...next };
    setFilters(merged);
    setCursors([null]);
    const search = new URLSearchParams();
    if (merged.q) search.set("q", merged.q);
    if (merged.status) search.set("status", merged.status);
    if (merged.tag) search.set("tag", merged.tag);
    if (merged.kind) search.set("kind", merged.kind);
    if (merged.member) search.set("member", merged.member);
    if (merged.archived) search.set("archived", "1");
    setParams(search, { replace: true });
  }

  const query: CustomerQuery = {
    limit: PAGE_SIZE,
    cursor: cursors[cursors.length - 1],
    ...(debounced.q.trim() && { q: debounced.q.trim().slice(0, 200) }),
    ...(debounced.status && { status: debounced.status as CustomerQuery["status"] }),
    ...(debounced.tag.trim() && { tag: debounced.tag.trim() }),
    ...(debounced.kind && { kind: debounced.kind as CustomerQuery["kind"] }),
    ...(debounced.archived && { include_archived: true }),
    ...(debounced.member && { member: debounced.member === "true" }),
  };
  const customers = useCustomers(query);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">Customers</Title>
        <Button onClick={open}>New customer</Button>
      </Group>
      <Paper withBorder p="md">
        <Stack>
          <CustomerFilters filters={filters} onChange={change} />
          {customers.isPending ? <Loader aria-label="Loading customers" /> : customers.isError && !customers.data
            ? <PageError error={customers.error} retry={() => customers.refetch()} />
            : <CustomersTable customers={customers.data?.items ?? []} />}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">Page {cursors.length}{customers.isFetching && !customers.isPending ? " · updating…" : ""}</Text>
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>Previous</Button>
              <Button variant="default" size="xs" disabled={!customers.data?.next_cursor}
                onClick={() => setCursors([...cursors, customers.data!.next_cursor!])}>Next</Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
      <Modal opened={creating} onClose={close} title="New customer" size="lg" closeButtonProps={{ "aria-label": "Close" }}>
        <NewCustomerForm onCancel={close} onCreated={(id) => { close(); navigate(`/customers/${id}`); }} />
      </Modal>
    </Stack>
  );
}
