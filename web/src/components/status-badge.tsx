import { Badge } from "@mantine/core";

import { words } from "@/lib/format";

const COLORS: Record<string, string> = {
  paid: "green", completed: "green", approved: "green", active: "green", delivered: "green",
  overdue: "red", failed: "red", void: "red", cancelled: "red", declined: "red", inactive: "gray",
  sent: "yellow", partial: "yellow", scheduled: "blue", quoted: "grape", prospect: "cyan", lead: "indigo",
};

export function StatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  // The colour tints the background; the text stays dark so every status reads at AA contrast.
  return <Badge color={COLORS[status] ?? "gray"} variant="light" c="dark.8">{words(status)}</Badge>;
}
