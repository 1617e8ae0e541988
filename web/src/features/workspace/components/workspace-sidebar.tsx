import { Anchor, Badge, Button, CopyButton, Group, Modal, Paper, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useState, type ReactNode } from "react";

import type { Profile } from "../api/get-workspace";
import { useRemoveEquipment, useSaveContact, useSaveProperty } from "../api/sidebar-records";
import { ContactForm, EquipmentForm, PropertyForm } from "./record-forms";
import { type Memberships, MembershipCard } from "@/features/membership/components/membership";
import type { Relation } from "@/features/relations/api/relations";
import { RelatedCustomersCard } from "@/features/relations/components/related-customers-card";
import { day, when, words } from "@/lib/format";

function Copy({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <UnstyledButton onClick={copy} aria-label={`Copy ${label}`} fz="xs" c={copied ? "teal" : "dimmed"}>
          {copied ? "copied" : "copy"}
        </UnstyledButton>
      )}
    </CopyButton>
  );
}

type Property = NonNullable<Profile["properties"]>[number];

function address(p: Property) {
  return [p.line1, p.line2, p.city, p.region, p.postal_code].filter(Boolean).join(", ");
}

type Open = (title: string, form: (close: () => void) => ReactNode) => void;

function PropertyCard({ customerId, property, open }: { customerId: string; property: Property; open: Open }) {
  const save = useSaveProperty(customerId);
  const remove = useRemoveEquipment(customerId);
  const today = new Date().toISOString().slice(0, 10);
  const geocode = property.geocode;
  // Any state may carry its reason in words (no Maps key is `not_geocoded`, not `failed`), so show it whenever given.
  const located = geocode?.error || (geocode?.status === "failed" ? "the address was not found" : null);
  return (
    <Stack gap={4} pb="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>{address(property)}</Text>
        <Copy value={address(property)} label="address" />
      </Group>
      <Group gap={4}>
        <Badge size="xs" variant="light" c="dark.8">{property.kind}</Badge>
        {property.is_primary && <Badge size="xs">primary</Badge>}
      </Group>
      {property.access_notes && <Text size="xs">Access: {property.access_notes}</Text>}
      <Group gap={4}>
        <Button size="compact-xs" variant="subtle" aria-label={`Edit property ${property.line1}`}
          onClick={() => open("Edit property", (close) => <PropertyForm customerId={customerId} property={property} onDone={close} />)}>Edit</Button>
        {!property.is_primary && <Button size="compact-xs" variant="subtle" loading={save.isPending} aria-label={`Make primary: ${property.line1}`}
          onClick={() => save.mutate({ propertyId: property.id, body: { is_primary: true } })}>Make primary</Button>}
        <Button size="compact-xs" variant="subtle" aria-label={`Add equipment at ${property.line1}`}
          onClick={() => open("Add equipment", (close) => <EquipmentForm customerId={customerId} propertyId={property.id!} onDone={close} />)}>Add equipment</Button>
      </Group>
      {located && <Text size="xs" c="dimmed">Not located: {located}</Text>}
      <Anchor size="xs" target="_blank" rel="noopener"
        href={geocode?.latitude != null
          ? `https://www.openstreetmap.org/?mlat=${geocode.latitude}&mlon=${geocode.longitude}#map=17/${geocode.latitude}/${geocode.longitude}`
          : `https://www.openstreetmap.org/search?query=${encodeURIComponent(address(property))}`}>
        Open in a map
      </Anchor>
      {property.equipment?.length ? (
        <Table fz="xs" withRowBorders={false} aria-label={`Equipment at ${property.line1}`}>
          <Table.Thead>
            <Table.Tr><Table.Th>Equipment</Table.Th><Table.Th>Make / model</Table.Th><Table.Th>Warranty</Table.Th><Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {property.equipment.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{words(e.kind)}{e.serial && <Text fz="xs" c="dimmed">SN {e.serial}</Text>}</Table.Td>
                <Table.Td>{[e.make, e.model].filter(Boolean).join(" ") || "—"}{e.installed_on && <Text fz="xs" c="dimmed">installed {day(e.installed_on)}</Text>}</Table.Td>
                <Table.Td>
                  {e.warranty_until
                    ? e.warranty_until < today ? <Badge size="xs" color="red" variant="light" c="red.9">expired {day(e.warranty_until)}</Badge> : day(e.warranty_until)
                    : "—"}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" aria-label={`Edit ${words(e.kind)}`}
                      onClick={() => open("Edit equipment", (close) => <EquipmentForm customerId={customerId} propertyId={property.id!} equipment={e} onDone={close} />)}>Edit</Button>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={`Remove ${words(e.kind)}`}
                      onClick={() => remove.mutate({ propertyId: property.id!, equipmentId: e.id! })}>Remove</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : <Text size="xs" c="dimmed">No equipment recorded</Text>}
    </Stack>
  );
}

/** Contacts and properties (with the equipment at each), beside the tabs. */
export function WorkspaceSidebar({ profile, related, membership }: { profile: Profile; related?: Relation[]; membership?: Memberships }) {
  const customerId = profile.id!;
  const saveContact = useSaveContact(customerId);
  const [dialog, setDialog] = useState<{ title: string; form: (close: () => void) => ReactNode } | null>(null);
  const open: Open = (title, form) => setDialog({ title, form });
  const close = () => setDialog(null);
  return (
    <Stack>
      <MembershipCard membership={membership} />
      <RelatedCustomersCard customerId={customerId} name={profile.display_name ?? ""} relations={related} />
      <Modal opened={dialog !== null} onClose={close} title={dialog?.title} size="lg" closeButtonProps={{ "aria-label": "Close" }}>
        {dialog?.form(close)}
      </Modal>
      <Paper withBorder p="md" component="section" aria-labelledby="contacts-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="contacts-title">Contacts</Title>
          <Button size="compact-xs" variant="light" onClick={() => open("Add contact", (c) => <ContactForm customerId={customerId} onDone={c} />)}>Add contact</Button>
        </Group>
        <Stack gap="sm">
          {profile.contacts?.length ? profile.contacts.map((c) => (
            <Stack key={c.id} gap={2}>
              <Group gap={6}>
                <Text fw={500} size="sm">{c.name}</Text>
                {c.is_primary && <Badge size="xs">primary</Badge>}
                {c.role && <Text size="xs" c="dimmed">{c.role}</Text>}
                <Button size="compact-xs" variant="subtle" aria-label={`Edit contact ${c.name}`}
                  onClick={() => open("Edit contact", (close) => <ContactForm customerId={customerId} contact={c} onDone={close} />)}>Edit</Button>
                {!c.is_primary && <Button size="compact-xs" variant="subtle" aria-label={`Make primary: ${c.name}`}
                  onClick={() => saveContact.mutate({ contactId: c.id, body: { name: c.name!, is_primary: true } })}>Make primary</Button>}
              </Group>
              {c.phones?.map((p) => (
                <Group key={p.tel ?? p.e164} gap={6}>
                  <Anchor size="sm" href={p.tel ?? `tel:${p.e164}`}>{p.number}</Anchor>
                  {p.extension && <Text size="xs">x{p.extension}</Text>}
                  {p.label && <Text size="xs" c="dimmed">{p.label}</Text>}
                  <Copy value={p.number ?? ""} label={`phone ${p.number}`} />
                </Group>
              ))}
              {c.emails?.map((e) => (
                <Group key={e} gap={6}>
                  <Anchor size="sm" href={`mailto:${e}`}>{e}</Anchor>
                  <Copy value={e} label={`email ${e}`} />
                </Group>
              ))}
            </Stack>
          )) : <Text size="sm" c="dimmed">No contacts</Text>}
          <Text size="xs" c="dimmed">
            Prefers {profile.preferred_channel ?? "—"} · Source {profile.lead_source ?? "—"}<br />
            Created {when(profile.created_at)} by {profile.created_by ?? "—"}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="properties-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="properties-title">Properties</Title>
          <Button size="compact-xs" variant="light" onClick={() => open("Add property", (c) => <PropertyForm customerId={customerId} onDone={c} />)}>Add property</Button>
        </Group>
        <Stack gap="sm">
          {profile.properties?.length
            ? profile.properties.map((p) => <PropertyCard key={p.id} customerId={customerId} property={p} open={open} />)
            : <Text size="sm" c="dimmed">No properties</Text>}
        </Stack>
      </Paper>
    </Stack>
  );
}
