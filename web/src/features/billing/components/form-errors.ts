import type { UseFormReturnType } from "@mantine/form";

import { applyFieldErrors } from "@/components/field-errors";
import { ApiError } from "@/lib/api-client";

/**
 * A 422's field messages under the form's fields, where the API names a field otherwise (`amount_cents` is the
 * form's amount); returns what no field shows, for the form's alert.
 */
export function placeErrors<V>(form: UseFormReturnType<V>, error: unknown, rename: (path: string) => string): string[] {
  const values = form.getValues() as Record<string, unknown>;
  const renamed = error instanceof ApiError
    ? new ApiError(error.status, error.code, error.message,
      Object.fromEntries(Object.entries(error.fields).map(([path, messages]) => [rename(path), messages])))
    : error;
  return applyFieldErrors(form, renamed, (path) => path.split(".")[0] in values);
}
