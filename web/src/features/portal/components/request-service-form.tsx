import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { PortalAddress, ServiceRequest } from "../api/portal-client";
import { applyFieldErrors } from "@/components/field-errors";
import { address } from "./portal-format";

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

type Values = { property_id: string; title: string; description: string };

type Props = {
  properties: PortalAddress[];
  onSubmit: (request: ServiceRequest) => Promise<unknown>;
};

/** The customer asks for work; the office sees it as a draft job to schedule. */
export function RequestServiceForm({ properties, onSubmit }: Props) {
  const form = useForm<Values>({
    initialValues: { property_id: properties[0]?.id ?? "", title: "", description: "" },
    validate: {
      title: (value) => !value.trim() ? "Say in a few words what you need."
        : value.trim().length > TITLE_MAX ? `Keep it to ${TITLE_MAX} characters; the details go below.` : null,
      description: (value) => value.length > DESCRIPTION_MAX ? `At most ${DESCRIPTION_MAX} characters.` : null,
    },
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(values: Values) {
    setProblems([]);
    setSent(null);
    setSaving(true);
    try {
      await onSubmit({ property_id: values.property_id || null, title: values.title.trim(),
        description: values.description.trim() || null });
      setSent(values.title.trim());
      form.reset();
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label="Request service">
      <Stack gap="xs">
        {properties.length > 1 && (
          <NativeSelect label="Where" data={properties.map((p) => ({ value: p.id!, label: address(p) }))}
            {...form.getInputProps("property_id")} key={form.key("property_id")} />
        )}
        <TextInput label="What do you need?" placeholder="e.g. The furnace makes a rattling noise"
          {...form.getInputProps("title")} key={form.key("title")} />
        <Textarea label="Details" description="Anything that helps us come prepared: when it started, access, best times."
          autosize minRows={3} {...form.getInputProps("description")} key={form.key("description")} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>Send request</Button>
        </Group>
        {sent && <Alert color="green" role="status">Thanks — we have your request “{sent}” and will be in touch to schedule it.</Alert>}
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
        {!properties.length && <Text size="sm" c="dimmed">We will confirm the address with you.</Text>}
      </Stack>
    </form>
  );
}
