import type { Profile } from "@/features/workspace/api/get-workspace";

/** What a form opens with: which form, and what the button that opened it already knows. */
export type WorkDraft = {
  form: "job" | "schedule" | "estimate";
  title?: string;
  serviceType?: string;
  propertyId?: string | null;
  date?: string | null; // YYYY-MM-DD
  minutes?: number;
};

type Property = NonNullable<Profile["properties"]>[number];

export function propertyLabel(p: Property): string {
  return [p.line1, p.line2, p.city, p.region, p.postal_code].filter(Boolean).join(", ");
}

export function propertyOptions(profile: Profile) {
  return (profile.properties ?? []).map((p) => ({ value: p.id!, label: propertyLabel(p) }));
}

/** The property new work goes to unless the draft names one: the primary, else the only one. */
export function defaultProperty(profile: Profile, draft: WorkDraft): string | null {
  if (draft.propertyId) return draft.propertyId;
  const properties = profile.properties ?? [];
  return (properties.find((p) => p.is_primary) ?? properties[0])?.id ?? null;
}

/** A local wall-clock day and time as the instant the API takes (ISO with the browser's offset applied). */
export function localInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}
