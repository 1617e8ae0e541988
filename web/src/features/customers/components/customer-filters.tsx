import { Group, Select, Switch, TextInput } from "@mantine/core";

/** ``member``: "" (anyone), "true" (members of a maintenance plan) or "false". */
export type Filters = { q: string; status: string; tag: string; kind: string; archived: boolean; member: string };

export const STATUSES = ["lead", "prospect", "quoted", "active", "inactive"] as const;
const KINDS = ["residential", "commercial"];
const MEMBERSHIP = [{ value: "true", label: "Members" }, { value: "false", label: "Not members" }];

type Props = { filters: Filters; onChange: (next: Partial<Filters>) => void };

export function CustomerFilters({ filters, onChange }: Props) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name, phone, email, address or C-number"
        value={filters.q}
        onChange={(event) => onChange({ q: event.currentTarget.value })}
        w={340}
        type="search"
      />
      <Select label="Status" placeholder="Any status" clearable w={150} data={[...STATUSES]}
        value={filters.status || null} onChange={(value) => onChange({ status: value ?? "" })} />
      <TextInput label="Tag" placeholder="Any tag" w={140} value={filters.tag}
        onChange={(event) => onChange({ tag: event.currentTarget.value })} />
      <Select label="Kind" placeholder="Any kind" clearable w={150} data={KINDS}
        value={filters.kind || null} onChange={(value) => onChange({ kind: value ?? "" })} />
      <Select label="Membership" placeholder="Anyone" clearable w={150} data={MEMBERSHIP}
        value={filters.member || null} onChange={(value) => onChange({ member: value ?? "" })} />
      <Switch label="Include archived" checked={filters.archived} mb={8}
        onChange={(event) => onChange({ archived: event.currentTarget.checked })} />
    </Group>
  );
}
