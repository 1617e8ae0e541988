import { day } from "@/lib/format";

const time = (iso: string) => new Date(iso).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });

/** "Tue, May 6, 2031 · 1:30 PM – 3:00 PM": the day and the window the office promised, in local time. */
export function windowText(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return "Not scheduled";
  const weekday = new Date(start).toLocaleDateString("en-US", { weekday: "short" });
  return `${weekday}, ${day(start)} · ${time(start)}${end ? ` – ${time(end)}` : ""}`;
}

/** An instant as the local day (YYYY-MM-DD) and time (HH:MM) the date and time fields show. */
export function localParts(iso: string | null | undefined): { date: string | null; time: string } {
  if (!iso) return { date: null, time: "" };
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}
