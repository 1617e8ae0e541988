import { Alert, Text } from "@mantine/core";

/** A workspace section's own state, as the gateway reports it: ok, unavailable or not_configured. */
export type Section<T> = { status: string; reason?: string; data?: T };

type Props = { name: string; section: Section<unknown> | undefined };

/** Why a section shows no data: the rest of the page keeps working. */
export function SectionMessage({ name, section }: Props) {
  if (!section) return <Text c="dimmed" size="sm">You do not have access to {name}.</Text>;
  if (section.status === "not_configured") {
    return <Text c="dimmed" size="sm">{name} is not set up in this deployment.</Text>;
  }
  return (
    <Alert color="orange" variant="light" title={`${name} is unavailable right now`} role="status">
      The rest of the page still works. Try again in a moment.
    </Alert>
  );
}

export function sectionOk<T>(section: Section<T> | undefined): section is Section<T> & { data: T } {
  return section?.status === "ok" && section.data !== undefined;
}
