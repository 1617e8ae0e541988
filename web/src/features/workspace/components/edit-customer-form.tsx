import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { Profile } from "../api/get-workspace";
import { useUpdateCustomer, type CustomerPatch } from "../api/update-customer";
import { applyFieldErrors } from "@/components/field-errors";

type Values = {
  display_name: string; company: string; kind: string; lead_source: string; preferred_channel: string | null;
  do_not_service: { flag: boolean; reason: string };
};

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Edits the customer's own fields, do-not-service included; a 422 shows under its field. */
export function EditCustomerForm({ profile, onDone }: { profile: Profile; onDone: () => void }) {
  const update = useUpdateCustomer(profile.id!);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: {
      display_name: profile.display_name ?? "", company: profile.company ?? "", kind: profile.kind ?? "residential",
      lead_source: profile.lead_source ?? "", preferred_channel: profile.preferred_channel ?? null,
      do_not_service: { flag: !!profile.do_not_service?.flag, reason: profile.do_not_service?.reason ?? "" },
    },
    validate: {
      display_name: (v) => (v.trim() ? null : "Enter a name."),
      do_not_service: { reason: (v, values) => (values.do_not_service.flag && !v.trim() ? "Say why, for whoever opens this customer next." : null) },
    },
  });

  async function save(values: Values) {
    const body: CustomerPatch = {
      display_name: values.display_name.trim(), company: orNull(values.company),
      kind: values.kind as CustomerPatch["kind"], lead_source: orNull(values.lead_source),
      preferred_channel: values.preferred_channel as CustomerPatch["preferred_channel"],
      do_not_service: { flag: values.do_not_service.flag, reason: values.do_not_service.flag ? values.do_not_service.reason.trim() : null },
    };
    setProblems([]);
    try {
      await update.mutateAsync(body);
      onDone();
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values || path.startsWith("do_not_service.")));
    }
  }

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label="Edit customer">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name" {...form.getInputProps("display_name")} key={form.key("display_name")} data-autofocus />
          <TextInput label="Company" {...form.getInputProps("company")} key={form.key("company")} />
          <Select label="Kind" data={["residential", "commercial"]} allowDeselect={false} {...form.getInputProps("kind")} key={form.key("kind")} />
          <Select label="Preferred channel" clearable data={["phone", "sms", "email"]} {...form.getInputProps("preferred_channel")} key={form.key("preferred_channel")} />
          <TextInput label="Lead source" {...form.getInputProps("lead_source")} key={form.key("lead_source")} />
        </SimpleGrid>
        <Switch label="Do not service" color="red" {...form.getInputProps("do_not_service.flag", { type: "checkbox" })} key={form.key("do_not_service.flag")} />
        {form.getValues().do_not_service.flag && (
          <Textarea label="Why not" autosize minRows={2} {...form.getInputProps("do_not_service.reason")} key={form.key("do_not_service.reason")} />
        )}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={update.isPending}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}
