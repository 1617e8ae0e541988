import { Alert, Button, Group, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useState, type ReactNode } from "react";

import type { Profile } from "../api/get-workspace";
import { useSaveContact, useSaveEquipment, useSaveProperty, type EquipmentIn } from "../api/sidebar-records";
import { applyFieldErrors } from "@/components/field-errors";

type Contact = NonNullable<Profile["contacts"]>[number];
type Property = NonNullable<Profile["properties"]>[number];
type Equipment = NonNullable<Property["equipment"]>[number];

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** The frame every sidebar form shares: its fields, the messages no field shows, Cancel and Save. */
function RecordForm<V>({ name, form, save, onDone, children }: {
  name: string; form: UseFormReturnType<V>; save: (values: V) => Promise<unknown>; onDone: () => void; children: ReactNode;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  async function submit(values: V) {
    setProblems([]);
    setSaving(true);
    try {
      await save(values);
      onDone();
    } catch (error) {
      // The body's list fields (phones.0.number) are the form's own paths too.
      setProblems(applyFieldErrors(form, error, (path) => path.split(".")[0] in (form.getValues() as object)));
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={name}>
      <Stack gap="sm">
        {children}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={saving}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ContactForm({ customerId, contact, onDone }: { customerId: string; contact?: Contact; onDone: () => void }) {
  const save = useSaveContact(customerId);
  const form = useForm({
    initialValues: {
      name: contact?.name ?? "", role: contact?.role ?? "",
      phones: (contact?.phones ?? []).map((p) => p.number ?? ""), emails: contact?.emails ?? [],
    },
    validate: { name: (v: string) => (v.trim() ? null : "Enter the contact's name.") },
  });
  return (
    <RecordForm name={contact ? "Edit contact" : "Add contact"} form={form} onDone={onDone}
      save={(v) => save.mutateAsync({ contactId: contact?.id, body: {
        name: v.name.trim(), role: orNull(v.role), emails: v.emails,
        phones: v.phones.map((number) => ({ number, label: contact?.phones?.find((p) => p.number === number)?.label as "mobile" | null ?? "mobile" })),
      } })}>
      <SimpleGrid cols={2}>
        <TextInput label="Name" data-autofocus {...form.getInputProps("name")} key={form.key("name")} />
        <TextInput label="Role" {...form.getInputProps("role")} key={form.key("role")} />
      </SimpleGrid>
      <TagsInput label="Phones" placeholder="Type a number and press Enter" {...form.getInputProps("phones")} key={form.key("phones")} />
      <TagsInput label="Emails" placeholder="Type an address and press Enter" {...form.getInputProps("emails")} key={form.key("emails")} />
    </RecordForm>
  );
}

export function PropertyForm({ customerId, property, onDone }: { customerId: string; property?: Property; onDone: () => void }) {
  const save = useSaveProperty(customerId);
  const required = (v: string) => (v.trim() ? null : "Required for the address.");
  const form = useForm({
    initialValues: {
      line1: property?.line1 ?? "", line2: property?.line2 ?? "", city: property?.city ?? "", region: property?.region ?? "",
      postal_code: property?.postal_code ?? "", kind: property?.kind ?? "residential", access_notes: property?.access_notes ?? "",
    },
    validate: { line1: required, city: required, region: required, postal_code: required },
  });
  return (
    <RecordForm name={property ? "Edit property" : "Add property"} form={form} onDone={onDone}
      save={(v) => save.mutateAsync({ propertyId: property?.id, body: {
        line1: v.line1.trim(), line2: orNull(v.line2), city: v.city.trim(), region: v.region.trim(),
        postal_code: v.postal_code.trim(), kind: v.kind as "residential", access_notes: orNull(v.access_notes),
      } })}>
      <SimpleGrid cols={2}>
        <TextInput label="Address line 1" data-autofocus {...form.getInputProps("line1")} key={form.key("line1")} />
        <TextInput label="Address line 2" {...form.getInputProps("line2")} key={form.key("line2")} />
        <TextInput label="City" {...form.getInputProps("city")} key={form.key("city")} />
        <TextInput label="State / region" {...form.getInputProps("region")} key={form.key("region")} />
        <TextInput label="Postal code" {...form.getInputProps("postal_code")} key={form.key("postal_code")} />
        <Select label="Kind" data={["residential", "commercial"]} allowDeselect={false} {...form.getInputProps("kind")} key={form.key("kind")} />
      </SimpleGrid>
      <Textarea label="Access notes" autosize minRows={2} {...form.getInputProps("access_notes")} key={form.key("access_notes")} />
    </RecordForm>
  );
}

const KINDS = ["air_conditioner", "furnace", "heat_pump", "mini_split", "water_heater", "garage_door_opener", "other"];

export function EquipmentForm({ customerId, propertyId, equipment, onDone }: {
  customerId: string; propertyId: string; equipment?: Equipment; onDone: () => void;
}) {
  const save = useSaveEquipment(customerId);
  const form = useForm({
    initialValues: {
      kind: equipment?.kind ?? "", make: equipment?.make ?? "", model: equipment?.model ?? "", serial: equipment?.serial ?? "",
      installed_on: equipment?.installed_on ?? null as string | null, warranty_until: equipment?.warranty_until ?? null as string | null,
    },
    validate: { kind: (v: string) => (v ? null : "Choose what it is.") },
  });
  return (
    <RecordForm name={equipment ? "Edit equipment" : "Add equipment"} form={form} onDone={onDone}
      save={(v) => save.mutateAsync({ propertyId, equipmentId: equipment?.id, body: {
        kind: v.kind as EquipmentIn["kind"], make: orNull(v.make), model: orNull(v.model), serial: orNull(v.serial),
        installed_on: v.installed_on || null, warranty_until: v.warranty_until || null,
      } })}>
      <SimpleGrid cols={2}>
        <Select label="Kind" data={KINDS.map((k) => ({ value: k, label: k.replaceAll("_", " ") }))} data-autofocus
          {...form.getInputProps("kind")} key={form.key("kind")} />
        <TextInput label="Make" {...form.getInputProps("make")} key={form.key("make")} />
        <TextInput label="Model" {...form.getInputProps("model")} key={form.key("model")} />
        <TextInput label="Serial" {...form.getInputProps("serial")} key={form.key("serial")} />
        <DateInput label="Installed on" clearable valueFormat="YYYY-MM-DD" {...form.getInputProps("installed_on")} key={form.key("installed_on")} />
        <DateInput label="Warranty until" clearable valueFormat="YYYY-MM-DD" {...form.getInputProps("warranty_until")} key={form.key("warranty_until")} />
      </SimpleGrid>
    </RecordForm>
  );
}
