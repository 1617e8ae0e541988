import { Badge, Group, List, Loader, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { useMapsStatus, useMessagingStatus } from "../api/integrations";
import { PageError } from "@/components/page-error";

type Detail = [label: string, value: string | null | undefined];

/** One outside service as the deployment configures it: a yes/no badge, where it goes, what it makes possible. */
function StatusCard({ name, configured, details, message, enables }: {
  name: string; configured: boolean; details: Detail[]; message?: string | null; enables: string[];
}) {
  const shown = details.filter((d): d is [string, string] => Boolean(d[1]));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {/* A tinted background and dark text: AA contrast whichever the state. */}
        <Badge color={configured ? "green" : "gray"} variant="light" c="dark.8">
          {configured ? "Configured" : "Not configured"}
        </Badge>
        {shown.map(([label, value]) => (
          <Text key={label} size="sm"><Text span c="dimmed" size="sm">{label}</Text> {value}</Text>
        ))}
      </Group>
      {!configured && message && <Text size="sm">{message} Set it where Fieldwork is deployed (see the README).</Text>}
      <Text size="sm" fw={500}>{configured ? `${name} lets you:` : `With ${name} configured you could:`}</Text>
      <List size="sm" spacing={2}>{enables.map((item) => <List.Item key={item}>{item}</List.Item>)}</List>
    </Stack>
  );
}

/** The status once its service answered; a loader before, and the error (with a retry) if it could not. */
function Loaded<T>({ what, query, children }: { what: string; query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loader size="sm" aria-label={`Loading the ${what} status`} />;
  if (query.isError) return <PageError error={query.error} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}

const MAPS_ENABLES = [
  "Locate each property's address when it is saved (geocoding).",
  "See the property pinned on a map on the customer page; without it, a link looks the address up instead.",
];
const EMAIL_ENABLES = [
  "Email invoices, estimates and statements with their PDFs attached.",
  "Send customer portal invitations and review requests by email.",
  "Write emails to a customer from the Communication tab.",
];
const SMS_ENABLES = [
  "Text a customer from the Communication tab, with replies threaded into the feed.",
  "Send review requests and portal invitations by text to customers who prefer it.",
];

export function MapsIntegration() {
  const maps = useMapsStatus();
  return (
    <Loaded what="Google Maps" query={maps}>
      {(status) => <StatusCard name="Google Maps" configured={status.configured} message={status.message}
        details={[["Key ending in", status.api_key_last4]]} enables={MAPS_ENABLES} />}
    </Loaded>
  );
}

/** Email and SMS come from one answer of the comms service; each gets its own section title from the page. */
export function MessagingIntegration({ channel }: { channel: "email" | "sms" }) {
  const messaging = useMessagingStatus();
  return (
    <Loaded what={channel === "email" ? "email" : "SMS"} query={messaging}>
      {(status) => {
        if (channel === "email") {
          const email = status.email;
          return <StatusCard name="Email" configured={email.configured} message={email.message}
            details={[["Mail server", email.server], ["Sends as", email.sender]]} enables={EMAIL_ENABLES} />;
        }
        const sms = status.sms;
        return <StatusCard name="SMS" configured={sms.configured} message={sms.message}
          details={[["Provider", sms.provider], ["Sends from", sms.sender], ["Key ending in", sms.api_key_last4]]}
          enables={SMS_ENABLES} />;
      }}
    </Loaded>
  );
}
