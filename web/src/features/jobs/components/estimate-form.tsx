import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useCreateEstimate, type EstimateIn } from "../api/create-work";
import { LineItemsField, emptyLine, lineRules, type LineItemValues } from "./line-items-field";
import { OverrideField, overrideBody } from "./override-field";
import { isDoNotService, placeErrors } from "./place-errors";
import { defaultProperty, propertyOptions, type WorkDraft } from "./work-draft";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { parseCents } from "@/lib/money";

type Created = { id?: string; number?: string };
type Props = { profile: Profile; draft: WorkDraft; currency?: string; onSaved: (estimate: Created) => void; onCancel: () => void };

// The API's names for what the form calls otherwise: a line's price is its unit_price_cents.
function rename(path: string): string {
  if (path.startsWith("do_not_service_override")) return "override_reason";
  return path.replace(/^(line_items\.\d+)\.unit_price_cents$/, "$1.price");
}

/** A new estimate: what, where, until when, and its priced lines. */
export function EstimateForm({ profile, draft, currency = "USD", onSaved, onCancel }: Props) {
  const create = useCreateEstimate(profile.id!);
  const [problems, setProblems] = useState<string[]>([]);
  const [flagged, setFlagged] = useState<string | null>(profile.do_not_service?.flag ? profile.do_not_service.reason || "No reason recorded." : null);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      title: draft.title ?? "", service_type: draft.serviceType ?? "", property_id: defaultProperty(profile, draft),
      valid_until: null as string | null, description: "", line_items: [emptyLine()] as LineItemValues[], override_reason: "",
    },
    validate: {
      title: (v) => (v.trim() ? null : "Give the estimate a title."),
      line_items: lineRules,
      override_reason: (v) => (flagged && !v.trim() ? "Say why this customer is served despite the flag." : null),
    },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    const body: EstimateIn = {
      customer_id: profile.id!, title: values.title.trim(), service_type: values.service_type.trim() || null,
      property_id: values.property_id, valid_until: values.valid_until, description: values.description.trim() || null,
      currency,
      line_items: values.line_items.map((line) => ({
        description: line.description.trim(), quantity: Number(line.quantity), unit_price_cents: parseCents(line.price)!,
      })),
      ...overrideBody(flagged !== null, values.override_reason),
    };
    try {
      onSaved(await create.mutateAsync(body));
    } catch (error) {
      if (isDoNotService(error) && !flagged) return setFlagged(error.message);
      setProblems(placeErrors(form, error, rename));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="New estimate">
      <Stack gap="sm">
        {flagged && <OverrideField form={form} reason={flagged} />}
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps("title")} key={form.key("title")} />
        <SimpleGrid cols={2}>
          <TextInput label="Service type" {...form.getInputProps("service_type")} key={form.key("service_type")} />
          <Select label="Property" data={propertyOptions(profile)} clearable
            placeholder={profile.properties?.length ? "Pick a property" : "No properties yet"}
            {...form.getInputProps("property_id")} key={form.key("property_id")} />
        </SimpleGrid>
        <DateInput label="Valid until" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" clearable w={200}
          {...form.getInputProps("valid_until")} key={form.key("valid_until")} />
        <LineItemsField form={form} currency={currency} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} key={form.key("description")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Create estimate</Button>
        </Group>
      </Stack>
    </form>
  );
}
