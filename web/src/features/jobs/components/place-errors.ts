import type { UseFormReturnType } from "@mantine/form";

import { applyFieldErrors } from "@/components/field-errors";
import { ApiError } from "@/lib/api-client";

/**
 * A 422's field messages under the form's fields, where the API's names differ from the form's
 * (`scheduled_start` is the form's start time, `line_items.0.unit_price_cents` its price field).
 */
export function placeErrors<V>(form: UseFormReturnType<V>, error: unknown, rename: (path: string) => string): string[] {
  if (!(error instanceof ApiError)) return applyFieldErrors(form, error, () => false);
  const fields = Object.fromEntries(Object.entries(error.fields).map(([path, messages]) => [rename(path), messages]));
  const renamed = new ApiError(error.status, error.code, error.message, fields);
  const values = form.getValues() as Record<string, unknown>;
  return applyFieldErrors(form, renamed, (path) => path.split(".")[0] in values);
}

/** The 409 of a customer flagged do-not-service: new work needs an override with its own reason. */
export function isDoNotService(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.message.includes("do-not-service");
}
