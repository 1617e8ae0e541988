import { Alert, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

type WithOverride = { override_reason: string };

/** The do-not-service flag in the form itself: its reason, and the override reason new work then needs. */
export function OverrideField<V extends WithOverride>({ form, reason }: { form: UseFormReturnType<V>; reason: string }) {
  return (
    <Alert color="red" title="This customer is flagged do-not-service" role="alert">
      {reason}
      <Textarea mt="xs" label="Reason to override do-not-service" autosize minRows={2} withAsterisk
        {...form.getInputProps("override_reason")} key={form.key("override_reason")} />
    </Alert>
  );
}

export function overrideBody(needed: boolean, reason: string) {
  return needed ? { do_not_service_override: { reason: reason.trim() } } : {};
}
