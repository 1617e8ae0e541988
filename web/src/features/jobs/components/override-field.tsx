import { Alert, Stack, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

type WithOverride = { override_reason: string };

/** The do-not-service flag in the form itself: its reason, and the override reason new work then needs. */
export function OverrideField<V extends WithOverride>({ form, reason }: { form: UseFormReturnType<V>; reason: string }) {
  return (
    // The field stands outside the red alert: its error text would not read at AA contrast on the red tint.
    <Stack gap="xs">
      <Alert color="red" title="This customer is flagged do-not-service" role="alert">{reason}</Alert>
      <Textarea label="Reason to override do-not-service" autosize minRows={2} withAsterisk
        {...form.getInputProps("override_reason")} key={form.key("override_reason")} />
    </Stack>
  );
}

export function overrideBody(needed: boolean, reason: string) {
  return needed ? { do_not_service_override: { reason: reason.trim() } } : {};
}
