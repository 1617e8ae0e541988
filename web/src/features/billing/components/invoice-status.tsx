import { Badge } from "@mantine/core";

// Each of an invoice's seven states its own colour; the text stays dark so every tag reads at AA contrast.
const COLORS: Record<string, string> = {
  draft: "gray", sent: "blue", viewed: "cyan", partial: "yellow", paid: "green", overdue: "red", void: "dark",
};

export function InvoiceStatus({ status }: { status: string | null | undefined }) {
  if (!status) return null;
  return <Badge color={COLORS[status] ?? "gray"} variant="light" c="dark.8" aria-label={`Status: ${status}`}>{status}</Badge>;
}
