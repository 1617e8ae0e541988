// A plan's recurrence is an RFC 5545 RRULE on the wire (the jobs service reads it with dateutil); the office
// picks it as "every N weeks" and reads it back in words. Rules the form cannot make stay as they are.

export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
export type Repeat = { frequency: Frequency; interval: number };

export const FREQUENCIES: { value: Frequency; label: string; unit: string }[] = [
  { value: "WEEKLY", label: "Weekly", unit: "week" },
  { value: "MONTHLY", label: "Monthly", unit: "month" },
  { value: "YEARLY", label: "Yearly", unit: "year" },
  { value: "DAILY", label: "Daily", unit: "day" },
];

const DAYS: Record<string, string> = {
  MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday",
};

export function unitOf(frequency: Frequency): string {
  return FREQUENCIES.find((f) => f.value === frequency)!.unit;
}

function parts(rule: string): Record<string, string> | null {
  const text = rule.trim().replace(/^RRULE:/i, "");
  const entries = text.split(";").filter(Boolean).map((part) => part.split("="));
  if (entries.some((entry) => entry.length !== 2 || !entry[0] || !entry[1])) return null;
  return Object.fromEntries(entries.map(([key, value]) => [key.toUpperCase(), value.toUpperCase()]));
}

/** The RRULE for "every `interval` `frequency`s"; visits fall on the first visit's weekday or day of the month. */
export function toRule({ frequency, interval }: Repeat): string {
  return interval > 1 ? `FREQ=${frequency};INTERVAL=${interval}` : `FREQ=${frequency}`;
}

/** The form's choice for a rule it could have made itself, or null (a rule with days, counts or an end). */
export function fromRule(rule: string): Repeat | null {
  const p = parts(rule);
  if (!p || !FREQUENCIES.some((f) => f.value === p.FREQ)) return null;
  if (Object.keys(p).some((key) => key !== "FREQ" && key !== "INTERVAL")) return null;
  const interval = p.INTERVAL ? Number(p.INTERVAL) : 1;
  if (!Number.isInteger(interval) || interval < 1) return null;
  return { frequency: p.FREQ as Frequency, interval };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

function untilDay(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return value;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" });
}

/**
 * The rule in words, as the office would say it: "Every 2 weeks on Tuesday", "Every 3 months on the 6th".
 * Without BYDAY or BYMONTHDAY the first visit (`startsAt`, shown in the browser's time zone) fixes the day.
 */
export function describe(rule: string, startsAt?: string | null): string {
  const p = parts(rule);
  const unit = p && FREQUENCIES.find((f) => f.value === p.FREQ)?.unit;
  if (!p || !unit) return `Custom rule ${rule}`;
  const interval = p.INTERVAL ? Number(p.INTERVAL) : 1;
  let words = interval > 1 ? `Every ${interval} ${unit}s` : `Every ${unit}`;
  const start = startsAt ? new Date(startsAt) : null;
  if (p.FREQ === "WEEKLY") {
    const days = p.BYDAY ? p.BYDAY.split(",").map((d) => DAYS[d.slice(-2)] ?? d) : start ? [start.toLocaleDateString("en-US", { weekday: "long" })] : [];
    if (days.length) words += ` on ${days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}` : days[0]}`;
  } else if (p.FREQ === "MONTHLY") {
    const day = p.BYMONTHDAY ? Number(p.BYMONTHDAY) : start?.getDate();
    if (day && day > 0) words += ` on the ${ordinal(day)}`;
  } else if (p.FREQ === "YEARLY" && start) {
    words += ` on ${start.toLocaleDateString("en-US", { month: "long", day: "numeric" })}`;
  }
  if (p.COUNT) words += `, ${p.COUNT} visits in all`;
  if (p.UNTIL) words += `, until ${untilDay(p.UNTIL)}`;
  return words;
}
