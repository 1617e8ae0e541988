import type { UseFormReturnType } from "@mantine/form";

import { ApiError } from "@/lib/api-client";

/**
 * Puts a 422's field messages under the form's fields (`contacts.0.phones.0.number` is a Mantine path
 * too); returns the messages no field shows, for the form's own alert.
 */
export function applyFieldErrors<V>(form: UseFormReturnType<V>, error: unknown, known: (path: string) => boolean): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : "Something went wrong."];
  const unplaced: string[] = [];
  const errors: Record<string, string> = {};
  for (const [path, messages] of Object.entries(error.fields)) {
    if (known(path)) errors[path] = messages.join(" ");
    else unplaced.push(`${path === "_" ? "" : `${path}: `}${messages.join(" ")}`);
  }
  form.setErrors(errors);
  if (!Object.keys(error.fields).length) unplaced.push(error.message);
  return unplaced;
}
