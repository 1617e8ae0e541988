import { CloseButton, Group, Pill, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";

import { useAddTag, useRemoveTag } from "../api/tags";

/** Tags added and removed inline. */
export function TagsEditor({ customerId, tags }: { customerId: string; tags: string[] }) {
  const add = useAddTag(customerId);
  const remove = useRemoveTag(customerId);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag) return;
    add.mutate(tag, {
      onSuccess: () => setDraft(""),
      onError: (e) => setError(e instanceof Error ? e.message : "The tag was not added."),
    });
  }

  return (
    <Group gap={6} component="form" onSubmit={submit} aria-label="Tags">
      {tags.map((tag) => (
        <Pill key={tag} size="md">
          <Group gap={2} wrap="nowrap">
            {tag}
            <CloseButton size="xs" aria-label={`Remove tag ${tag}`} onClick={() => remove.mutate(tag)} />
          </Group>
        </Pill>
      ))}
      <TextInput size="xs" w={130} placeholder="Add tag" aria-label="Add tag" value={draft} error={error}
        onChange={(event) => { setDraft(event.currentTarget.value); setError(null); }} />
    </Group>
  );
}
