import { ActionIcon, Alert, Anchor, Button, Divider, Fieldset, Group, List, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";

import { useCreateCustomer } from "../api/create-customer";
import { findPossibleDuplicates } from "../api/find-possible-duplicates";
import type { CustomerSummary } from "../api/get-customers";
import { STATUSES } from "./customer-filters";
import { displayName, emptyContact, emptyPhone, initialValues, toBody, validate, type NewCustomerValues } from "./new-customer-values";
import { applyFieldErrors } from "@/components/field-errors";

type Duplicate = { customer: CustomerSummary; reasons: string[] };
type Props = { onCreated: (customerId: string) => void; onCancel?: () => void };

/** New customer: name or company, kind, contacts with phones and emails, first property, tags, source, channel. */
export function NewCustomerForm({ onCreated, onCancel }: Props) {
  const form = useForm<NewCustomerValues>({ initialValues: initialValues(), validate });
  const create = useCreateCustomer();
  const [problems, setProblems] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [checking, setChecking] = useState(false);

  async function save(values: NewCustomerValues, confirmed: boolean) {
    setProblems([]);
    if (!confirmed) {
      setChecking(true);
      try {
        const name = displayName(values).toLowerCase();
        const found = await findPossibleDuplicates([
          ...values.contacts.flatMap((c) => c.phones.map((p) => ({ reason: "same phone", q: p.number }))),
          ...values.contacts.flatMap((c) => c.emails.map((e) => ({ reason: "same email", q: e }))),
          { reason: "same name", q: displayName(values), matches: (c) => c.display_name?.toLowerCase() === name },
        ]);
        if (found.length) return setDuplicates(found);
      } catch {
        // The check only helps; the save below still goes ahead when the search cannot answer.
      } finally {
        setChecking(false);
      }
    }
    setDuplicates(null);
    try {
      const created = await create.mutateAsync(toBody(values));
      onCreated(created.id!);
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in form.getValues() || /^(contacts|properties)\.\d+\./.test(path)));
    }
  }

  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((v) => save(v, false))} noValidate aria-label="New customer">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name" placeholder="Person's name" {...form.getInputProps("display_name")} key={form.key("display_name")} data-autofocus />
          <TextInput label="Company" {...form.getInputProps("company")} key={form.key("company")} />
          <Select label="Kind" data={["residential", "commercial"]} allowDeselect={false} {...form.getInputProps("kind")} key={form.key("kind")} />
          <Select label="Lead status" data={[...STATUSES]} allowDeselect={false} {...form.getInputProps("status")} key={form.key("status")} />
          <TextInput label="Lead source" placeholder="Google, referral, …" {...form.getInputProps("lead_source")} key={form.key("lead_source")} />
          <Select label="Preferred channel" clearable data={["phone", "sms", "email"]} {...form.getInputProps("preferred_channel")} key={form.key("preferred_channel")} />
        </SimpleGrid>
        <TagsInput label="Tags" placeholder="Type a tag and press Enter" {...form.getInputProps("tags")} key={form.key("tags")} />

        {values.contacts.map((contact, i) => (
          <Fieldset key={form.key(`contacts.${i}`)} legend={i === 0 ? "Primary contact" : `Contact ${i + 1}`}>
            <SimpleGrid cols={2}>
              <TextInput label="Contact name" {...form.getInputProps(`contacts.${i}.name`)} key={form.key(`contacts.${i}.name`)} />
              <TextInput label="Role" placeholder="Owner, tenant, property manager…" {...form.getInputProps(`contacts.${i}.role`)} key={form.key(`contacts.${i}.role`)} />
            </SimpleGrid>
            {contact.phones.map((_, j) => (
              <Group key={form.key(`contacts.${i}.phones.${j}`)} align="flex-start" grow>
                <TextInput label={`Phone ${j + 1}`} type="tel" {...form.getInputProps(`contacts.${i}.phones.${j}.number`)} key={form.key(`contacts.${i}.phones.${j}.number`)} />
                <Select label={`Phone ${j + 1} label`} data={["mobile", "home", "work", "other"]} clearable {...form.getInputProps(`contacts.${i}.phones.${j}.label`)} key={form.key(`contacts.${i}.phones.${j}.label`)} />
              </Group>
            ))}
            {contact.emails.map((_, j) => (
              <TextInput key={form.key(`contacts.${i}.emails.${j}`)} label={`Email ${j + 1}`} type="email" {...form.getInputProps(`contacts.${i}.emails.${j}`)} />
            ))}
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="subtle" onClick={() => form.insertListItem(`contacts.${i}.phones`, emptyPhone())}>Add phone</Button>
              <Button size="xs" variant="subtle" onClick={() => form.insertListItem(`contacts.${i}.emails`, "")}>Add email</Button>
              {i > 0 && <ActionIcon variant="subtle" color="red" aria-label={`Remove contact ${i + 1}`} onClick={() => form.removeListItem("contacts", i)}>×</ActionIcon>}
            </Group>
          </Fieldset>
        ))}
        <Button variant="light" size="xs" w="fit-content" onClick={() => form.insertListItem("contacts", emptyContact())}>Add another contact</Button>

        <Fieldset legend="First property">
          <SimpleGrid cols={2}>
            <TextInput label="Address line 1" {...form.getInputProps("properties.0.line1")} key={form.key("properties.0.line1")} />
            <TextInput label="Address line 2" {...form.getInputProps("properties.0.line2")} key={form.key("properties.0.line2")} />
            <TextInput label="City" {...form.getInputProps("properties.0.city")} key={form.key("properties.0.city")} />
            <TextInput label="State / region" {...form.getInputProps("properties.0.region")} key={form.key("properties.0.region")} />
            <TextInput label="Postal code" {...form.getInputProps("properties.0.postal_code")} key={form.key("properties.0.postal_code")} />
          </SimpleGrid>
          <Textarea label="Access notes" placeholder="Gate code, dog in the yard…" autosize minRows={2} {...form.getInputProps("properties.0.access_notes")} key={form.key("properties.0.access_notes")} />
        </Fieldset>

        {duplicates && (
          <Alert color="yellow" title="This customer may already exist" role="alert">
            <List size="sm" spacing={4} mb="sm">
              {duplicates.map(({ customer, reasons }) => (
                <List.Item key={customer.id}>
                  <Anchor component={Link} to={`/customers/${customer.id}`}>{customer.display_name} ({customer.number})</Anchor>{" "}
                  <Text span c="dimmed" size="sm">— {reasons.join(", ")}</Text>
                </List.Item>
              ))}
            </List>
            <Button size="xs" onClick={() => save(form.getValues(), true)} loading={create.isPending}>Create anyway</Button>
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert color="red" title="The customer was not saved" role="alert">
            {problems.map((p) => <div key={p}>{p}</div>)}
          </Alert>
        )}
        <Divider />
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>Cancel</Button>}
          <Button type="submit" loading={checking || create.isPending}>Create customer</Button>
        </Group>
      </Stack>
    </form>
  );
}
