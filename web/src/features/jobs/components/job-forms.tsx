import { Alert, Button, Group, MultiSelect, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { DateInput, TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useAddVisit, useMoveJob, useUpdateJob, type Job } from "../api/job";
import { useTechnicians } from "../api/get-technicians";
import { localParts } from "./job-format";
import { placeErrors } from "./place-errors";
import { localInstant } from "./work-draft";

type Done = { job: Job; onDone: () => void; onCancel: () => void };

const WINDOW_NAMES: Record<string, string> = { scheduled_start: "start", scheduled_end: "end", at: "date" };
const rename = (path: string) => WINDOW_NAMES[path] ?? path;

const windowRules = {
  date: (v: string | null) => (v ? null : "Pick the day."),
  start: (v: string) => (v ? null : "Pick a start time."),
  end: (v: string, all: { start: string }) => (v && all.start && v <= all.start ? "The end must come after the start." : null),
};

function TechniciansField(props: Record<string, unknown>) {
  const technicians = useTechnicians();
  return <MultiSelect label="Technicians" placeholder={technicians.data?.length === 0 ? "No technicians yet" : "Assign technicians"}
    data={technicians.data ?? []} searchable clearable {...props} />;
}

/** Books a draft job for a day and window, or moves a booked one; the crew can change at the same time. */
export function ScheduleForm({ job, onDone, onCancel }: Done) {
  const update = useUpdateJob(job);
  const move = useMoveJob(job);
  const [problems, setProblems] = useState<string[]>([]);
  const start = localParts(job.scheduled_start);
  const form = useForm({
    initialValues: { date: start.date, start: start.time || "09:00", end: localParts(job.scheduled_end).time || "11:00",
      technician_ids: (job.technician_ids ?? []) as string[] },
    validate: windowRules,
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await update.mutateAsync({
        scheduled_start: localInstant(values.date!, values.start),
        scheduled_end: values.end ? localInstant(values.date!, values.end) : null, technician_ids: values.technician_ids,
      });
      if (job.status === "draft") await move.mutateAsync({ to: "scheduled" });
      onDone();
    } catch (error) {
      setProblems(placeErrors(form, error, rename));
    }
  }

  const rescheduling = job.status !== "draft";
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={rescheduling ? "Reschedule" : "Schedule"}>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <DateInput label="Day" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" withAsterisk data-autofocus
            {...form.getInputProps("date")} key={form.key("date")} />
          <TimeInput label="From" {...form.getInputProps("start")} key={form.key("start")} />
          <TimeInput label="To" {...form.getInputProps("end")} key={form.key("end")} />
        </SimpleGrid>
        <TechniciansField {...form.getInputProps("technician_ids")} key={form.key("technician_ids")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={update.isPending || move.isPending}>{rescheduling ? "Reschedule" : "Schedule"}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who does the job: the account's active technicians, by name. */
export function AssignForm({ job, onDone, onCancel }: Done) {
  const update = useUpdateJob(job);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({ initialValues: { technician_ids: (job.technician_ids ?? []) as string[] } });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await update.mutateAsync({ technician_ids: values.technician_ids });
      onDone();
    } catch (error) {
      setProblems(placeErrors(form, error, rename));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Assign technicians">
      <Stack gap="sm">
        <TechniciansField data-autofocus {...form.getInputProps("technician_ids")} key={form.key("technician_ids")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={update.isPending}>Save</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The job done, dated when it really was (often recorded days later), never in the future. */
export function CompleteForm({ job, onDone, onCancel }: Done) {
  const move = useMoveJob(job);
  const [problems, setProblems] = useState<string[]>([]);
  const now = localParts(new Date().toISOString());
  const form = useForm({
    initialValues: { date: now.date, time: now.time },
    validate: {
      date: (v: string | null) => (!v ? "Pick the day it was done." : v > now.date! ? "This cannot be in the future." : null),
      time: (v: string) => (v ? null : "Pick the time it was done."),
    },
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await move.mutateAsync({ to: "completed", at: localInstant(values.date!, values.time) });
      onDone();
    } catch (error) {
      setProblems(placeErrors(form, error, rename));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Complete the job">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DateInput label="Completed on" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" maxDate={now.date!} withAsterisk data-autofocus
            {...form.getInputProps("date")} key={form.key("date")} />
          <TimeInput label="At" {...form.getInputProps("time")} key={form.key("time")} />
        </SimpleGrid>
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={move.isPending}>Mark completed</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Another trip within the job: its day, window, crew and what to do on it. */
export function VisitForm({ job, onDone, onCancel }: Done) {
  const add = useAddVisit(job);
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm({
    initialValues: { date: null as string | null, start: "09:00", end: "11:00", technician_ids: (job.technician_ids ?? []) as string[], notes: "" },
    validate: windowRules,
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await add.mutateAsync({
        scheduled_start: localInstant(values.date!, values.start),
        scheduled_end: values.end ? localInstant(values.date!, values.end) : null,
        technician_ids: values.technician_ids, notes: values.notes.trim() || null,
      });
      onDone();
    } catch (error) {
      setProblems(placeErrors(form, error, rename));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Add a visit">
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <DateInput label="Day" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" withAsterisk data-autofocus
            {...form.getInputProps("date")} key={form.key("date")} />
          <TimeInput label="From" {...form.getInputProps("start")} key={form.key("start")} />
          <TimeInput label="To" {...form.getInputProps("end")} key={form.key("end")} />
        </SimpleGrid>
        <TechniciansField {...form.getInputProps("technician_ids")} key={form.key("technician_ids")} />
        <Textarea label="Visit notes" autosize minRows={2} {...form.getInputProps("notes")} key={form.key("notes")} />
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={add.isPending}>Add visit</Button>
        </Group>
      </Stack>
    </form>
  );
}
