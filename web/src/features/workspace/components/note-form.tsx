import { Alert, Button, Checkbox, Group, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { applyFieldErrors } from "@/components/field-errors";

export type NoteValues = { body: string; pinned: boolean; communication_id: string | null };
export type CallOption = { value: string; label: string };

type Props = {
  initial?: NoteValues;
  calls?: CallOption[];
  submitLabel: string;
  onSubmit: (values: NoteValues) => Promise<unknown>;
  onCancel?: () => void;
};

/** Adds or edits a note; the server's field errors appear under the field. */
export function NoteForm({ initial = { body: "", pinned: false, communication_id: null }, calls = [], submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<NoteValues>({
    initialValues: initial,
    validate: { body: (value) => (value.trim() ? null : "Write the note first.") },
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  async function save(values: NoteValues) {
    setProblems([]);
    setSaving(true);
    try {
      await onSubmit({ body: values.body, pinned: values.pinned, communication_id: values.communication_id });
      form.reset();
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label={submitLabel}>
      <Stack gap="xs">
        <Textarea label="Note" placeholder="An internal note (markdown); customers never see it" autosize minRows={3}
          {...form.getInputProps("body")} key={form.key("body")} />
        {calls.length > 0 && (
          <Select label="Linked call" placeholder="Not linked to a call" clearable data={calls}
            {...form.getInputProps("communication_id")} key={form.key("communication_id")} />
        )}
        <Group justify="space-between">
          <Checkbox label="Pin to top" {...form.getInputProps("pinned", { type: "checkbox" })} key={form.key("pinned")} />
          <Group gap="xs">
            {onCancel && <Button variant="default" size="xs" onClick={onCancel}>Cancel</Button>}
            <Button type="submit" size="xs" loading={saving}>{submitLabel}</Button>
          </Group>
        </Group>
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
      </Stack>
    </form>
  );
}
