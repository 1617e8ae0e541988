import { Button, Drawer, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useNavigate } from "react-router";

import type { Profile } from "../api/get-workspace";
import { ComposeForm } from "@/features/comms/components/compose-form";
import { useOpenWorkForm } from "@/features/jobs/components/work-forms";

/** Call, text and email the customer, and open new work for them, without leaving the page. */
export function QuickActions({ profile }: { profile: Profile }) {
  const navigate = useNavigate();
  const [channel, setChannel] = useState<"sms" | "email" | null>(null);
  const openWork = useOpenWorkForm();
  const phone = (profile.primary_phone as { e164?: string } | null)?.e164;
  const sent = () => {
    notifications.show({ message: channel === "sms" ? "Text queued." : "Email queued." });
    setChannel(null);
    navigate(`/customers/${profile.id}/communication`);
  };
  return (
    <Group gap="xs">
      {/* Without a phone, a real disabled button: a disabled link is still read (and contrast-checked) as a link. */}
      {phone
        ? <Button size="xs" variant="light" component="a" href={`tel:${phone}`}>Call</Button>
        : <Button size="xs" variant="light" disabled>Call</Button>}
      <Button size="xs" variant="light" onClick={() => setChannel("sms")} disabled={!phone}>Text</Button>
      <Button size="xs" variant="light" onClick={() => setChannel("email")} disabled={!profile.primary_email}>Email</Button>
      <Button size="xs" variant="light" onClick={() => openWork({ form: "job" })}>New job</Button>
      <Button size="xs" variant="light" onClick={() => openWork({ form: "estimate" })}>New estimate</Button>
      <Button size="xs" variant="light" onClick={() => openWork({ form: "schedule" })}>Schedule</Button>
      <Drawer opened={channel !== null} onClose={() => setChannel(null)} position="right" size="md"
        title={channel === "sms" ? `Text ${profile.display_name}` : `Email ${profile.display_name}`}
        closeButtonProps={{ "aria-label": "Close" }}>
        {channel && <ComposeForm customerId={profile.id!} channel={channel} onSent={sent}
          defaultTo={channel === "sms" ? phone : profile.primary_email} />}
      </Drawer>
    </Group>
  );
}
