import { Alert, Button, FileInput, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { PhotoTarget } from "../api/portal";
import { applyFieldErrors } from "@/components/field-errors";

export type PhotoOption = { value: string; label: string; target: PhotoTarget };

type Values = { target: string; file: File | null; caption: string };

type Props = {
  options: PhotoOption[];
  onSubmit: (upload: { target: PhotoTarget; file: File; caption: string }) => Promise<unknown>;
};

const CAPTION_MAX = 300;
// A file input's placeholder is text on a button, held to AA contrast like the rest of the page.
const PLACEHOLDER_AT_AA = { placeholder: { color: "var(--mantine-color-gray-7)" } };

/** A photo for the office: of one of the customer's properties or of one of their jobs. */
export function PhotoUploadForm({ options, onSubmit }: Props) {
  const form = useForm<Values>({
    initialValues: { target: options[0]?.value ?? "", file: null, caption: "" },
    validate: {
      file: (value) => (value ? null : "Choose a photo to send."),
      caption: (value) => (value.length > CAPTION_MAX ? `At most ${CAPTION_MAX} characters.` : null),
    },
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const [saving, setSaving] = useState(false);

  async function save(values: Values) {
    const chosen = options.find((o) => o.value === values.target);
    if (!chosen || !values.file) return;
    setProblems([]);
    setSent(false);
    setSaving(true);
    try {
      await onSubmit({ target: chosen.target, file: values.file, caption: values.caption });
      setSent(true);
      form.reset();
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    } finally {
      setSaving(false);
    }
  }

  if (!options.length) return null;
  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label="Send a photo">
      <Stack gap="xs">
        <NativeSelect label="Photo of" data={options.map(({ value, label }) => ({ value, label }))}
          {...form.getInputProps("target")} key={form.key("target")} />
        <FileInput label="Photo" placeholder="Choose a photo" accept="image/jpeg,image/png,image/webp,image/heic" required
          clearable styles={PLACEHOLDER_AT_AA} {...form.getInputProps("file")} key={form.key("file")} />
        <TextInput label="Caption" placeholder="What it shows" {...form.getInputProps("caption")} key={form.key("caption")} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>Send photo</Button>
        </Group>
        {sent && <Alert color="green" role="status">Thanks — the photo is with our office.</Alert>}
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
      </Stack>
    </form>
  );
}
