import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";

import { type Thresholds, useSaveThresholds } from "../api/thresholds";
import { applyFieldErrors } from "@/components/field-errors";

type Field = { name: keyof Thresholds; label: string; description: string };

// In the order an office user meets the cards: money first, then the work, then leads and reviews.
const FIELDS: Field[] = [
  { name: "overdue_days", label: "Statement once an invoice is overdue by (days)",
    description: "The oldest unpaid invoice's days past its due date." },
  { name: "statement_quiet_days", label: "No new statement within (days)",
    description: "Counted from the last statement sent." },
  { name: "win_back_months", label: "Win back after no completed job for (months)",
    description: "Only when no visit is booked." },
  { name: "maintenance_due_days", label: "Plan visit due within (days)",
    description: "The next visit is this close and none is booked." },
  { name: "estimate_follow_up_days", label: "Follow up a sent estimate after (days)",
    description: "Estimates still waiting for an answer." },
  { name: "lead_contact_days", label: "Call a lead not contacted for (days)",
    description: "From the last call, text or email, or since the lead came in." },
  { name: "low_rating", label: "Follow up reviews of at most (stars)",
    description: "A rating this low asks for a call to put things right." },
  { name: "review_follow_up_days", label: "Keep the review follow-up for (days)",
    description: "After that, or once a better rating comes in, the card goes." },
];

const NOT_A_NUMBER = "Enter a whole number.";

/** The numbers behind the insight cards; saved together, and checked by the API (its messages show by each field). */
export function ThresholdsForm({ current }: { current: Thresholds }) {
  const save = useSaveThresholds();
  const [problems, setProblems] = useState<string[]>([]);
  const form = useForm<Record<keyof Thresholds, number | string>>({
    initialValues: current,
    validate: Object.fromEntries(FIELDS.map(({ name }) => [name, (v: number | string) => (typeof v === "number" && Number.isInteger(v) ? null : NOT_A_NUMBER)])),
  });

  async function submit(values: typeof form.values) {
    setProblems([]);
    try {
      await save.mutateAsync(values as Thresholds);
      form.resetDirty(values);
      notifications.show({ color: "green", message: "Insight thresholds saved: every customer's cards follow them now." });
    } catch (error) {
      setProblems(applyFieldErrors(form, error, (path) => path in values));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Insight thresholds">
      <Stack gap="sm">
        <Text size="sm">When each card appears on a customer's insights. Changes apply at once, to every customer.</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {FIELDS.map(({ name, label, description }) => (
            <NumberInput key={form.key(name)} label={label} description={description}
              allowDecimal={false} allowNegative={false} clampBehavior="none" {...form.getInputProps(name)} />
          ))}
        </SimpleGrid>
        {problems.length > 0 && <Alert color="red" role="alert" title="Not saved">{problems.join(" ")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>Undo changes</Button>
          <Button type="submit" loading={save.isPending}>Save thresholds</Button>
        </Group>
      </Stack>
    </form>
  );
}
