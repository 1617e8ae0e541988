import { Badge, Group, List, Loader, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

import { type MapsStatus, type MessagingStatus, useMapsStatus, useMessagingStatus } from "../api/integrations";
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

function Pending({ what, query, children }: {
  what: string; query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }; children: () => ReactNode;
}) {
  if (query.isPending) return <Loader size="sm" aria-label={`Loading the ${what} status`} />;
  if (query.isError) return <PageError error={query.error} retry={() => query.refetch()} />;
  return <>{children()}</>;
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
    <Pending what="Google Maps" query={maps}>
      {() => {
        const status = maps.data as MapsStatus;
        return <StatusCard name="Google Maps" configured={status.configured} message={status.message}
          details={[["Key ending in", status.api_key_last4]]} enables={MAPS_ENABLES} />;
      }}
    </Pending>
  );
}

/** Email and SMS come from one answer of the comms service; each gets its own section title from the page. */
export function MessagingIntegration({ channel }: { channel: "email" | "sms" }) {
  const messaging = useMessagingStatus();
  return (
    <Pending what={channel === "email" ? "email" : "SMS"} query={messaging}>
      {() => {
        const status = messaging.data as MessagingStatus;
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
    </Pending>
  );
}
