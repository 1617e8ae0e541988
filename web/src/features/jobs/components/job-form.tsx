import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { DateInput, TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useCreateJob, type JobIn } from "../api/create-work";
import { useTechnicians } from "../api/get-technicians";
import { OverrideField, overrideBody } from "./override-field";
import { isDoNotService, placeErrors } from "./place-errors";
import { addMinutes, defaultProperty, localInstant, propertyOptions, type WorkDraft } from "./work-draft";
import type { Profile } from "@/features/workspace/api/get-workspace";

type Created = { id?: string; number?: string };
type Props = { profile: Profile; draft: WorkDraft; currency?: string; onSaved: (job: Created) => void; onCancel: () => void };

const RENAMED: Record<string, string> = {
  scheduled_start: "start", scheduled_end: "end", "do_not_service_override.reason": "override_reason", do_not_service_override: "override_reason",
};

/** A new job for this customer; with a day it is booked (scheduled) for that window, without one it is a draft. */
export function JobForm({ profile, draft, currency = "USD", onSaved, onCancel }: Props) {
  const create = useCreateJob(profile.id!);
  const technicians = useTechnicians();
  const scheduling = draft.form === "schedule";
  const [problems, setProblems] = useState<string[]>([]);
  const [flagged, setFlagged] = useState<string | null>(profile.do_not_service?.flag ? profile.do_not_service.reason || "No reason recorded." : null);
  const form = useForm({
    initialValues: {
      title: draft.title ?? "", service_type: draft.serviceType ?? "", property_id: defaultProperty(profile, draft),
      date: draft.date ?? null as string | null, start: "09:00", end: addMinutes("09:00", draft.minutes ?? 120),
      technician_ids: [] as string[], description: "", notes: "", override_reason: "",
    },
    validate: {
      title: (v) => (v.trim() ? null : "Give the job a title."),
      date: (v) => (scheduling && !v ? "Pick the day of the visit." : null),
      start: (v, all) => (all.date && !v ? "Pick a start time." : null),
      end: (v, all) => (all.date && v && all.start && v <= all.start ? "The end must come after the start." : null),
      override_reason: (v) => (flagged && !v.trim() ? "Say why this customer is served despite the flag." : null),
    },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    const body: JobIn = {
      customer_id: profile.id!, title: values.title.trim(), service_type: values.service_type.trim() || null, currency,
      property_id: values.property_id, technician_ids: values.technician_ids,
      description: values.description.trim() || null, notes: values.notes.trim() || null,
      status: values.date ? "scheduled" : "draft",
      scheduled_start: values.date ? localInstant(values.date, values.start) : null,
      scheduled_end: values.date && values.end ? localInstant(values.date, values.end) : null,
      ...overrideBody(flagged !== null, values.override_reason),
    };
    try {
      onSaved(await create.mutateAsync(body));
    } catch (error) {
      if (isDoNotService(error) && !flagged) return setFlagged(error.message);
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={scheduling ? "Schedule a visit" : "New job"}>
      <Stack gap="sm">
        {flagged && <OverrideField form={form} reason={flagged} />}
        <TextInput label="Title" withAsterisk data-autofocus {...form.getInputProps("title")} key={form.key("title")} />
        <SimpleGrid cols={2}>
          <TextInput label="Service type" placeholder="e.g. HVAC tune-up" {...form.getInputProps("service_type")} key={form.key("service_type")} />
          <Select label="Property" placeholder={profile.properties?.length ? "Pick a property" : "No properties yet"}
            data={propertyOptions(profile)} clearable {...form.getInputProps("property_id")} key={form.key("property_id")} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <DateInput label="Day" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" clearable withAsterisk={scheduling}
            {...form.getInputProps("date")} key={form.key("date")} />
          <TimeInput label="From" {...form.getInputProps("start")} key={form.key("start")} />
          <TimeInput label="To" {...form.getInputProps("end")} key={form.key("end")} />
        </SimpleGrid>
        <MultiSelect label="Technicians" placeholder={technicians.data?.length === 0 ? "No technicians yet" : "Assign technicians"}
          data={technicians.data ?? []} searchable clearable {...form.getInputProps("technician_ids")} key={form.key("technician_ids")} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} key={form.key("description")} />
        <Textarea label="Internal notes" autosize minRows={2} {...form.getInputProps("notes")} key={form.key("notes")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>{scheduling ? "Schedule" : "Create job"}</Button>
        </Group>
      </Stack>
    </form>
  );
}
