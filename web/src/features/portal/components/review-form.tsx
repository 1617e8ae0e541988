import { Alert, Button, Group, Radio, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";

import type { Review } from "../api/portal-client";
import { applyFieldErrors } from "@/components/field-errors";

const COMMENT_MAX = 2000;
const RATINGS = [
  { value: "5", label: "5 — Excellent" }, { value: "4", label: "4 — Good" }, { value: "3", label: "3 — Okay" },
  { value: "2", label: "2 — Poor" }, { value: "1", label: "1 — Very poor" },
];

type Values = { rating: string; comment: string };

type Props = {
  jobTitle: string;
  onSubmit: (review: Review) => Promise<unknown>;
};

/** "How did we do?": a rating from 1 to 5 and an optional comment on one completed job. */
export function ReviewForm({ jobTitle, onSubmit }: Props) {
  const form = useForm<Values>({
    initialValues: { rating: "", comment: "" },
    validate: {
      rating: (value) => (value ? null : "Choose a rating from 1 to 5."),
      comment: (value) => (value.length > COMMENT_MAX ? `At most ${COMMENT_MAX} characters.` : null),
    },
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  async function save(values: Values) {
    setProblems([]);
    setSaving(true);
    try {
      await onSubmit({ rating: Number(values.rating), comment: values.comment.trim() || null });
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit(save)} noValidate aria-label={`Review ${jobTitle}`}>
      <Stack gap="xs">
        <Radio.Group label={`Your rating of ${jobTitle}`} required {...form.getInputProps("rating")} key={form.key("rating")}>
          <Group gap="md" mt={4}>
            {RATINGS.map((r) => <Radio key={r.value} value={r.value} label={r.label} />)}
          </Group>
        </Radio.Group>
        <Textarea label="Comment" description="Optional: what went well, what we could do better." autosize minRows={2}
          {...form.getInputProps("comment")} key={form.key("comment")} />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>Send review</Button>
        </Group>
        {problems.length > 0 && <Alert color="red" role="alert">{problems.join(" ")}</Alert>}
      </Stack>
    </form>
  );
}
