import { Badge } from "@mantine/core";

type Props = { from?: string | null; number?: string | null };

/** A record brought over from another system: where from, and its number there (how the office knew it). */
export function ImportedBadge({ from, number }: Props) {
  if (!from) return null;
  return (
    <Badge size="xs" variant="light" color="gray" c="dark.8" tt="none">
      Imported from {from}{number ? ` · #${number}` : ""}
    </Badge>
  );
}
