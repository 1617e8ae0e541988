import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { DateInput, TimeInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useState } from "react";

import { useChangePlan, useCreatePlan, type Plan, type PlanChanges } from "../api/plans";
import { FREQUENCIES, describe, fromRule, toRule, unitOf, type Frequency } from "./recurrence";
import { OverrideField, overrideBody } from "@/features/jobs/components/override-field";
import { isDoNotService, placeErrors } from "@/features/jobs/components/place-errors";
import { defaultProperty, localInstant, propertyOptions } from "@/features/jobs/components/work-draft";
import type { Profile } from "@/features/workspace/api/get-workspace";
import { centsToText, parseCents } from "@/lib/money";

// A rule the form cannot make (days of the week, a count, an end) is kept as it is unless another is picked.
const CUSTOM = "CUSTOM";

type Props = {
  profile: Profile; currency?: string; plan?: Plan;
  onSaved: (plan: Plan, book: boolean) => void; onCancel: () => void;
};

const RENAMED: Record<string, string> = {
  price_per_visit_cents: "price", rrule: "frequency", starts_at: "date", property_address: "property_id",
  "do_not_service_override.reason": "override_reason", do_not_service_override: "override_reason",
};

function two(n: number) {
  return String(n).padStart(2, "0");
}

/** The first visit as the form edits it: a local day and time. */
function localParts(iso: string | undefined): { date: string | null; time: string } {
  if (!iso) return { date: null, time: "09:00" };
  const at = new Date(iso);
  return { date: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`, time: `${two(at.getHours())}:${two(at.getMinutes())}` };
}

/** A new maintenance plan, or a change to one: what, where, how often, at what price per visit, from when. */
export function PlanForm({ profile, currency = "USD", plan, onSaved, onCancel }: Props) {
  const create = useCreatePlan(profile.id!);
  const change = useChangePlan(profile.id!);
  const [problems, setProblems] = useState<string[]>([]);
  const [flagged, setFlagged] = useState<string | null>(
    !plan && profile.do_not_service?.flag ? profile.do_not_service.reason || "No reason recorded." : null);
  const repeat = plan?.rrule ? fromRule(plan.rrule) : { frequency: "WEEKLY" as Frequency, interval: 13 };
  const first = localParts(plan?.starts_at);
  const form = useForm({
    initialValues: {
      name: plan?.name ?? "", service_type: plan?.service_type ?? "",
      property_id: plan ? plan.property_id ?? null : defaultProperty(profile, { form: "job" }),
      frequency: (repeat?.frequency ?? CUSTOM) as string, interval: repeat?.interval ?? 1 as number | string,
      price: plan?.price_per_visit_cents !== undefined ? centsToText(plan.price_per_visit_cents) : "",
      date: first.date, time: first.time, visit_minutes: plan?.visit_minutes ?? 60 as number | string,
      active: true, book: true, override_reason: "",
    },
    validate: {
      name: (v) => (v.trim() ? null : "Give the plan a name."),
      price: (v) => (parseCents(v) === null ? "Enter the price of one visit, e.g. 89.00." : null),
      interval: (v, all) => (all.frequency !== CUSTOM && !(Number(v) >= 1 && Number.isInteger(Number(v))) ? "A whole number, 1 or more." : null),
      date: (v) => (v ? null : "Pick the day of the first visit."),
      time: (v) => (v ? null : "Pick the time of the visits."),
      visit_minutes: (v) => (Number(v) >= 5 && Number(v) <= 1440 ? null : "Between 5 and 1440 minutes."),
      override_reason: (v) => (flagged && !v.trim() ? "Say why this customer is served despite the flag." : null),
    },
  });
  const values = form.getValues();
  const rule = values.frequency === CUSTOM ? plan?.rrule ?? "" : toRule({ frequency: values.frequency as Frequency, interval: Number(values.interval) || 1 });
  const startsAt = values.date && values.time ? localInstant(values.date, values.time) : null;

  async function submit(v: typeof values) {
    setProblems([]);
    const body: PlanChanges = {
      name: v.name.trim(), service_type: v.service_type.trim() || null, property_id: v.property_id,
      price_per_visit_cents: parseCents(v.price)!, rrule: rule, starts_at: localInstant(v.date!, v.time),
      visit_minutes: Number(v.visit_minutes),
    };
    try {
      if (plan) {
        // Only what changed, so the plan's history names exactly the edits made.
        const changes = Object.fromEntries(Object.entries(body).filter(([key, value]) =>
          key === "starts_at" ? new Date(value as string).getTime() !== new Date(plan.starts_at!).getTime() : plan[key as keyof Plan] !== value));
        onSaved(await change.mutateAsync({ planId: plan.id!, changes }), false);
      } else {
        const created = await create.mutateAsync({
          ...body, name: body.name!, price_per_visit_cents: body.price_per_visit_cents!, rrule: rule, starts_at: body.starts_at!,
          visit_minutes: body.visit_minutes!, customer_id: profile.id!, currency, status: v.active ? "active" : "assessment",
          ...overrideBody(flagged !== null, v.override_reason),
        });
        onSaved(created, v.active && v.book);
      }
    } catch (error) {
      if (isDoNotService(error) && !flagged) return setFlagged(error.message);
      setProblems(placeErrors(form, error, (path) => RENAMED[path] ?? path));
    }
  }

  const unit = values.frequency === CUSTOM ? null : unitOf(values.frequency as Frequency);
  const frequencies = [...FREQUENCIES.map(({ value, label }) => ({ value, label })),
    ...(plan && !repeat ? [{ value: CUSTOM, label: `As it is (${describe(plan.rrule ?? "", plan.starts_at)})` }] : [])];
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={plan ? "Change maintenance plan" : "New maintenance plan"}>
      <Stack gap="sm">
        {flagged && <OverrideField form={form} reason={flagged} />}
        <TextInput label="Plan name" placeholder="e.g. Quarterly pest control" withAsterisk data-autofocus {...form.getInputProps("name")} key={form.key("name")} />
        <SimpleGrid cols={2}>
          <TextInput label="Service type" placeholder="e.g. Pest control" {...form.getInputProps("service_type")} key={form.key("service_type")} />
          <Select label="Property" placeholder={profile.properties?.length ? "Pick a property" : "No properties yet"}
            data={propertyOptions(profile)} clearable {...form.getInputProps("property_id")} key={form.key("property_id")} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <NativeSelect label="Repeats" data={frequencies} {...form.getInputProps("frequency")} key={form.key("frequency")} />
          <NumberInput label={unit ? `Every how many ${unit}s` : "Every"} min={1} max={99} allowDecimal={false} disabled={!unit}
            {...form.getInputProps("interval")} key={form.key("interval")} />
          <TextInput label="Price per visit" placeholder="0.00" leftSection={<Text size="sm" c="dimmed" aria-hidden>{currency === "USD" ? "$" : currency}</Text>}
            inputMode="decimal" withAsterisk {...form.getInputProps("price")} key={form.key("price")} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <DateInput label="First visit" placeholder="YYYY-MM-DD" valueFormat="YYYY-MM-DD" withAsterisk {...form.getInputProps("date")} key={form.key("date")} />
          <TimeInput label="Visit time" withAsterisk {...form.getInputProps("time")} key={form.key("time")} />
          <NumberInput label="Visit length (minutes)" min={5} max={1440} step={15} allowDecimal={false}
            {...form.getInputProps("visit_minutes")} key={form.key("visit_minutes")} />
        </SimpleGrid>
        {rule && <Text size="sm" aria-label="Schedule in words">{describe(rule, startsAt)}{startsAt ? `, first visit ${new Date(startsAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}` : ""}</Text>}
        {plan && <Text size="xs" c="dimmed">Visits already booked keep their dates; visits booked from now on follow the new terms.</Text>}
        {!plan && (
          <Stack gap={6}>
            <Checkbox label="Active now (otherwise it waits as an assessment)" {...form.getInputProps("active", { type: "checkbox" })} key={form.key("active")} />
            <Checkbox label="Book the visits of the next 30 days now" disabled={!values.active}
              {...form.getInputProps("book", { type: "checkbox" })} key={form.key("book")} />
          </Stack>
        )}
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending || change.isPending}>{plan ? "Save changes" : "Create plan"}</Button>
        </Group>
      </Stack>
    </form>
  );
}
